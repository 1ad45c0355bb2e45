import { createServerHelpers } from "@debrief/web/trpc/server";
import { getSession } from "~/auth";

export const { trpc, HydrateClient, prefetch, fetchOrNotFound } = createServerHelpers(getSession);
