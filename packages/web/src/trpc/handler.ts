// The /api/trpc route of a portal: its own session function, a request id, limited batches and
// bodies.
import { appRouter, createTRPCContext, type GetSession, logger } from "@debrief/api";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { refuseForeignRequest } from "./request-guard";

/**
 * The largest request body accepted, in bytes. The biggest valid input (a feedback draft: 40 items
 * of 2,000 + 1,000 characters and a 2,000-character summary) is under 400 KB even in three-byte
 * characters; tRPC's fetch adapter sets no limit of its own (only its Node adapter has one).
 */
export const MAX_BODY_BYTES = 1024 * 1024;
export const MAX_BATCH_SIZE = 10;

function tooLarge(requestId: string) {
  const error = {
    message: "The request is too large",
    code: -32600,
    data: { code: "PAYLOAD_TOO_LARGE", httpStatus: 413, fieldErrors: null },
  };
  return Response.json(
    { error: { json: error } },
    { status: 413, headers: { "x-request-id": requestId, "cache-control": "no-store" } },
  );
}

/** The body read up to the limit (a missing or false content-length does not get past it). */
async function boundedBody(req: Request): Promise<Uint8Array | "too large" | null> {
  if (Number(req.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) return "too large";
  if (!req.body) return null;
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      return "too large";
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

export function createTrpcHandler(getSession: GetSession) {
  const handler = async (incoming: Request) => {
    const requestId = crypto.randomUUID();
    const headers = new Headers(incoming.headers);
    headers.set("x-request-id", requestId);
    // Cross-origin requests and non-JSON bodies never reach tRPC (see request-guard.ts).
    const refused = refuseForeignRequest(incoming);
    if (refused) {
      refused.headers.set("x-request-id", requestId);
      return refused;
    }
    let req = incoming;
    if (incoming.method !== "GET" && incoming.method !== "HEAD") {
      const body = await boundedBody(incoming);
      if (body === "too large") return tooLarge(requestId);
      req = new Request(incoming.url, {
        method: incoming.method,
        headers: incoming.headers,
        body: body as RequestInit["body"],
        signal: incoming.signal,
      });
    }
    return fetchRequestHandler({
      endpoint: "/api/trpc",
      router: appRouter,
      req,
      maxBatchSize: MAX_BATCH_SIZE,
      createContext: () => createTRPCContext({ headers, getSession }),
      responseMeta: () => ({
        headers: new Headers({ "x-request-id": requestId, "cache-control": "no-store" }),
      }),
      onError: ({ error, path }) => {
        if (error.code === "INTERNAL_SERVER_ERROR")
          logger.error({ requestId, path }, "request failed");
      },
    });
  };
  return { GET: handler, POST: handler };
}
