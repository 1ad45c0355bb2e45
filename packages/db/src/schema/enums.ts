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
  roles,
  seniorities,
  userStatuses,
} from "@debrief/validators";
import { pgEnum } from "drizzle-orm/pg-core";

export const roleEnum = pgEnum("user_role", roles);
export const userStatusEnum = pgEnum("user_status", userStatuses);
export const stageEnum = pgEnum("interview_stage", interviewStages);
export const outcomeEnum = pgEnum("interview_outcome", interviewOutcomes);
export const seniorityEnum = pgEnum("seniority", seniorities);
export const feedbackStatusEnum = pgEnum("feedback_status", feedbackStatuses);
export const lensEnum = pgEnum("feedback_lens", lenses);
export const itemKindEnum = pgEnum("item_kind", itemKinds);
export const goalStatusEnum = pgEnum("goal_status", goalStatuses);
export const journalKindEnum = pgEnum("journal_kind", journalKinds);
export const dataRequestKindEnum = pgEnum("data_request_kind", dataRequestKinds);
export const dataRequestStatusEnum = pgEnum("data_request_status", dataRequestStatuses);
