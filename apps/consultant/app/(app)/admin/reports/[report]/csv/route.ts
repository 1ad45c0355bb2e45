// "Download CSV": one report's table for the filters and breakdown in the query string. Runs the
// admin.reports.exportCsv procedure in-process as the signed-in user, so the same role check,
// tenant, validation and audit event (report.exported) apply. Anyone but an admin gets a 404.
import { createCaller, createTRPCContext } from "@debrief/api";
import { getSession } from "~/auth";
import { exportInputOf, isReportKind, paramOf } from "../../_components/report-params";

export const dynamic = "force-dynamic";

const notFound = (requestId: string) =>
  new Response("Not found", {
    status: 404,
    headers: { "content-type": "text/plain; charset=utf-8", "x-request-id": requestId },
  });

/** What was wrong, named by the query-string parameter: from zod's issues or the field errors. */
function reasonOf(error: { message?: unknown; cause?: unknown }): string {
  const cause = error.cause as
    | {
        issues?: { path: PropertyKey[]; message: string }[];
        fieldErrors?: Record<string, string[]>;
      }
    | undefined;
  const param = (field: string) => (paramOf as Record<string, string>)[field] ?? field;
  if (cause?.issues?.length) {
    return cause.issues
      .map((i) => `${param(String(i.path[0] ?? "input"))} ${i.message}`)
      .join("; ");
  }
  if (cause?.fieldErrors) {
    return Object.entries(cause.fieldErrors)
      .map(([field, messages]) => `${param(field)} ${messages[0]}`)
      .join("; ");
  }
  return String(error.message ?? "Bad request");
}

export async function GET(req: Request, { params }: { params: Promise<{ report: string }> }) {
  const headers = new Headers(req.headers);
  if (!headers.get("x-request-id")) headers.set("x-request-id", crypto.randomUUID());
  const ctx = await createTRPCContext({ headers, getSession });
  const { report } = await params;
  if (ctx.session?.user.role !== "admin" || !isReportKind(report)) {
    return notFound(ctx.requestId);
  }
  try {
    const out = await createCaller(ctx).admin.reports.exportCsv(
      exportInputOf(report, new URL(req.url)) as Parameters<
        ReturnType<typeof createCaller>["admin"]["reports"]["exportCsv"]
      >[0],
    );
    return new Response(out.csv, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${out.filename}"`,
        "cache-control": "no-store",
        "x-content-type-options": "nosniff",
        "x-request-id": ctx.requestId,
      },
    });
  } catch (error) {
    const e = error as { code?: unknown; message?: unknown; cause?: unknown };
    const headersOut = {
      "content-type": "text/plain; charset=utf-8",
      "x-request-id": ctx.requestId,
    };
    if (e.code === "UNAUTHORIZED" || e.code === "FORBIDDEN") return notFound(ctx.requestId);
    if (e.code === "BAD_REQUEST" || e.code === "NOT_FOUND") {
      // The filters are the caller's: say which and why, as the page does.
      return new Response(`${reasonOf(e)}\n`, {
        status: e.code === "NOT_FOUND" ? 404 : 400,
        headers: headersOut,
      });
    }
    return new Response("Something went wrong. Please try again.\n", {
      status: 500,
      headers: headersOut,
    });
  }
}
