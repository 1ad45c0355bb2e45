import { candidateRouter } from "./routers/candidate";
import { clientRouter } from "./routers/client";
import { dashboardRouter } from "./routers/dashboard";
import { feedbackRouter } from "./routers/feedback";
import { interviewRouter } from "./routers/interview";
import { jobRouter } from "./routers/job";
import { myFeedbackRouter } from "./routers/my-feedback";
import { templateRouter } from "./routers/template";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  candidate: candidateRouter,
  client: clientRouter,
  interview: interviewRouter,
  job: jobRouter,
  dashboard: dashboardRouter,
  feedback: feedbackRouter,
  myFeedback: myFeedbackRouter,
  template: templateRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
