import { adminAuditRouter } from "./routers/admin/audit";
import { adminDataRequestsRouter } from "./routers/admin/data-requests";
import { adminMailRouter } from "./routers/admin/mail";
import { adminReportsRouter } from "./routers/admin/reports";
import { adminSettingsRouter } from "./routers/admin/settings";
import { adminUsersRouter } from "./routers/admin/users";
import { candidateRouter } from "./routers/candidate";
import { candidateProfileRouter } from "./routers/candidate-profile";
import { clarificationRouter } from "./routers/clarification";
import { clientRouter } from "./routers/client";
import { dashboardRouter } from "./routers/dashboard";
import { feedbackRouter } from "./routers/feedback";
import { goalRouter } from "./routers/goal";
import { insightsRouter } from "./routers/insights";
import { interviewRouter } from "./routers/interview";
import { jobRouter } from "./routers/job";
import { journalRouter } from "./routers/journal";
import { myDataRouter } from "./routers/my-data";
import { myFeedbackRouter } from "./routers/my-feedback";
import { notificationRouter } from "./routers/notification";
import { planRouter } from "./routers/plan";
import { templateRouter } from "./routers/template";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  admin: {
    audit: adminAuditRouter,
    dataRequests: adminDataRequestsRouter,
    mail: adminMailRouter,
    reports: adminReportsRouter,
    settings: adminSettingsRouter,
    users: adminUsersRouter,
  },
  candidate: candidateRouter,
  candidateProfile: candidateProfileRouter,
  clarification: clarificationRouter,
  client: clientRouter,
  interview: interviewRouter,
  job: jobRouter,
  dashboard: dashboardRouter,
  feedback: feedbackRouter,
  goal: goalRouter,
  insights: insightsRouter,
  journal: journalRouter,
  myData: myDataRouter,
  myFeedback: myFeedbackRouter,
  notification: notificationRouter,
  plan: planRouter,
  template: templateRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
