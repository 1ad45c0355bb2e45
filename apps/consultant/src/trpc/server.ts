import { createServerTRPC } from "@debrief/web/trpc/server";
import { getSession } from "~/auth";

export { fetchOrNotFound, HydrateClient, prefetch } from "@debrief/web/trpc/server";
export const trpc = createServerTRPC(getSession);
