// Bad input, through the HTTP layer: for every procedure of the router, generated invalid inputs
// (from its zod schema, fast-check with fixed seeds) and a list of naughty strings, each sent to
// the route handler both portals mount, as a persona the procedure admits, so input handling is
// what is exercised. Every answer must be below 500 and carry no stack trace or source path, and
// every rejection must leave the database as it was (md5 over each agency's rows of every tenant
// table, before and after). Inputs the procedure accepts (an emoji title is a fine title) are
// counted as successes, never as rejections. The other agency's rows never change at all.
import { sql } from "@debrief/db";
import { type AgencyFixture, createAgencyFixture } from "@debrief/db/factories";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_BATCH_SIZE, MAX_BODY_BYTES } from "../../web/src/trpc/handler";
import { appRouter } from "../src/root";
import { baseInput, type Case, type Category, casesFor, inputSchemaOf } from "./bad-input/generate";
import {
  callRequest,
  fingerprinter,
  leaks,
  portal,
  type Reply,
  rawRequest,
  type Send,
  tenantTables,
} from "./bad-input/http";
import { callerFor, connect } from "./support";

const { app, owner, close } = connect();
afterAll(close);

/** Generated values per fast-check category and field; every procedure keeps all its fields. */
const SAMPLES = 3;

type Procedure = { _def: { type: "query" | "mutation"; inputs: unknown[] } };
const procedures = Object.entries(
  (appRouter as unknown as { _def: { procedures: Record<string, Procedure> } })._def.procedures,
);

/** Run last: these succeed on a valid base input and take records the others still use. */
const destructive = [
  "feedback.revise",
  "feedback.retract",
  "admin.dataRequests.erase",
  "admin.users.disable",
  "admin.users.changeRole",
];
const ordered = [
  ...procedures.filter(([path]) => !destructive.includes(path)),
  ...destructive.map((d) => procedures.find(([path]) => path === d)).filter((p) => p !== undefined),
];

const candidateRouters = [
  "insights.",
  "plan.",
  "myData.",
  "journal.",
  "myFeedback.",
  "notification.",
];
type PersonaName = "admin" | "consultant" | "candidate";
/** The least privileged persona each procedure admits (checked below: none is refused). */
function personaFor(path: string): PersonaName {
  if (path.startsWith("admin.")) return "admin";
  if (candidateRouters.some((prefix) => path.startsWith(prefix))) return "candidate";
  return "consultant";
}

type Extras = {
  invitedUserId: string;
  goalId: string;
  stepId: string;
  journalId: string;
  dataRequestId: string;
  templateId: string;
  outboxId: string;
  notificationId: string;
};

/** Records the fixture lacks, made through the API as their owners would. */
async function extrasFor(f: AgencyFixture): Promise<Extras> {
  const candidate = callerFor(app, f.users.candidateA);
  const itemId = f.feedback.published.itemIds[0] as string;
  await candidate.plan.createGoalFromItem({ itemId });
  const [goal] = await owner.execute<{ id: string }>(
    sql`select id from goals where agency_id = ${f.agencyId}::uuid limit 1`,
  );
  const goalId = goal?.id as string;
  await candidate.plan.addStep({ goalId, title: "First step" });
  await candidate.journal.create({ kind: "reflection", title: "Notes", body: "How it went." });
  await callerFor(app, f.users.candidateB).myData.requestErasure();
  await callerFor(app, f.users.admin).admin.users.invite({
    email: `invited.${f.slug}@example.test`,
    name: "Ivy Invited",
    role: "consultant",
  });
  const [invited] = await owner.execute<{ id: string }>(
    sql`select id from users where agency_id = ${f.agencyId}::uuid and status = 'invited' limit 1`,
  );
  const one = async (table: string) => {
    const [row] = await owner.$client.unsafe<{ id: string }[]>(
      `select id::text from ${table} where agency_id = $1 order by id limit 1`,
      [f.agencyId],
    );
    return row?.id ?? "5f0c7a9e-1111-4111-8111-111111111111";
  };
  return {
    invitedUserId: invited?.id as string,
    goalId,
    stepId: await one("goal_steps"),
    journalId: await one("journal_entries"),
    dataRequestId: await one("data_requests"),
    templateId: await one("templates"),
    outboxId: await one("outbox"),
    notificationId: await one("notifications"),
  };
}

/** The id a field of a procedure's input names in agency f: valid there, foreign elsewhere. */
function idsOf(f: AgencyFixture, x: Extras) {
  const consultant = f.users.consultant.id;
  const byField: Record<string, string> = {
    agencyId: f.agencyId,
    actorId: consultant,
    candidateId: f.candidates.a,
    includeId: f.candidates.a,
    clientId: f.clientId,
    competencyId: f.competencies[0]?.id as string,
    competencyIds: f.competencies[0]?.id as string,
    consultantId: consultant,
    ownerId: consultant,
    cursor: x.outboxId,
    dataRequestId: x.dataRequestId,
    feedbackId: f.feedback.draft.id,
    goalId: x.goalId,
    interviewId: f.interviews.owed,
    itemId: f.feedback.published.itemIds[0] as string,
    jobId: f.jobId,
    outboxId: x.outboxId,
    reasonId: f.reasons[0]?.id as string,
    stepId: x.stepId,
    userId: f.users.consultant2.id,
  };
  const overrides: [prefix: string, field: string, id: string][] = [
    ["admin.dataRequests.", "candidateId", f.candidates.b],
    ["admin.users.resendInvitation", "userId", x.invitedUserId],
    ["admin.users.revokeInvitation", "userId", x.invitedUserId],
    ["candidate.", "id", f.candidates.a],
    ["candidateProfile.", "id", f.candidates.a],
    ["client.", "id", f.clientId],
    ["interview.", "id", f.interviews.owed],
    ["job.", "id", f.jobId],
    ["journal.", "id", x.journalId],
    ["myFeedback.", "id", f.feedback.published.id],
    ["myFeedback.", "feedbackId", f.feedback.published.id],
    ["clarification.", "feedbackId", f.feedback.published.id],
    ["feedback.retract", "feedbackId", f.feedback.published.id],
    ["feedback.revise", "interviewId", f.interviews.published],
    ["feedback.editor", "interviewId", f.interviews.draft],
    ["feedback.saveDraft", "interviewId", f.interviews.draft],
    ["admin.settings.taxonomy.", "id", f.reasons[0]?.id as string],
    ["admin.settings.templates.", "id", x.templateId],
    ["template.", "id", x.templateId],
    ["notification.", "id", x.notificationId],
  ];
  return (path: string) => (field: string) =>
    overrides.find(([prefix, name]) => path.startsWith(prefix) && name === field)?.[2] ??
    byField[field] ??
    "5f0c7a9e-2222-4222-8222-222222222222";
}

/** Base values the schema cannot tell, read once the fixture exists. */
let overridesFor: (path: string) => Record<string, unknown> = () => ({});

async function baseOverrides(f: AgencyFixture, x: Extras) {
  const admin = callerFor(app, f.users.admin);
  const settings = await admin.admin.settings.get();
  const template = await admin.admin.settings.templates.byId({ id: x.templateId });
  const table: Record<string, Record<string, unknown>> = {
    "admin.settings.update": { version: settings.version },
    "admin.settings.templates.update": { version: template.version },
    "admin.settings.taxonomy.update": { name: "Renamed entry" },
    "candidate.update": { email: f.users.candidateA.email },
    "admin.dataRequests.erase": { confirmation: f.users.candidateB.name },
    "feedback.revise": {
      feedbackId: f.feedback.published.id,
      version: f.feedback.published.version,
    },
  };
  return (path: string) => table[path] ?? {};
}

let home: AgencyFixture;
let other: AgencyFixture;
let send: Record<PersonaName, Send>;
let printRaw: ReturnType<typeof fingerprinter>;
/** Both agencies' fingerprints, or only the home agency's (call by call, where time counts). */
async function print(only?: "home") {
  const started = performance.now();
  const result = await printRaw(only ? [home.agencyId] : [home.agencyId, other.agencyId]);
  figures.printMs += performance.now() - started;
  return result;
}
let homeIds: ReturnType<typeof idsOf>;
let foreignIds: ReturnType<typeof idsOf>;

type Finding = { path: string; category: Category; field: string; label: string; detail: string };
const figures = {
  procedures: 0,
  inputs: 0,
  byCategory: {} as Record<string, number>,
  byStatus: {} as Record<number, number>,
  rejections: 0,
  accepted: 0,
  acceptedNaughty: {} as Record<string, string[]>,
  /** Calls that answered 200 with another agency's id in a field (list filters find nothing). */
  acceptedForeign: [] as string[],
  serverErrors: [] as Finding[],
  stackTraces: [] as Finding[],
  changedAfterRejection: [] as Finding[],
  foreignChanged: [] as Finding[],
  refusedPersona: [] as Finding[],
  ms: 0,
  printMs: 0,
};

beforeAll(async () => {
  // The route handler's context uses the process-wide pool: point it at the test database.
  (globalThis as { debriefDb?: unknown }).debriefDb = app;
  home = await createAgencyFixture(app, { label: "Bad input" });
  other = await createAgencyFixture(app, { label: "Foreign" });
  const homeExtras = await extrasFor(home);
  homeIds = idsOf(home, homeExtras);
  overridesFor = await baseOverrides(home, homeExtras);
  foreignIds = idsOf(other, await extrasFor(other));
  send = {
    admin: portal(home.users.admin),
    consultant: portal(home.users.consultant),
    candidate: portal(home.users.candidateA),
  };
  printRaw = fingerprinter(owner, await tenantTables(owner));
}, 60_000);

function check(path: string, c: Case, reply: Reply) {
  const finding = (detail: string): Finding => ({
    path,
    category: c.category,
    field: c.field,
    label: c.label,
    detail,
  });
  figures.inputs++;
  figures.byCategory[c.category] = (figures.byCategory[c.category] ?? 0) + 1;
  figures.byStatus[reply.status] = (figures.byStatus[reply.status] ?? 0) + 1;
  if (reply.status >= 500) figures.serverErrors.push(finding(reply.bodyText.slice(0, 300)));
  const leak = leaks(reply.bodyText);
  if (leak) figures.stackTraces.push(finding(`${leak}: ${reply.bodyText.slice(0, 300)}`));
  if (/You do not have access to this|Please sign in/.test(reply.bodyText))
    figures.refusedPersona.push(finding(reply.bodyText.slice(0, 200)));
  if (reply.status === 200) {
    figures.accepted++;
    if (c.category === "uuid-foreign") figures.acceptedForeign.push(`${path} ${c.field}`);
    if (c.category === "naughty") {
      const list = figures.acceptedNaughty[path] ?? [];
      list.push(`${c.field}=${c.label}`);
      figures.acceptedNaughty[path] = list;
    }
  } else figures.rejections++;
}

async function runCase(path: string, type: "query" | "mutation", c: Case): Promise<Reply> {
  const req = callRequest(path, type, c.raw !== undefined ? { raw: c.raw } : { input: c.input });
  return send[personaFor(path)](req);
}

describe("bad input through /api/trpc, every procedure", () => {
  it("covers every procedure of the router", () => {
    expect(procedures.length).toBeGreaterThan(90);
    expect(ordered.length).toBe(procedures.length);
  });

  for (const [path, procedure] of ordered) {
    const type = procedure._def.type;
    it(`${path} (${type})`, async () => {
      const started = performance.now();
      const schema = inputSchemaOf(procedure._def.inputs);
      const cases = casesFor(path, schema, {
        samples: SAMPLES,
        idFor: homeIds(path),
        foreignIdFor: foreignIds(path),
        overrides: overridesFor(path),
      });
      figures.procedures++;
      // BAD_INPUT_DEBUG=1 shows how far each procedure's valid base input gets.
      if (process.env.BAD_INPUT_DEBUG && schema) {
        const base = baseInput(schema, homeIds(path), overridesFor(path));
        const reply = await runCase(path, type, {
          category: "top-level",
          field: "",
          label: "base",
          input: base,
        });
        console.info(
          `BASE ${path} ${reply.status} ${JSON.stringify(base)} ${reply.bodyText.slice(0, 300)}`,
        );
      }
      const changedBefore = figures.changedAfterRejection.length;

      // Mutations: the home agency's fingerprint after every call (the one before is the previous
      // call's). Queries: one before and after the batch, call by call only if the batch changed
      // it. The other agency: before and after the batch, which must not change it at all.
      const start = await print();
      const perCall = async () => {
        let before = await print("home");
        for (const c of cases) {
          const reply = await runCase(path, type, c);
          check(path, c, reply);
          const after = await print("home");
          if (reply.status !== 200 && after[home.agencyId] !== before[home.agencyId])
            figures.changedAfterRejection.push({
              path,
              ...pick(c),
              detail: `status ${reply.status}: ${reply.bodyText.slice(0, 200)}`,
            });
          before = after;
        }
      };
      if (type === "mutation") await perCall();
      else {
        const replies: Reply[] = [];
        for (const c of cases) replies.push(await runCase(path, type, c));
        const after = await print("home");
        if (after[home.agencyId] === start[home.agencyId])
          cases.forEach((c, i) => {
            check(path, c, replies[i] as Reply);
          });
        else await perCall();
      }
      const end = await print();
      if (end[other.agencyId] !== start[other.agencyId])
        figures.foreignChanged.push({
          path,
          category: "uuid-foreign",
          field: "*",
          label: "batch",
          detail: "the other agency's rows changed",
        });
      figures.ms += performance.now() - started;

      const mine = (list: Finding[], from: number) => list.slice(from).map(describeFinding);
      expect(mine(figures.changedAfterRejection, changedBefore)).toEqual([]);
      expect(
        [...figures.serverErrors, ...figures.stackTraces]
          .filter((f) => f.path === path)
          .map(describeFinding),
      ).toEqual([]);
    });
  }

  it("never refused a persona, never touched the other agency, never answered 500", () => {
    const summary = {
      procedures: `${figures.procedures}/${procedures.length}`,
      inputs: figures.inputs,
      rejections: figures.rejections,
      accepted: figures.accepted,
      serverErrors: figures.serverErrors.length,
      stackTraces: figures.stackTraces.length,
      changedAfterRejection: figures.changedAfterRejection.length,
      foreignChanged: figures.foreignChanged.length,
      byCategory: figures.byCategory,
      byStatus: figures.byStatus,
      acceptedNaughty: Object.fromEntries(
        Object.entries(figures.acceptedNaughty).map(([p, l]) => [p, l.length]),
      ),
      seconds: Math.round(figures.ms / 100) / 10,
      fingerprintSeconds: Math.round(figures.printMs / 100) / 10,
    };
    console.info(`bad-input figures ${JSON.stringify(summary)}`);
    console.info(`bad-input accepted naughty ${JSON.stringify(figures.acceptedNaughty)}`);
    console.info(`bad-input accepted foreign ids ${JSON.stringify(figures.acceptedForeign)}`);
    expect(figures.procedures).toBe(procedures.length);
    // Only list filters and option look-ups take another agency's id and answer (nothing found).
    const mutations = new Set(
      procedures.filter(([, p]) => p._def.type === "mutation").map(([n]) => n),
    );
    expect(figures.acceptedForeign.filter((f) => mutations.has(f.split(" ")[0] ?? ""))).toEqual([]);
    expect(figures.refusedPersona.map(describeFinding)).toEqual([]);
    expect(figures.foreignChanged.map(describeFinding)).toEqual([]);
    expect(figures.serverErrors.map(describeFinding)).toEqual([]);
    expect(figures.stackTraces.map(describeFinding)).toEqual([]);
    expect(figures.changedAfterRejection.map(describeFinding)).toEqual([]);
    // Nothing reached Object.prototype through __proto__ / constructor keys.
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).role).toBeUndefined();
  });
});

function pick(c: Case) {
  return { category: c.category, field: c.field, label: c.label };
}

function describeFinding(f: Finding) {
  return `${f.path} ${f.category} ${f.field} ${f.label}: ${f.detail}`;
}

/** Requests a browser's tRPC client never makes: raw, malformed, oversized, over-batched. */
describe("raw bodies, oversized bodies and batches", () => {
  const mutation = "journal.create";
  const query = "journal.list";
  const asCandidate = (req: Request) => send.candidate(req);
  const expectSafe = (reply: Reply) => {
    expect(reply.status).toBeLessThan(500);
    expect(leaks(reply.bodyText)).toBeNull();
  };
  const unchanged = async (fn: () => Promise<Reply>) => {
    const before = await print();
    const reply = await fn();
    expect(await print()).toEqual(before);
    expectSafe(reply);
    return reply;
  };

  it("malformed and non-superjson bodies are 4xx and change nothing", async () => {
    const bodies: [string, number][] = [
      ["{", 400],
      ["[]", 400],
      ["", 400],
      ["null", 400],
      ['"text"', 400],
      ['{"kind":"win","title":"raw","body":"no superjson envelope"}', 400],
      [
        '{"json":{"kind":"win","title":"t","body":"b"},"meta":{"values":{"__proto__":["undefined"]}}}',
        400,
      ],
      ['{"json":{},"meta":{"referentialEqualities":{"":["__proto__.polluted"]}}}', 400],
      ['{"json":{"a":{}},"meta":{"values":{"a.__proto__.polluted":["undefined"]}}}', 400],
      [
        '{"json":{"kind":"win","title":"t","body":"b"},"meta":{"values":{"title":["class","Nope"]}}}',
        400,
      ],
      [`{"json":${"[".repeat(5000)}${"]".repeat(5000)}}`, 400],
      [`${"[".repeat(100_000)}${"]".repeat(100_000)}`, 400],
    ];
    for (const [body, status] of bodies) {
      const reply = await unchanged(() => asCandidate(rawRequest(mutation, { body })));
      expect({ body: body.slice(0, 60), status: reply.status }).toEqual({
        body: body.slice(0, 60),
        status,
      });
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("wrong methods, content types and paths are 4xx", async () => {
    const replies = [
      await asCandidate(rawRequest(mutation, { method: "GET", body: undefined })),
      await asCandidate(rawRequest(`${query}?input=%7B`, { method: "GET", body: undefined })),
      await asCandidate(
        rawRequest(mutation, {
          headers: { "content-type": "application/x-www-form-urlencoded" },
          body: "kind=win&title=t&body=b",
        }),
      ),
      await asCandidate(
        rawRequest(mutation, { headers: { "content-type": "text/plain" }, body: '{"json":{}}' }),
      ),
      await asCandidate(rawRequest("journal.nope", { body: '{"json":{}}' })),
      await asCandidate(rawRequest("__proto__.toString", { body: '{"json":{}}' })),
      await asCandidate(rawRequest("constructor", { body: '{"json":{}}' })),
    ];
    for (const reply of replies) expectSafe(reply);
    expect(replies.map((r) => r.status)).toEqual([405, 400, 415, 415, 404, 404, 404]);
  });

  it(`a body over ${MAX_BODY_BYTES} bytes is 413, declared or streamed`, async () => {
    const big = JSON.stringify({ json: { kind: "win", title: "t", body: "x".repeat(2_000_000) } });
    const declared = await unchanged(() => asCandidate(rawRequest(mutation, { body: big })));
    expect(declared.status).toBe(413);
    expect(declared.bodyText).toContain("PAYLOAD_TOO_LARGE");

    const bytes = new TextEncoder().encode(big);
    const streamed = await unchanged(() =>
      asCandidate(
        rawRequest(mutation, {
          body: new ReadableStream({
            start(controller) {
              for (let i = 0; i < bytes.length; i += 64 * 1024)
                controller.enqueue(bytes.slice(i, i + 64 * 1024));
              controller.close();
            },
          }),
        }),
      ),
    );
    expect(streamed.status).toBe(413);

    // Just under the limit: read, parsed and refused by the schema (the body is over 5,000).
    const under = JSON.stringify({ json: { kind: "win", title: "t", body: "x".repeat(900_000) } });
    const refused = await unchanged(() => asCandidate(rawRequest(mutation, { body: under })));
    expect(refused.status).toBe(400);
  });

  it(`a batch of more than ${MAX_BATCH_SIZE} calls is refused before any runs`, async () => {
    const batch = (n: number, path: string) =>
      rawRequest(`${Array.from({ length: n }, () => path).join(",")}?batch=1`, {
        body: JSON.stringify(
          Object.fromEntries(
            Array.from({ length: n }, (_, i) => [
              i,
              { json: { kind: "win", title: `batch ${i}`, body: "b" } },
            ]),
          ),
        ),
      });
    const hundred = await unchanged(() => asCandidate(batch(100, mutation)));
    expect(hundred.status).toBe(400);
    expect(hundred.bodyText).toContain("Batch call exceeds maximum size");
    const eleven = await unchanged(() => asCandidate(batch(MAX_BATCH_SIZE + 1, mutation)));
    expect(eleven.status).toBe(400);

    // At the limit, the batch runs (ten journal entries written).
    const before = await owner.execute<{ n: number }>(
      sql`select count(*)::int as n from journal_entries where agency_id = ${home.agencyId}::uuid`,
    );
    const ten = await asCandidate(batch(MAX_BATCH_SIZE, mutation));
    expectSafe(ten);
    expect(ten.status).toBe(200);
    const after = await owner.execute<{ n: number }>(
      sql`select count(*)::int as n from journal_entries where agency_id = ${home.agencyId}::uuid`,
    );
    expect((after[0]?.n ?? 0) - (before[0]?.n ?? 0)).toBe(MAX_BATCH_SIZE);
  });
});
