// "Download everything about me": the candidate's export as a JSON file. Calls the router in-process
// with the portal's own session, so the same procedure, checks and output allowlist apply.
import { createCaller, createTRPCContext } from "@debrief/api";
import { getSession } from "~/auth";

export const dynamic = "force-dynamic";

const statusOf: Record<string, number> = { UNAUTHORIZED: 401, FORBIDDEN: 403, NOT_FOUND: 404 };

export async function GET(req: Request) {
  const headers = new Headers(req.headers);
  if (!headers.get("x-request-id")) headers.set("x-request-id", crypto.randomUUID());
  const ctx = await createTRPCContext({ headers, getSession });
  if (!ctx.session) return Response.json({ error: "Please sign in" }, { status: 401 });
  try {
    const data = await createCaller(ctx).myData.export();
    const day = data.exportedAt.toISOString().slice(0, 10);
    return new Response(JSON.stringify(data, null, 2), {
      headers: {
        "content-type": "application/json; charset=utf-8",
        "content-disposition": `attachment; filename="my-data-${day}.json"`,
        "cache-control": "no-store",
        "x-request-id": ctx.requestId,
      },
    });
  } catch (error) {
    const code = (error as { code?: unknown })?.code;
    const status = typeof code === "string" ? (statusOf[code] ?? 500) : 500;
    return Response.json(
      { error: status === 500 ? "Something went wrong. Please try again." : String(code) },
      { status, headers: { "x-request-id": ctx.requestId } },
    );
  }
}
