// The /api/trpc route of a portal: its own session function, a request id, limited batches.
import { appRouter, createTRPCContext, type GetSession, logger } from "@debrief/api";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";

export function createTrpcHandler(getSession: GetSession) {
  const handler = (req: Request) => {
    const requestId = crypto.randomUUID();
    const headers = new Headers(req.headers);
    headers.set("x-request-id", requestId);
    return fetchRequestHandler({
      endpoint: "/api/trpc",
      router: appRouter,
      req,
      maxBatchSize: 10,
      createContext: () => createTRPCContext({ headers, getSession }),
      responseMeta: () => ({ headers: new Headers({ "x-request-id": requestId }) }),
      onError: ({ error, path }) => {
        if (error.code === "INTERNAL_SERVER_ERROR")
          logger.error({ requestId, path }, "request failed");
      },
    });
  };
  return { GET: handler, POST: handler };
}
