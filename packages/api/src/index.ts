import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "./root";

export { logger } from "./logger";
export { type AppRouter, appRouter, createCaller } from "./root";
export { notifyUser } from "./services/notify";
export {
  createInnerTRPCContext,
  createTRPCContext,
  type GetSession,
  type Session,
  type SessionUser,
} from "./trpc";

export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
