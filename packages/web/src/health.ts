// GET /api/health: the portal is up and its database answers.
import { getDb, sql } from "@debrief/db";

export async function healthHandler(): Promise<Response> {
  try {
    await getDb().execute(sql`select 1`);
    return Response.json({ status: "ok" });
  } catch {
    return Response.json({ status: "unavailable", database: "unreachable" }, { status: 503 });
  }
}
