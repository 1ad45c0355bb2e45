// admin.settings against PostgreSQL as the app role: agency settings (ranges, version checks,
// audit), the reason and competency taxonomy (usage counts, case-insensitive names, retire keeps
// old feedback intact and hides the entry from the editor), and templates (item rules, CRUD, what
// consultants then see). Every rejection names its field and changes nothing.
import { sql } from "@debrief/db";
import { type AgencyFixture, createAgencyFixture } from "@debrief/db/factories";
import type { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerFor, connect, httpError } from "./support";

const { app, owner, close } = connect();
afterAll(close);

const fixture = () => createAgencyFixture(app, { label: "Settings" });
const unique = () => crypto.randomUUID().slice(0, 8);

type Audit = { action: string; entity_type: string; entity_id: string; metadata: unknown };
async function auditEvents(agencyId: string) {
  return owner.execute<Audit>(
    sql`select action, entity_type, entity_id, metadata from audit_events
        where agency_id = ${agencyId}::uuid order by created_at, id`,
  );
}

async function agencyRow(agencyId: string) {
  const [row] = await owner.execute<{
    feedback_sla_hours: number;
    require_approval: boolean;
    retention_months: number;
    updated_at: string;
  }>(
    sql`select feedback_sla_hours, require_approval, retention_months, updated_at::text
        from agencies where id = ${agencyId}::uuid`,
  );
  return row;
}

/** Everything an admin can change in this area, read as the owner: the "nothing changed" check. */
async function snapshot(agencyId: string) {
  const [row] = await owner.execute<{ value: unknown }>(
    sql`select json_build_object(
          'agency', (select row_to_json(a) from agencies a where a.id = ${agencyId}::uuid),
          'reasons', (select json_agg(r order by r.id) from reasons r where r.agency_id = ${agencyId}::uuid),
          'competencies', (select json_agg(c order by c.id) from competencies c
                           where c.agency_id = ${agencyId}::uuid),
          'templates', (select json_agg(t order by t.id) from templates t
                        where t.agency_id = ${agencyId}::uuid),
          'items', (select json_agg(i order by i.id) from template_items i
                    where i.agency_id = ${agencyId}::uuid),
          'audit', (select count(*) from audit_events e where e.agency_id = ${agencyId}::uuid)
        ) as value`,
  );
  return row?.value;
}

/** Runs a bad call through the HTTP adapter: the status, the field named, and nothing changed. */
async function expectRejected(
  f: AgencyFixture,
  path: string,
  input: unknown,
  expected: { status: number; code: string; field?: string; message?: RegExp },
  type: "query" | "mutation" = "mutation",
) {
  const before = await snapshot(f.agencyId);
  const error = await httpError(app, f.users.admin, path, type, input);
  expect(error).toMatchObject({ status: expected.status, code: expected.code });
  if (expected.field) expect(Object.keys(error.fieldErrors ?? {})).toContain(expected.field);
  if (expected.message) expect(error.message).toMatch(expected.message);
  expect(error.message).not.toMatch(/\bat .*\.ts:\d+/);
  expect(await snapshot(f.agencyId)).toEqual(before);
  return error;
}

describe("agency settings", () => {
  let f: AgencyFixture;
  let foreign: AgencyFixture;
  beforeAll(async () => {
    [f, foreign] = await Promise.all([fixture(), fixture()]);
  });

  it("reads the agency's settings, with nobody having changed them yet", async () => {
    const settings = await callerFor(app, f.users.admin).admin.settings.get();
    expect(settings).toMatchObject({
      feedbackSlaHours: 72,
      requireApproval: false,
      retentionMonths: 12,
      lastChange: null,
      awaitingApproval: 0,
    });
    expect(settings.version).toMatch(/^\d+$/);
  });

  it("saves a change, audits the changed fields with old and new values, and says who", async () => {
    const admin = callerFor(app, f.users.admin);
    const { version } = await admin.admin.settings.get();
    const saved = await admin.admin.settings.update({
      feedbackSlaHours: 48,
      requireApproval: true,
      retentionMonths: 12,
      version,
    });
    expect(saved).toMatchObject({
      feedbackSlaHours: 48,
      requireApproval: true,
      retentionMonths: 12,
    });
    expect(saved.version).not.toBe(version);
    expect(saved.lastChange?.by).toBe(f.users.admin.name);
    expect(await agencyRow(f.agencyId)).toMatchObject({
      feedback_sla_hours: 48,
      require_approval: true,
      retention_months: 12,
    });
    const events = (await auditEvents(f.agencyId)).filter(
      (e) => e.action === "agency.settings_updated",
    );
    expect(events).toEqual([
      {
        action: "agency.settings_updated",
        entity_type: "agency",
        entity_id: f.agencyId,
        metadata: {
          changed: ["feedbackSlaHours", "requireApproval"],
          from: { feedbackSlaHours: 72, requireApproval: false },
          to: { feedbackSlaHours: 48, requireApproval: true },
        },
      },
    ]);
    // The editor reads the same setting: publishing now needs a second person.
    const editor = await callerFor(app, f.users.consultant).feedback.editor({
      interviewId: f.interviews.draft,
    });
    expect(editor.requireApproval).toBe(true);

    // Saving the same values again writes nothing.
    const auditBefore = (await auditEvents(f.agencyId)).length;
    await admin.admin.settings.update({
      feedbackSlaHours: 48,
      requireApproval: true,
      retentionMonths: 12,
      version: saved.version,
    });
    expect(await auditEvents(f.agencyId)).toHaveLength(auditBefore);
  });

  it("accepts the ends of each range", async () => {
    const admin = callerFor(app, f.users.admin);
    let { version } = await admin.admin.settings.get();
    for (const [sla, months] of [
      [1, 1],
      [2160, 120],
    ] as const) {
      const saved = await admin.admin.settings.update({
        feedbackSlaHours: sla,
        requireApproval: false,
        retentionMonths: months,
        version,
      });
      expect(saved).toMatchObject({ feedbackSlaHours: sla, retentionMonths: months });
      version = saved.version;
    }
  });

  it.each([
    ["retentionMonths", 0, /retentionMonths must be a whole number of months from 1 to 120/],
    ["retentionMonths", 1000, /retentionMonths must be a whole number of months from 1 to 120/],
    ["retentionMonths", 6.5, /retentionMonths must be a whole number of months from 1 to 120/],
    ["feedbackSlaHours", 0, /feedbackSlaHours must be a whole number of hours from 1 to 2160/],
    ["feedbackSlaHours", 2161, /feedbackSlaHours must be a whole number of hours from 1 to 2160/],
    ["feedbackSlaHours", 1.5, /feedbackSlaHours must be a whole number of hours from 1 to 2160/],
    ["feedbackSlaHours", "72", /feedbackSlaHours must be a whole number/],
    ["requireApproval", "yes", /requireApproval must be yes or no/],
  ])("refuses %s = %j, naming the field and the range", async (field, value, message) => {
    const { version, ...current } = await callerFor(app, f.users.admin).admin.settings.get();
    const error = await expectRejected(
      f,
      "admin.settings.update",
      {
        feedbackSlaHours: current.feedbackSlaHours,
        requireApproval: current.requireApproval,
        retentionMonths: current.retentionMonths,
        version,
        [field]: value,
      },
      { status: 400, code: "BAD_REQUEST", field, message },
    );
    expect(Object.keys(error.fieldErrors ?? {})).toEqual([field]);
  });

  it("refuses a save made on a stale version, names who changed it, and keeps their values", async () => {
    const admin = callerFor(app, f.users.admin);
    const opened = await admin.admin.settings.get();
    // Another admin of the agency (the fixture has one; a second session of the same person
    // stands in for them) saves first.
    await admin.admin.settings.update({
      feedbackSlaHours: 96,
      requireApproval: opened.requireApproval,
      retentionMonths: opened.retentionMonths,
      version: opened.version,
    });
    const after = await snapshot(f.agencyId);
    const error = await httpError(app, f.users.admin, "admin.settings.update", "mutation", {
      feedbackSlaHours: 24,
      requireApproval: opened.requireApproval,
      retentionMonths: 36,
      version: opened.version,
    });
    expect(error).toMatchObject({ status: 409, code: "CONFLICT" });
    expect(error.message).toMatch(/changed these settings after you opened it\. Nothing was saved/);
    expect(await snapshot(f.agencyId)).toEqual(after);
    expect((await agencyRow(f.agencyId))?.feedback_sla_hours).toBe(96);
  });

  it("counts feedback still waiting for approval, which switching approval off leaves there", async () => {
    await owner.execute(
      sql`update feedback set status = 'in_review', submitted_at = now()
          where id = ${foreign.feedback.draft.id}::uuid`,
    );
    const admin = callerFor(app, foreign.users.admin);
    expect((await admin.admin.settings.get()).awaitingApproval).toBe(1);
  });

  it("changes only the caller's own agency", async () => {
    const home = await agencyRow(f.agencyId);
    const admin = callerFor(app, foreign.users.admin);
    const { version } = await admin.admin.settings.get();
    await admin.admin.settings.update({
      feedbackSlaHours: 10,
      requireApproval: false,
      retentionMonths: 99,
      version,
    });
    expect(await agencyRow(foreign.agencyId)).toMatchObject({
      feedback_sla_hours: 10,
      retention_months: 99,
    });
    expect(await agencyRow(f.agencyId)).toEqual(home);
  });

  it("is refused to consultants and candidates, changing nothing", async () => {
    const before = await snapshot(f.agencyId);
    for (const user of [f.users.consultant, f.users.candidateA]) {
      const error = await httpError(app, user, "admin.settings.update", "mutation", {
        feedbackSlaHours: 5,
        requireApproval: false,
        retentionMonths: 5,
        version: "1",
      });
      expect(error).toMatchObject({ status: 403, code: "FORBIDDEN" });
    }
    expect(await snapshot(f.agencyId)).toEqual(before);
  });
});

describe("taxonomy", () => {
  let f: AgencyFixture;
  let foreign: AgencyFixture;
  beforeAll(async () => {
    [f, foreign] = await Promise.all([fixture(), fixture()]);
  });

  const reasonAt = (i: number) => {
    const reason = f.reasons[i];
    if (!reason) throw new Error(`no reason ${i}`);
    return reason;
  };
  const competencyAt = (i: number) => {
    const competency = f.competencies[i];
    if (!competency) throw new Error(`no competency ${i}`);
    return competency;
  };

  it("lists both lists with how many feedback items, templates and jobs use each entry", async () => {
    const { reasons, competencies } = await callerFor(
      app,
      f.users.admin,
    ).admin.settings.taxonomy.list();
    expect(reasons).toHaveLength(8);
    expect(competencies).toHaveLength(10);
    const byId = new Map([...reasons, ...competencies].map((e) => [e.id, e]));
    // Worked out from the fixture: published feedback (A) uses competencies 7, 0, 6, 2 and
    // reasons 0, 2; the draft uses competencies 2, 3 and reason 1; B's feedback uses competencies
    // 0, 2 and reason 3. The job needs competencies 0 and 1.
    expect(byId.get(competencyAt(0).id)).toMatchObject({ feedbackUses: 2, jobUses: 1 });
    expect(byId.get(competencyAt(1).id)).toMatchObject({ feedbackUses: 0, jobUses: 1 });
    expect(byId.get(competencyAt(2).id)).toMatchObject({ feedbackUses: 3, jobUses: 0 });
    expect(byId.get(competencyAt(3).id)).toMatchObject({ feedbackUses: 1 });
    expect(byId.get(competencyAt(4).id)).toMatchObject({ feedbackUses: 0 });
    expect(byId.get(reasonAt(0).id)).toMatchObject({ feedbackUses: 1, jobUses: 0, kind: "reason" });
    expect(byId.get(reasonAt(1).id)).toMatchObject({ feedbackUses: 1 });
    expect(byId.get(reasonAt(4).id)).toMatchObject({ feedbackUses: 0 });
    // The default "Software engineer" template uses "Technical depth" twice.
    expect(byId.get(competencyAt(0).id)?.templateUses).toBe(2);
    // Alphabetical, whatever the case.
    const names = reasons.map((r) => r.name.toLowerCase());
    expect(names).toEqual([...names].sort());
  });

  it("adds an entry that consultants can pick at once, and audits it", async () => {
    const entry = await callerFor(app, f.users.admin).admin.settings.taxonomy.create({
      kind: "reason",
      name: "  Notice   period too long ",
      description: "The candidate could not start when the client needed",
    });
    expect(entry).toMatchObject({
      kind: "reason",
      name: "Notice period too long",
      archivedAt: null,
      feedbackUses: 0,
    });
    const offered = await callerFor(app, f.users.consultant).feedback.taxonomy();
    expect(offered.reasons.map((r) => r.label)).toContain("Notice period too long");
    const events = await auditEvents(f.agencyId);
    expect(events.at(-1)).toEqual({
      action: "taxonomy.created",
      entity_type: "reason",
      entity_id: entry.id,
      metadata: { kind: "reason", name: "Notice period too long" },
    });
  });

  it("refuses a name that exists in any case, on the name field, changing nothing", async () => {
    await expectRejected(
      f,
      "admin.settings.taxonomy.create",
      { kind: "competency", name: "technical DEPTH" },
      { status: 409, code: "CONFLICT", field: "name", message: /Technical depth/ },
    );
    await expectRejected(
      f,
      "admin.settings.taxonomy.update",
      { kind: "reason", id: reasonAt(1).id, name: reasonAt(0).label.toUpperCase() },
      { status: 409, code: "CONFLICT", field: "name", message: /already exists/ },
    );
  });

  it("renames, including a change of case only, and audits the old and new names", async () => {
    const admin = callerFor(app, f.users.admin);
    const target = reasonAt(6);
    const renamed = await admin.admin.settings.taxonomy.update({
      kind: "reason",
      id: target.id,
      name: "Salary expectations above budget",
      description: null,
    });
    expect(renamed.name).toBe("Salary expectations above budget");
    const recased = await admin.admin.settings.taxonomy.update({
      kind: "reason",
      id: target.id,
      name: "Salary Expectations Above Budget",
      description: null,
    });
    expect(recased.name).toBe("Salary Expectations Above Budget");
    const renames = (await auditEvents(f.agencyId)).filter((e) => e.entity_id === target.id);
    expect(renames.map((e) => [e.action, e.metadata])).toEqual([
      [
        "taxonomy.renamed",
        {
          kind: "reason",
          changed: ["name", "description"],
          from: target.label,
          to: "Salary expectations above budget",
        },
      ],
      [
        "taxonomy.renamed",
        {
          kind: "reason",
          changed: ["name"],
          from: "Salary expectations above budget",
          to: "Salary Expectations Above Budget",
        },
      ],
    ]);
  });

  it("retires an entry: old feedback keeps it, the editor no longer offers it, restore brings it back", async () => {
    const admin = callerFor(app, f.users.admin);
    const consultant = callerFor(app, f.users.consultant);
    // Competency 7 and reason 0 are on candidate A's published feedback.
    const competency = competencyAt(7);
    const reason = reasonAt(0);
    const itemsBefore = await owner.execute(
      sql`select id, competency_id, reason_id from feedback_items
          where feedback_id = ${f.feedback.published.id}::uuid order by id`,
    );

    const retired = await admin.admin.settings.taxonomy.retire({
      kind: "competency",
      id: competency.id,
    });
    expect(retired.archivedAt).toBeInstanceOf(Date);
    expect(retired.feedbackUses).toBe(1);
    await admin.admin.settings.taxonomy.retire({ kind: "reason", id: reason.id });

    // The editor is told they are retired: it offers them only where a feedback already uses them.
    const offered = await consultant.feedback.taxonomy();
    expect(offered.competencies.find((c) => c.id === competency.id)?.retired).toBe(true);
    expect(offered.reasons.find((r) => r.id === reason.id)?.retired).toBe(true);

    // The feedback's items still point at both, and the candidate still reads their names.
    expect(
      await owner.execute(
        sql`select id, competency_id, reason_id from feedback_items
            where feedback_id = ${f.feedback.published.id}::uuid order by id`,
      ),
    ).toEqual(itemsBefore);
    const view = await callerFor(app, f.users.candidateA).myFeedback.byId({
      id: f.feedback.published.id,
    });
    expect(view.items.map((i) => i.competency)).toContain(competency.name);
    expect(view.items.map((i) => i.reason)).toContain(reason.label);

    // The admin still sees it, retired, listed after the active ones.
    const { competencies } = await admin.admin.settings.taxonomy.list();
    expect(competencies.at(-1)).toMatchObject({ id: competency.id, feedbackUses: 1 });

    // Retiring twice changes nothing and is audited once.
    await admin.admin.settings.taxonomy.retire({ kind: "competency", id: competency.id });
    const retirements = (await auditEvents(f.agencyId)).filter(
      (e) => e.action === "taxonomy.retired" && e.entity_id === competency.id,
    );
    expect(retirements).toHaveLength(1);
    expect(retirements[0]?.metadata).toEqual({
      kind: "competency",
      name: competency.name,
      feedbackUses: 1,
    });

    const restored = await admin.admin.settings.taxonomy.restore({
      kind: "competency",
      id: competency.id,
    });
    expect(restored.archivedAt).toBeNull();
    expect(
      (await consultant.feedback.taxonomy()).competencies.find((c) => c.id === competency.id),
    ).toMatchObject({ retired: false });
  });

  it("points to restoring when a new name matches a retired entry", async () => {
    const admin = callerFor(app, f.users.admin);
    const entry = await admin.admin.settings.taxonomy.create({
      kind: "competency",
      name: `Retired skill ${unique()}`,
    });
    await admin.admin.settings.taxonomy.retire({ kind: "competency", id: entry.id });
    const error = await expectRejected(
      f,
      "admin.settings.taxonomy.create",
      { kind: "competency", name: entry.name.toUpperCase() },
      { status: 409, code: "CONFLICT", field: "name" },
    );
    expect(error.fieldErrors?.name?.[0]).toMatch(/retired competency .* restore it instead/);
  });

  it.each([
    [{ kind: "reason", name: "   " }, "name"],
    [{ kind: "reason", name: "x".repeat(121) }, "name"],
    [{ kind: "skill", name: "Typing" }, "kind"],
    [{ kind: "reason", name: "Fine", description: "y".repeat(301) }, "description"],
  ])("refuses bad input %j on %s", async (input, field) => {
    await expectRejected(f, "admin.settings.taxonomy.create", input, {
      status: 400,
      code: "BAD_REQUEST",
      field,
    });
  });

  it("finds nothing of another agency's entries, and changes nothing there", async () => {
    const home = reasonAt(2);
    const before = await snapshot(f.agencyId);
    for (const [path, input] of [
      ["admin.settings.taxonomy.update", { kind: "reason", id: home.id, name: "Hijacked" }],
      ["admin.settings.taxonomy.retire", { kind: "reason", id: home.id }],
      ["admin.settings.taxonomy.restore", { kind: "reason", id: home.id }],
    ] as const) {
      const error = await httpError(app, foreign.users.admin, path, "mutation", input);
      expect(error).toMatchObject({ status: 404, code: "NOT_FOUND" });
    }
    expect(await snapshot(f.agencyId)).toEqual(before);
    const theirs = await callerFor(app, foreign.users.admin).admin.settings.taxonomy.list();
    const ids = [...theirs.reasons, ...theirs.competencies].map((e) => e.id);
    expect(ids).not.toContain(home.id);
  });
});

describe("templates", () => {
  let f: AgencyFixture;
  let foreign: AgencyFixture;
  beforeAll(async () => {
    [f, foreign] = await Promise.all([fixture(), fixture()]);
  });

  const items = (agency: AgencyFixture) => [
    {
      lens: "skills_experience" as const,
      kind: "strength" as const,
      competencyId: agency.competencies[0]?.id,
      detail: "Your answer on … showed real command of …",
      nextStep: "",
    },
    {
      lens: "interview_style" as const,
      kind: "gap" as const,
      competencyId: agency.competencies[2]?.id,
      reasonId: agency.reasons[3]?.id,
      detail: "When asked about …, the answer ran past five minutes.",
      nextStep: "Practise two-minute STAR answers about …",
    },
  ];

  it("creates a template that consultants then find in the editor, in order", async () => {
    const admin = callerFor(app, f.users.admin);
    const created = await admin.admin.settings.templates.create({
      name: "Customer success lead",
      description: "Discovery, prioritisation, stakeholders",
      items: items(f),
    });
    const detail = await admin.admin.settings.templates.byId({ id: created.id });
    expect(detail).toMatchObject({
      name: "Customer success lead",
      description: "Discovery, prioritisation, stakeholders",
      version: created.version,
      items: [
        {
          lens: "skills_experience",
          kind: "strength",
          competencyId: f.competencies[0]?.id,
          reasonId: null,
          nextStep: null,
        },
        {
          lens: "interview_style",
          kind: "gap",
          reasonId: f.reasons[3]?.id,
          nextStep: "Practise two-minute STAR answers about …",
        },
      ],
    });

    const consultant = callerFor(app, f.users.consultant);
    const offered = await consultant.template.list();
    expect(offered.find((t) => t.id === created.id)).toMatchObject({
      name: "Customer success lead",
      itemCount: 2,
    });
    const applied = await consultant.template.byId({ id: created.id });
    expect(applied.items.map((i) => [i.lens, i.kind, i.detail])).toEqual(
      items(f).map((i) => [i.lens, i.kind, i.detail]),
    );

    const listed = await admin.admin.settings.templates.list();
    expect(listed.find((t) => t.id === created.id)).toMatchObject({
      strengths: 1,
      gaps: 1,
      retiredRefs: 0,
    });
    expect((await auditEvents(f.agencyId)).at(-1)).toEqual({
      action: "template.created",
      entity_type: "template",
      entity_id: created.id,
      metadata: { name: "Customer success lead", items: 2, strengths: 1, gaps: 1 },
    });
  });

  it.each([
    [
      "a gap without a next step",
      (i: ReturnType<typeof items>) => [{ ...i[1], nextStep: "" }],
      "items.0.nextStep",
    ],
    [
      "a strength with a reason",
      (i: ReturnType<typeof items>) => [{ ...i[0], reasonId: i[1]?.reasonId }],
      "items.0.reasonId",
    ],
    [
      "an empty detail",
      (i: ReturnType<typeof items>) => [{ ...i[0], detail: " " }],
      "items.0.detail",
    ],
    ["no points at all", () => [], "items"],
    [
      "an unknown lens",
      (i: ReturnType<typeof items>) => [{ ...i[0], lens: "vibes" }],
      "items.0.lens",
    ],
    ["41 points", (i: ReturnType<typeof items>) => Array.from({ length: 41 }, () => i[0]), "items"],
  ])("refuses %s, naming the field", async (_, make, field) => {
    await expectRejected(
      f,
      "admin.settings.templates.create",
      { name: `Broken ${unique()}`, items: make(items(f)) },
      { status: 400, code: "BAD_REQUEST", field },
    );
  });

  it("refuses a name already taken in any case", async () => {
    await expectRejected(
      f,
      "admin.settings.templates.create",
      { name: "software ENGINEER", items: items(f) },
      { status: 409, code: "CONFLICT", field: "name", message: /Software engineer/ },
    );
  });

  it("refuses another agency's competency or reason as not found, on the item's field", async () => {
    const mixed = items(f);
    mixed[1] = { ...mixed[1], reasonId: foreign.reasons[0]?.id } as (typeof mixed)[1];
    await expectRejected(
      f,
      "admin.settings.templates.create",
      { name: `Mixed ${unique()}`, items: mixed },
      { status: 404, code: "NOT_FOUND", field: "items.1.reasonId" },
    );
  });

  it("offers only active entries for new items, but keeps a retired one the template had", async () => {
    const admin = callerFor(app, f.users.admin);
    const competency = await admin.admin.settings.taxonomy.create({
      kind: "competency",
      name: `Soon retired ${unique()}`,
    });
    const withIt = items(f).map((i) => ({ ...i, competencyId: competency.id }));
    const created = await admin.admin.settings.templates.create({
      name: `Keeps a retired entry ${unique()}`,
      items: withIt,
    });
    await admin.admin.settings.taxonomy.retire({ kind: "competency", id: competency.id });
    expect(
      (await admin.admin.settings.templates.list()).find((t) => t.id === created.id)?.retiredRefs,
    ).toBe(2);

    // A new template may not pick it…
    await expectRejected(
      f,
      "admin.settings.templates.create",
      { name: `Picks a retired entry ${unique()}`, items: withIt },
      {
        status: 400,
        code: "BAD_REQUEST",
        field: "items.0.competencyId",
        message: /retired competency or reason/,
      },
    );
    // …but the template that had it can still be edited without replacing it.
    const saved = await admin.admin.settings.templates.update({
      id: created.id,
      version: created.version,
      name: `${created.id.slice(0, 4)} renamed`,
      items: withIt,
    });
    expect(saved.version).not.toBe(created.version);
  });

  it("edits name and items with a version check, and audits what changed", async () => {
    const admin = callerFor(app, f.users.admin);
    const created = await admin.admin.settings.templates.create({
      name: `Editable ${unique()}`,
      items: items(f),
    });
    const reordered = [...items(f)].reverse();
    const saved = await admin.admin.settings.templates.update({
      id: created.id,
      version: created.version,
      name: "Data analyst",
      description: "SQL, statistics, storytelling",
      items: reordered,
    });
    const detail = await admin.admin.settings.templates.byId({ id: created.id });
    expect(detail.name).toBe("Data analyst");
    expect(detail.version).toBe(saved.version);
    expect(detail.items.map((i) => i.kind)).toEqual(["gap", "strength"]);
    expect(
      await owner.execute(
        sql`select count(*)::int as n from template_items where template_id = ${created.id}::uuid`,
      ),
    ).toEqual([{ n: 2 }]);
    expect((await auditEvents(f.agencyId)).at(-1)).toMatchObject({
      action: "template.updated",
      entity_id: created.id,
      metadata: { changed: ["name", "description", "items"] },
    });

    // A second save from the page opened before the first: refused, nothing lost.
    const error = await expectRejected(
      f,
      "admin.settings.templates.update",
      { id: created.id, version: created.version, name: "Overwritten", items: items(f) },
      { status: 409, code: "CONFLICT" },
    );
    expect(error.message).toMatch(/changed this template after you opened it/);
    expect((await admin.admin.settings.templates.byId({ id: created.id })).name).toBe(
      "Data analyst",
    );
  });

  it("deletes a template: consultants no longer find it; feedback is untouched", async () => {
    const admin = callerFor(app, f.users.admin);
    const created = await admin.admin.settings.templates.create({
      name: `Short-lived ${unique()}`,
      items: items(f),
    });
    const feedbackBefore = await owner.execute(
      sql`select count(*)::int as n from feedback_items where agency_id = ${f.agencyId}::uuid`,
    );
    await admin.admin.settings.templates.delete({ id: created.id });
    const consultant = callerFor(app, f.users.consultant);
    expect((await consultant.template.list()).map((t) => t.id)).not.toContain(created.id);
    const error = await httpError(app, f.users.consultant, "template.byId", "query", {
      id: created.id,
    });
    expect(error).toMatchObject({ status: 404, code: "NOT_FOUND" });
    expect(
      await owner.execute(
        sql`select count(*)::int as n from template_items where template_id = ${created.id}::uuid`,
      ),
    ).toEqual([{ n: 0 }]);
    expect(
      await owner.execute(
        sql`select count(*)::int as n from feedback_items where agency_id = ${f.agencyId}::uuid`,
      ),
    ).toEqual(feedbackBefore);
    expect((await auditEvents(f.agencyId)).at(-1)).toMatchObject({
      action: "template.deleted",
      entity_id: created.id,
    });
  });

  it("finds nothing of another agency's templates, and changes nothing there", async () => {
    const admin = callerFor(app, f.users.admin);
    const created = await admin.admin.settings.templates.create({
      name: `Home only ${unique()}`,
      items: items(f),
    });
    const before = await snapshot(f.agencyId);
    const theirs = callerFor(app, foreign.users.admin);
    expect((await theirs.admin.settings.templates.list()).map((t) => t.id)).not.toContain(
      created.id,
    );
    const calls: [string, "query" | "mutation", unknown][] = [
      ["admin.settings.templates.byId", "query", { id: created.id }],
      [
        "admin.settings.templates.update",
        "mutation",
        { id: created.id, version: created.version, name: "Hijacked", items: items(foreign) },
      ],
      ["admin.settings.templates.delete", "mutation", { id: created.id }],
    ];
    for (const [path, type, input] of calls) {
      const error = await httpError(app, foreign.users.admin, path, type, input);
      expect(error).toMatchObject({ status: 404, code: "NOT_FOUND" });
    }
    expect(await snapshot(f.agencyId)).toEqual(before);
  });

  it("is refused to consultants, who keep only the read-only template procedures", async () => {
    const before = await snapshot(f.agencyId);
    const consultant = callerFor(app, f.users.consultant);
    const result = await consultant.admin.settings.templates
      .create({ name: `Consultant's ${unique()}`, items: items(f) })
      .catch((error: TRPCError) => error.code);
    expect(result).toBe("FORBIDDEN");
    expect(await snapshot(f.agencyId)).toEqual(before);
  });
});
