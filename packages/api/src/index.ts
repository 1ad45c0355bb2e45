import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "./root";

export { logger } from "./logger";
export { type AppRouter, appRouter, createCaller } from "./root";
export { purgeExpired } from "./services/admin/retention";
export { notifyUser } from "./services/notify";
export { digestOverdue, remindOverdue } from "./services/reminders";
export {
  createInnerTRPCContext,
  createTRPCContext,
  type GetSession,
  type Session,
  type SessionUser,
} from "./trpc";

export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
