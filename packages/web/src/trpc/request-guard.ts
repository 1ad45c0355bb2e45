// What /api/trpc refuses before tRPC sees a request (CSRF defence in depth, beside SameSite=Lax):
// - a request whose Origin is present and is not this portal's own (403), which includes the
//   other portal on the same host and `Origin: null` (sandboxed frames, some redirects);
// - a POST whose body is not JSON (415). tRPC 11's fetch adapter itself accepts
//   multipart/form-data and application/octet-stream POSTs as mutation input, and a
//   multipart/form-data POST is exactly what a cross-site HTML form can send without a preflight.
//   The portals' client only ever sends application/json.

/** The host the browser addressed: the proxy's X-Forwarded-Host, else Host (as Next's server actions check). */
function ownHost(headers: Headers): string | null {
  const forwarded = headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  return forwarded || headers.get("host") || null;
}

function isJson(headers: Headers): boolean {
  const type = headers.get("content-type")?.split(";", 1)[0]?.trim().toLowerCase();
  return type === "application/json";
}

/** The error in the shape tRPC's own errors have on this route (superjson-wrapped). */
function refusal(status: 403 | 415, code: string, rpcCode: number, message: string): Response {
  const error = { message, code: rpcCode, data: { code, httpStatus: status, fieldErrors: null } };
  return Response.json(
    { error: { json: error } },
    { status, headers: { "cache-control": "no-store" } },
  );
}

/** Null when the request may go on to tRPC; otherwise the response to send instead. */
export function refuseForeignRequest(req: Request): Response | null {
  const origin = req.headers.get("origin");
  if (origin !== null) {
    let originHost: string | null = null;
    try {
      originHost = origin === "null" ? null : new URL(origin).host;
    } catch {
      originHost = null;
    }
    const host = ownHost(req.headers) ?? new URL(req.url).host;
    if (!originHost || originHost.toLowerCase() !== host.toLowerCase()) {
      return refusal(403, "FORBIDDEN", -32003, "Cross-origin requests are not accepted.");
    }
  }
  if (req.method === "POST" && !isJson(req.headers)) {
    return refusal(415, "UNSUPPORTED_MEDIA_TYPE", -32015, "Requests must be application/json.");
  }
  return null;
}
