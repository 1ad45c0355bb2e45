import { createTrpcHandler } from "@debrief/web/trpc/handler";
import { getSession } from "~/auth";

export const { GET, POST } = createTrpcHandler(getSession);
