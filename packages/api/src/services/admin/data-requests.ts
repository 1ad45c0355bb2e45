// Data requests in the admin area: the queue and its history, an admin's export of a candidate,
// erasure (of a request, or on the admin's own initiative) and declining a request with a reason.
import { aliasedTable, and, eq, schema as s, sql } from "@debrief/db";
import type { CandidateExport, DataRequestRow, ErasureCounts } from "@debrief/validators";
import { DomainError, notFound } from "../../errors";
import type { ProtectedContext } from "../../trpc";
import { recordAudit } from "../audit";
import { candidateExport } from "../my-data";
import { notifyUser } from "../notify";
import { eraseCandidate } from "./erasure";

const requester = aliasedTable(s.users, "requester");

/** Who completed or declined a request: the actor of its latest closing audit event. */
const closedBy = sql<{ id: string; name: string } | null>`(
  select json_build_object('id', u.id, 'name', u.name)
  from audit_events e join users u on u.agency_id = e.agency_id and u.id = e.actor_id
  where e.agency_id = ${s.dataRequests.agencyId} and e.entity_type = 'data_request'
    and e.entity_id = ${s.dataRequests.id}
    and e.action in ('data_request.completed', 'data_request.rejected')
  order by e.created_at desc limit 1
)`;

export async function list({
  ctx,
  input,
}: {
  ctx: ProtectedContext;
  input: {
    status?: "pending" | "completed" | "rejected";
    kind?: "export" | "erasure";
    page: number;
    pageSize: number;
  };
}): Promise<{
  rows: DataRequestRow[];
  total: number;
  page: number;
  pageSize: number;
  pendingCount: number;
}> {
  const where = and(
    input.status ? eq(s.dataRequests.status, input.status) : undefined,
    input.kind ? eq(s.dataRequests.kind, input.kind) : undefined,
  );
  const [rows, [counted], [pending]] = await Promise.all([
    ctx.tx
      .select({
        id: s.dataRequests.id,
        kind: s.dataRequests.kind,
        status: s.dataRequests.status,
        candidateId: s.candidates.id,
        candidateName: s.candidates.name,
        erasedAt: s.candidates.erasedAt,
        requesterId: requester.id,
        requesterName: requester.name,
        requesterRole: requester.role,
        createdAt: s.dataRequests.createdAt,
        completedAt: s.dataRequests.completedAt,
        completedBy: closedBy,
        note: s.dataRequests.note,
      })
      .from(s.dataRequests)
      .innerJoin(s.candidates, eq(s.candidates.id, s.dataRequests.candidateId))
      .innerJoin(requester, eq(requester.id, s.dataRequests.requestedById))
      .where(where)
      // The queue first, oldest waiting longest at the top; then the history, latest first.
      .orderBy(
        sql`${s.dataRequests.status} <> 'pending'`,
        sql`case when ${s.dataRequests.status} = 'pending' then ${s.dataRequests.createdAt} end asc`,
        sql`coalesce(${s.dataRequests.completedAt}, ${s.dataRequests.createdAt}) desc`,
        sql`${s.dataRequests.id} desc`,
      )
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    ctx.tx.select({ n: sql<number>`count(*)::int` }).from(s.dataRequests).where(where),
    ctx.tx
      .select({ n: sql<number>`count(*)::int` })
      .from(s.dataRequests)
      .where(eq(s.dataRequests.status, "pending")),
  ]);
  return {
    rows: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      status: r.status,
      candidate: { id: r.candidateId, name: r.candidateName, erased: r.erasedAt !== null },
      requestedBy: { id: r.requesterId, name: r.requesterName, role: r.requesterRole },
      createdAt: r.createdAt,
      completedAt: r.completedAt,
      completedBy: r.completedBy,
      note: r.note,
    })),
    total: counted?.n ?? 0,
    page: input.page,
    pageSize: input.pageSize,
    pendingCount: pending?.n ?? 0,
  };
}

async function liveCandidate(ctx: ProtectedContext, candidateId: string) {
  const [row] = await ctx.tx
    .select({ id: s.candidates.id, name: s.candidates.name, erasedAt: s.candidates.erasedAt })
    .from(s.candidates)
    .where(eq(s.candidates.id, candidateId));
  if (!row) {
    throw new DomainError("NOT_FOUND", "Candidate not found", {
      candidateId: ["was not found in your agency"],
    });
  }
  return row;
}

/**
 * An admin's export of a candidate: exactly the file the candidate downloads themselves, recorded
 * as a completed export request and in the audit trail (ids only).
 */
export async function exportCandidate({
  ctx,
  input,
}: {
  ctx: ProtectedContext;
  input: { candidateId: string };
}): Promise<{ dataRequestId: string; data: CandidateExport }> {
  const candidate = await liveCandidate(ctx, input.candidateId);
  if (candidate.erasedAt) {
    throw new DomainError(
      "BAD_REQUEST",
      "This candidate's data has been erased: nothing is left to export",
      {
        candidateId: ["was erased"],
      },
    );
  }
  const data = await candidateExport(ctx.tx, candidate.id);
  const [request] = await ctx.tx
    .insert(s.dataRequests)
    .values({
      agencyId: ctx.user.agencyId,
      candidateId: candidate.id,
      kind: "export",
      status: "completed",
      requestedById: ctx.user.id,
      completedAt: new Date(),
    })
    .returning({ id: s.dataRequests.id });
  if (!request) throw new Error("insert returned no row");
  await recordAudit(ctx, {
    action: "candidate.exported",
    entityType: "candidate",
    entityId: candidate.id,
    metadata: { by: "admin", dataRequestId: request.id },
  });
  await recordAudit(ctx, {
    action: "data_request.completed",
    entityType: "data_request",
    entityId: request.id,
    metadata: { kind: "export" },
  });
  return { dataRequestId: request.id, data };
}

/** Case, spacing and surrounding blanks do not matter; every letter does. */
const normalised = (name: string) => name.trim().replace(/\s+/g, " ").toLowerCase();

export async function erase({
  ctx,
  input,
}: {
  ctx: ProtectedContext;
  input: { candidateId: string; dataRequestId?: string; confirmation: string };
}): Promise<{
  candidateId: string;
  alreadyErased: boolean;
  dataRequestIds: string[];
  counts: ErasureCounts;
}> {
  const candidate = await liveCandidate(ctx, input.candidateId);
  if (input.dataRequestId) {
    const [request] = await ctx.tx
      .select({
        candidateId: s.dataRequests.candidateId,
        kind: s.dataRequests.kind,
        status: s.dataRequests.status,
      })
      .from(s.dataRequests)
      .where(eq(s.dataRequests.id, input.dataRequestId));
    if (!request || request.candidateId !== candidate.id) {
      throw new DomainError("NOT_FOUND", "Data request not found", {
        dataRequestId: ["is not a request of this candidate"],
      });
    }
    if (request.kind !== "erasure") {
      throw new DomainError("BAD_REQUEST", "That request is an export, not an erasure", {
        dataRequestId: ["is not an erasure request"],
      });
    }
    if (request.status === "rejected") {
      throw new DomainError("BAD_REQUEST", "That request was declined", {
        dataRequestId: ["was declined"],
      });
    }
  }
  // A repeated call after success changes nothing and answers the same (the name is gone by then).
  if (!candidate.erasedAt && normalised(input.confirmation) !== normalised(candidate.name)) {
    throw new DomainError("BAD_REQUEST", "The confirmation does not match the candidate's name", {
      confirmation: [`must be the candidate's name, “${candidate.name}”`],
    });
  }
  const result = await eraseCandidate(
    { tx: ctx.tx, agencyId: ctx.user.agencyId, actorId: ctx.user.id, requestId: ctx.requestId },
    {
      candidateId: candidate.id,
      trigger: input.dataRequestId ? "request" : "admin",
      dataRequestId: input.dataRequestId,
    },
  );
  return { candidateId: candidate.id, ...result };
}

export async function reject({
  ctx,
  input,
}: {
  ctx: ProtectedContext;
  input: { dataRequestId: string; reason: string };
}) {
  const [request] = await ctx.tx
    .select({
      id: s.dataRequests.id,
      status: s.dataRequests.status,
      kind: s.dataRequests.kind,
      candidateUserId: s.candidates.userId,
    })
    .from(s.dataRequests)
    .innerJoin(s.candidates, eq(s.candidates.id, s.dataRequests.candidateId))
    .where(eq(s.dataRequests.id, input.dataRequestId))
    .for("update", { of: s.dataRequests });
  if (!request) throw notFound("Data request");
  if (request.status !== "pending") {
    throw new DomainError(
      "BAD_REQUEST",
      `This request is already ${request.status === "completed" ? "completed" : "declined"}`,
      { dataRequestId: ["is no longer pending"] },
    );
  }
  const [row] = await ctx.tx
    .update(s.dataRequests)
    .set({ status: "rejected", completedAt: new Date(), note: input.reason })
    .where(eq(s.dataRequests.id, request.id))
    .returning({
      id: s.dataRequests.id,
      status: s.dataRequests.status,
      completedAt: s.dataRequests.completedAt,
    });
  if (!row) throw notFound("Data request");
  // The reason stays on the request (and goes to the candidate), not in the audit trail.
  await recordAudit(ctx, {
    action: "data_request.rejected",
    entityType: "data_request",
    entityId: request.id,
    metadata: { kind: request.kind },
  });
  if (request.candidateUserId) {
    // The reason is the notice's body: it is the candidate's to read.
    const what = request.kind === "erasure" ? "erasure" : "export";
    await notifyUser(ctx, {
      userId: request.candidateUserId,
      kind: "data_request.rejected",
      title: `${ctx.user.agencyName} declined your ${what} request`,
      body: input.reason,
      link: "/my-data",
    });
  }
  return row;
}
