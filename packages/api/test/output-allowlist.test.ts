// Output schemas as the field allowlist. Every procedure declares a zod `.output()`; tRPC parses
// each answer through it, and zod objects drop keys they do not name, so the schema is exactly what
// leaves the server. Here each schema becomes its set of dotted field paths ("items[].detail"),
// snapshot-tested per procedure (any new field in any answer shows up in review), and the answers a
// candidate may receive are held to two rules:
//   1. no field with an internal name at any depth (override reasons, review comments, staff ids,
//      secrets, other people's settings, agency ids);
//   2. called for real as candidate A, no value of candidate B, of another agency or of the
//      agency's internal work (unpublished feedback, review and override text, staff ids).
// Which procedures a candidate may call comes from the authorization matrix (authz/candidate-
// callable.ts, checked against it by authorization.test.ts).
import { type Database, sql } from "@debrief/db";
import { type AgencyFixture, createAgencyFixture } from "@debrief/db/factories";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ZodType, z } from "zod";
import { appRouter } from "../src/root";
import { candidateCallable } from "./authz/candidate-callable";
import { callerFor, connect } from "./support";

const { app, owner, close } = connect();
afterAll(close);

type ProcedureDef = { _def: { type: "query" | "mutation"; output?: ZodType } };
const procedures = appRouter._def.procedures as unknown as Record<string, ProcedureDef>;
const paths = Object.keys(procedures).sort();
const forCandidates = new Set<string>(candidateCallable);
const staffOnly = paths.filter((p) => !forCandidates.has(p));

type JsonSchema = {
  $ref?: string;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  additionalProperties?: JsonSchema | boolean;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  $defs?: Record<string, JsonSchema>;
};

/**
 * The dotted paths of every field an output schema lets through: objects' properties by name,
 * array elements as `[]`, a record's values as `*`, every branch of a union. A recursive schema
 * (z.json()) ends in `<recursive>`.
 */
function fieldPaths(schema: ZodType): string[] {
  const root = z.toJSONSchema(schema, { io: "output", unrepresentable: "any" }) as JsonSchema;
  const defs = root.$defs ?? {};
  const out = new Set<string>();
  const walk = (node: JsonSchema | boolean | undefined, prefix: string, seen: string[]) => {
    if (!node || typeof node !== "object") return;
    if (node.$ref) {
      const name = node.$ref.replace(/^#\/\$defs\//, "");
      if (seen.includes(name)) out.add(`${prefix}<recursive>`);
      else walk(name === "#" ? root : defs[name], prefix, [...seen, name]);
    }
    for (const [key, value] of Object.entries(node.properties ?? {})) {
      const path = prefix ? `${prefix}.${key}` : key;
      out.add(path);
      walk(value, path, seen);
    }
    walk(node.items, `${prefix}[]`, seen);
    for (const [i, item] of (node.prefixItems ?? []).entries()) walk(item, `${prefix}[${i}]`, seen);
    if (typeof node.additionalProperties === "object") {
      out.add(`${prefix}.*`);
      walk(node.additionalProperties, `${prefix}.*`, seen);
    }
    for (const branch of [...(node.anyOf ?? []), ...(node.oneOf ?? []), ...(node.allOf ?? [])])
      walk(branch, prefix, seen);
  };
  walk(root, "", []);
  return [...out].sort();
}

function outputOf(path: string): ZodType {
  const output = procedures[path]?._def.output;
  if (!output) throw new Error(`${path} declares no output schema`);
  return output;
}

/**
 * Field names a candidate never receives, at any depth. Names of people are fine (the candidate
 * reads who wrote their feedback); who reviewed or last edited it, the review and fairness-override
 * text, any staff or author id, secrets, anyone's email settings and agency ids are not. (Their own
 * email choices reach them as notification.emailPreferences' `kinds[].email`.)
 */
const internalFields = [
  "fairnessOverrideReason",
  "reviewComment",
  "approverId",
  "approverName",
  "lastEditedById",
  "lastEditedByName",
  "authorId",
  "passwordHash",
  "tokenHash",
  "emailMuted",
  "agencyId",
];

const internalPaths = (schema: ZodType) =>
  fieldPaths(schema).filter((p) =>
    p.split(/[.[\]]+/).some((segment) => internalFields.includes(segment)),
  );

describe("the field-path walker", () => {
  it("finds a field at any depth: through arrays, nullable unions, records, dates and enums", () => {
    const schema = z.object({
      id: z.uuid(),
      at: z.date(),
      items: z.array(z.object({ detail: z.string(), authorId: z.uuid().nullable() })),
      review: z.union([z.null(), z.object({ reviewComment: z.string() })]).optional(),
      byKind: z.record(z.string(), z.object({ agencyId: z.uuid(), kind: z.enum(["a", "b"]) })),
    });
    expect(fieldPaths(schema)).toEqual([
      "at",
      "byKind",
      "byKind.*",
      "byKind.*.agencyId",
      "byKind.*.kind",
      "id",
      "items",
      "items[].authorId",
      "items[].detail",
      "review",
      "review.reviewComment",
    ]);
    expect(internalPaths(schema)).toEqual([
      "byKind.*.agencyId",
      "items[].authorId",
      "review.reviewComment",
    ]);
  });
});

describe("field paths of the outputs a candidate may receive", () => {
  it("every procedure declares an output schema", () => {
    expect(paths.filter((p) => !procedures[p]?._def.output)).toEqual([]);
  });

  it.each(candidateCallable)("%s", (path) => {
    expect(fieldPaths(outputOf(path))).toMatchSnapshot();
  });

  it.each(candidateCallable)("%s has no internal field at any depth", (path) => {
    expect(internalPaths(outputOf(path))).toEqual([]);
  });
});

describe("field paths of staff-only outputs", () => {
  it.each(staffOnly)("%s", (path) => {
    expect(fieldPaths(outputOf(path))).toMatchSnapshot();
  });
});

// ---------------------------------------------------------------------------------------------
// Candidate A's answers, for real: nothing of candidate B, of another agency, or internal.

/** Runs a procedure at a dotted path on a caller. */
function call(caller: unknown, path: string, input: unknown): Promise<unknown> {
  let node: unknown = caller;
  for (const key of path.split(".")) node = (node as Record<string, unknown>)[key];
  if (typeof node !== "function") throw new Error(`no procedure at ${path}`);
  return (node as (input: unknown) => Promise<unknown>)(input);
}

let home: AgencyFixture;
let foreign: AgencyFixture;
/** Values candidate A must never receive, each with what it is (for a readable failure). */
let forbidden: [what: string, value: string][];
/** Per query, a value of A's own that must be in the answer (the check is not on empty answers). */
let ownMarker: Record<string, string>;

async function feedbackTexts(db: Database, feedbackId: string) {
  const rows = await db.execute<{ text: string }>(sql`
    select summary as text from feedback where id = ${feedbackId}::uuid
    union all select detail from feedback_items where feedback_id = ${feedbackId}::uuid
    union all select next_step from feedback_items
      where feedback_id = ${feedbackId}::uuid and next_step is not null`);
  return rows.map((r) => r.text);
}

async function idsOf(db: Database, table: string, column: string, value: string) {
  const rows = await db.execute<{ id: string }>(
    sql`select id::text from ${sql.identifier(table)} where ${sql.identifier(column)} = ${value}::uuid`,
  );
  return rows.map((r) => r.id);
}

beforeAll(async () => {
  home = await createAgencyFixture(app, { label: "Allowlist" });
  foreign = await createAgencyFixture(app, { label: "Allowlist Foreign" });
  const a = callerFor(app, home.users.candidateA);
  const b = callerFor(app, home.users.candidateB);
  const cora = callerFor(app, home.users.consultant);
  const published = { id: home.feedback.published.id, interviewId: home.interviews.published };
  const publishedB = { id: home.feedback.publishedB.id, interviewId: home.interviews.publishedB };
  const itemsOf = (feedbackId: string) =>
    owner.execute<{ id: string; kind: string }>(
      sql`select id::text, kind::text from feedback_items where feedback_id = ${feedbackId}::uuid`,
    );
  const gapOf = async (fb: { id: string }) => {
    const item = (await itemsOf(fb.id)).find((i) => i.kind === "gap");
    if (!item) throw new Error("no gap item");
    return item;
  };

  // Each candidate uses their portal: a rating, a question (answered), a goal, a journal entry.
  for (const [who, caller, fb] of [
    ["A", a, published],
    ["B", b, publishedB],
  ] as const) {
    await caller.myFeedback.markRead({ id: fb.id });
    await caller.myFeedback.respond({
      itemId: (await gapOf(fb)).id,
      helpful: true,
      comment: `Rating comment of ${who}`,
    });
    await caller.myFeedback.ask({ feedbackId: fb.id, body: `Question of candidate ${who}` });
    await cora.clarification.answer({ feedbackId: fb.id, body: `Answer for candidate ${who}` });
    await caller.plan.createGoalFromItem({
      itemId: (await gapOf(fb)).id,
      title: `Goal of candidate ${who}`,
    });
    await caller.journal.create({
      kind: "reflection",
      title: `Journal of candidate ${who}`,
      body: `Reflection written by candidate ${who}`,
      interviewId: fb.interviewId,
    });
  }
  await a.myData.requestErasure();
  await b.myData.requestErasure();
  // Candidate B also mutes an email: their setting is theirs alone.
  await b.notification.setEmailPreference({ kind: "feedback.revised", email: false });

  // The agency's internal work on A's published feedback: a review comment, a fairness override
  // reason and an approver, as an approval flow leaves them.
  await owner.execute(sql`
    update feedback set review_comment = 'Internal review comment: tone it down',
      fairness_override_reason = 'Internal override reason: quoting the client',
      approver_id = ${home.users.consultant2.id}::uuid
    where id = ${published.id}::uuid`);

  const bValues = async () => {
    const user = home.users.candidateB;
    const candidateB = home.candidates.b;
    return [
      ["B's name", user.name],
      ["B's email", user.email],
      ["B's user id", user.id],
      ["B's candidate id", candidateB],
      ["B's feedback id", publishedB.id],
      ["B's interview id", publishedB.interviewId],
      ...(await itemsOf(publishedB.id)).map((i) => ["B's item id", i.id] as [string, string]),
      ...(await feedbackTexts(owner, publishedB.id)).map((t) => ["B's feedback text", t]),
      ["B's rating comment", "Rating comment of B"],
      ["B's question", "Question of candidate B"],
      ["the answer to B", "Answer for candidate B"],
      ["B's goal", "Goal of candidate B"],
      ["B's journal", "Journal of candidate B"],
      ["B's journal body", "Reflection written by candidate B"],
      ...(await idsOf(owner, "notifications", "user_id", user.id)).map(
        (id) => ["B's notification id", id] as [string, string],
      ),
      ...(await idsOf(owner, "data_requests", "candidate_id", candidateB)).map(
        (id) => ["B's data request id", id] as [string, string],
      ),
      ...(await idsOf(owner, "action_plans", "candidate_id", candidateB)).map(
        (id) => ["B's action plan id", id] as [string, string],
      ),
    ] as [string, string][];
  };
  const internal: [string, string][] = [
    ["the review comment", "Internal review comment"],
    ["the override reason", "Internal override reason"],
    // Who approved is internal; nothing else in this scenario names the second consultant.
    ["the approver's name", home.users.consultant2.name],
    ["the consultant's user id", home.users.consultant.id],
    ["the approver's user id", home.users.consultant2.id],
    ["the admin's user id", home.users.admin.id],
    ["the agency id", home.agencyId],
    ["A's draft feedback id", home.feedback.draft.id],
    ...(await feedbackTexts(owner, home.feedback.draft.id)).map(
      (t) => ["A's unpublished feedback text", t] as [string, string],
    ),
  ];
  const foreignValues: [string, string][] = [
    ["the other agency's id", foreign.agencyId],
    ["the other agency's name", foreign.agencyName],
    // Fixture names repeat across agencies; the email is the other agency's own.
    ["the other agency's candidate", foreign.users.candidateA.email],
    ["the other agency's feedback", foreign.feedback.published.id],
  ];
  forbidden = [...(await bValues()), ...internal, ...foreignValues];

  const aGoal = "Goal of candidate A";
  ownMarker = {
    "insights.patterns": home.feedback.published.itemIds[0] ?? "?",
    "insights.prepare": "Senior Product Manager",
    "journal.list": "Journal of candidate A",
    "journal.options": aGoal,
    "myData.export": "Answer for candidate A",
    "myData.requests":
      (await idsOf(owner, "data_requests", "candidate_id", home.candidates.a))[0] ?? "?",
    "myFeedback.byId": "Question of candidate A",
    "myFeedback.list": published.id,
    "notification.emailPreferences": "feedback.revised",
    "notification.list": "answered your question",
    "plan.list": aGoal,
  };
});

const candidateQueries = candidateCallable.filter((p) => procedures[p]?._def.type === "query");
const inputs: Record<string, () => unknown> = {
  "myFeedback.byId": () => ({ id: home.feedback.published.id }),
  "journal.list": () => ({}),
};

describe("candidate A's answers, called for real", () => {
  it("covers every query a candidate may call", () => {
    expect(Object.keys(ownMarker ?? {}).sort()).toEqual([...candidateQueries].sort());
  });

  it.each(candidateQueries)(
    "%s carries nothing of B, of another agency or internal",
    async (path) => {
      const answer = await call(callerFor(app, home.users.candidateA), path, inputs[path]?.());
      const text = JSON.stringify(answer);
      expect(text).toContain(ownMarker[path]);
      expect(forbidden.filter(([, value]) => text.includes(value))).toEqual([]);
    },
  );

  it("shows A their own email settings, not B's (B muted feedback.revised)", async () => {
    const { kinds } = await callerFor(app, home.users.candidateA).notification.emailPreferences();
    expect(kinds.find((k) => k.kind === "feedback.revised")?.email).toBe(true);
    const forB = await callerFor(app, home.users.candidateB).notification.emailPreferences();
    expect(forB.kinds.find((k) => k.kind === "feedback.revised")?.email).toBe(false);
  });
});
