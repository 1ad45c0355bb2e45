import { feedbackRouter } from "./routers/feedback";
import { myFeedbackRouter } from "./routers/my-feedback";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  feedback: feedbackRouter,
  myFeedback: myFeedbackRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
