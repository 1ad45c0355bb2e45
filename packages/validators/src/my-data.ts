// "My data": everything the agency holds about the candidate, and their request to be erased.
import { z } from "zod";
import {
  dataRequestKinds,
  dataRequestStatuses,
  feedbackStatuses,
  goalStatuses,
  interviewOutcomes,
  interviewStages,
  itemKinds,
  journalKinds,
  lenses,
} from "./enums";

export const dataRequestOutput = z.object({
  id: z.uuid(),
  kind: z.enum(dataRequestKinds),
  status: z.enum(dataRequestStatuses),
  createdAt: z.date(),
  completedAt: z.date().nullable(),
});
export type DataRequest = z.infer<typeof dataRequestOutput>;

export const myDataRequestsOutput = z.array(dataRequestOutput);

const exportItem = z.object({
  id: z.uuid(),
  lens: z.enum(lenses),
  kind: z.enum(itemKinds),
  competency: z.string().nullable(),
  reason: z.string().nullable(),
  detail: z.string(),
  nextStep: z.string().nullable(),
});

/** The export is the allowlist: a field not named here never leaves the server. */
export const myDataExportOutput = z.object({
  exportedAt: z.date(),
  agency: z.object({ name: z.string() }),
  account: z.object({ name: z.string(), email: z.string(), createdAt: z.date() }),
  profile: z.object({
    id: z.uuid(),
    name: z.string(),
    email: z.string(),
    headline: z.string().nullable(),
    consultantName: z.string(),
    createdAt: z.date(),
    updatedAt: z.date(),
  }),
  interviews: z.array(
    z.object({
      id: z.uuid(),
      jobTitle: z.string(),
      clientName: z.string(),
      stage: z.enum(interviewStages),
      scheduledAt: z.date(),
      outcome: z.enum(interviewOutcomes),
      outcomeAt: z.date().nullable(),
    }),
  ),
  feedback: z.array(
    z.object({
      id: z.uuid(),
      interviewId: z.uuid(),
      status: z.enum(feedbackStatuses),
      summary: z.string(),
      consultantName: z.string(),
      publishedAt: z.date().nullable(),
      readAt: z.date().nullable(),
      acknowledgedAt: z.date().nullable(),
      items: z.array(exportItem),
      /** Earlier published versions, oldest first. */
      revisions: z.array(
        z.object({
          version: z.int(),
          summary: z.string(),
          createdAt: z.date(),
          items: z.array(exportItem.omit({ id: true })),
        }),
      ),
    }),
  ),
  responses: z.array(
    z.object({
      feedbackItemId: z.uuid(),
      helpful: z.boolean(),
      comment: z.string().nullable(),
      createdAt: z.date(),
      updatedAt: z.date(),
    }),
  ),
  clarificationMessages: z.array(
    z.object({
      id: z.uuid(),
      feedbackId: z.uuid(),
      authorName: z.string(),
      fromMe: z.boolean(),
      body: z.string(),
      createdAt: z.date(),
    }),
  ),
  actionPlans: z.array(
    z.object({
      id: z.uuid(),
      title: z.string(),
      feedbackId: z.uuid().nullable(),
      createdAt: z.date(),
      goals: z.array(
        z.object({
          id: z.uuid(),
          title: z.string(),
          measure: z.string(),
          targetDate: z.iso.date(),
          status: z.enum(goalStatuses),
          droppedReason: z.string().nullable(),
          completedAt: z.date().nullable(),
          feedbackItemIds: z.array(z.uuid()),
          steps: z.array(
            z.object({
              id: z.uuid(),
              title: z.string(),
              dueDate: z.iso.date().nullable(),
              doneAt: z.date().nullable(),
            }),
          ),
          comments: z.array(
            z.object({
              id: z.uuid(),
              authorName: z.string(),
              body: z.string(),
              createdAt: z.date(),
            }),
          ),
        }),
      ),
    }),
  ),
  journal: z.array(
    z.object({
      id: z.uuid(),
      kind: z.enum(journalKinds),
      title: z.string(),
      body: z.string(),
      interviewId: z.uuid().nullable(),
      goalId: z.uuid().nullable(),
      createdAt: z.date(),
      updatedAt: z.date(),
    }),
  ),
  notifications: z.array(
    z.object({
      id: z.uuid(),
      kind: z.string(),
      title: z.string(),
      body: z.string(),
      link: z.string().nullable(),
      readAt: z.date().nullable(),
      createdAt: z.date(),
    }),
  ),
  dataRequests: z.array(dataRequestOutput),
});
export type MyDataExport = z.infer<typeof myDataExportOutput>;
