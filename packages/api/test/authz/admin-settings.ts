// Authorization-matrix entries for admin.settings.* (see ../authorization.test.ts).
import { type Database, schema as s, sql } from "@debrief/db";
import type { AgencyFixture } from "@debrief/db/factories";
import { expect } from "vitest";
import { asAgency } from "../support";
import { adminOnlyList, adminRecord, type MatrixFragment } from "./patterns";

const unique = () => crypto.randomUUID().slice(0, 8);

const idOf = (input: unknown, key: string) => {
  const value = (input as Record<string, unknown>)[key];
  if (typeof value !== "string") throw new Error(`input has no ${key}`);
  return value;
};

async function selectValues(owner: Database, query: ReturnType<typeof sql>) {
  const rows = await owner.execute<{ value: unknown }>(query);
  return rows.map((r) => r.value);
}

export const adminSettingsMatrix: MatrixFragment = ({ app, owner }) => {
  /** A new rejection reason of the home agency, active or already retired. */
  const freshReason = (f: AgencyFixture, retired = false) =>
    asAgency(app, f.users.admin, async (tx) => {
      const [row] = await tx
        .insert(s.reasons)
        .values({
          agencyId: f.agencyId,
          label: `Matrix reason ${unique()}`,
          archivedAt: retired ? new Date() : null,
        })
        .returning({ id: s.reasons.id });
      if (!row) throw new Error("no reason");
      return row.id;
    });

  /** A new one-item template of the home agency, and its version token. */
  const freshTemplate = (f: AgencyFixture) =>
    asAgency(app, f.users.admin, async (tx) => {
      const [row] = await tx
        .insert(s.templates)
        .values({ agencyId: f.agencyId, name: `Matrix template ${unique()}` })
        .returning({
          id: s.templates.id,
          version: sql<string>`((extract(epoch from ${s.templates.updatedAt}) * 1000000)::bigint)::text`,
        });
      if (!row) throw new Error("no template");
      await tx.insert(s.templateItems).values({
        agencyId: f.agencyId,
        templateId: row.id,
        lens: "skills_experience",
        kind: "strength",
        detail: "Written by the matrix",
      });
      return row;
    });

  const reasonState = (id: string) =>
    selectValues(
      owner,
      sql`select json_build_object('label', label, 'retired', archived_at is not null) as value
          from reasons where id = ${id}::uuid`,
    );
  const templateNames = (where: "id" | "name", value: string) =>
    selectValues(
      owner,
      where === "id"
        ? sql`select name as value from templates where id = ${value}::uuid`
        : sql`select name as value from templates where name = ${value}`,
    );

  const items = (f: AgencyFixture) => [
    {
      lens: "skills_experience",
      kind: "strength",
      competencyId: f.competencies[0]?.id,
      detail: "Your answer on … showed real command of …",
    },
    {
      lens: "interview_style",
      kind: "gap",
      reasonId: f.reasons[0]?.id,
      detail: "In the exercise, … was missing.",
      nextStep: "Practise … against a timer.",
    },
  ];

  return {
    "admin.settings.get": { input: async () => undefined, expect: adminOnlyList },
    "admin.settings.update": {
      // Both agencies get the same settings and the same last change, so the one input carries a
      // version that is current for whichever admin calls: each saves their own agency's.
      input: async ({ home, foreign }) => {
        const [row] = await owner.execute<{ version: string }>(
          sql`update agencies set feedback_sla_hours = 72, retention_months = 12,
                require_approval = false, updated_at = '2026-01-02T03:04:05.123456Z'
              where id in (${home.agencyId}::uuid, ${foreign.agencyId}::uuid)
              returning ((extract(epoch from updated_at) * 1000000)::bigint)::text as version`,
        );
        if (!row) throw new Error("no agency");
        return {
          feedbackSlaHours: 100 + Math.floor(Math.random() * 1000),
          requireApproval: false,
          retentionMonths: 12,
          version: row.version,
        };
      },
      expect: adminOnlyList,
      unchanged: async ({ home, foreign }) => {
        expect(
          await selectValues(
            owner,
            sql`select feedback_sla_hours as value from agencies
                where id in (${home.agencyId}::uuid, ${foreign.agencyId}::uuid)`,
          ),
        ).toEqual([72, 72]);
      },
    },
    "admin.settings.taxonomy.list": { input: async () => undefined, expect: adminOnlyList },
    "admin.settings.taxonomy.create": {
      // No reference to another record: an admin adds to their own agency's list.
      input: async () => ({ kind: "reason", name: `Matrix new reason ${unique()}` }),
      expect: adminOnlyList,
      unchanged: async (_, input) => {
        expect(
          await selectValues(
            owner,
            sql`select id as value from reasons where label = ${idOf(input, "name")}`,
          ),
        ).toEqual([]);
      },
    },
    "admin.settings.taxonomy.update": {
      input: async ({ home }) => ({
        kind: "reason",
        id: await freshReason(home),
        name: `Renamed by the matrix ${unique()}`,
      }),
      expect: adminRecord,
      unchanged: async (_, input) => {
        expect(await reasonState(idOf(input, "id"))).toEqual([
          { label: expect.stringMatching(/^Matrix reason /), retired: false },
        ]);
      },
    },
    "admin.settings.taxonomy.retire": {
      input: async ({ home }) => ({ kind: "reason", id: await freshReason(home) }),
      expect: adminRecord,
      unchanged: async (_, input) => {
        expect(await reasonState(idOf(input, "id"))).toEqual([
          { label: expect.stringMatching(/^Matrix reason /), retired: false },
        ]);
      },
    },
    "admin.settings.taxonomy.restore": {
      input: async ({ home }) => ({ kind: "reason", id: await freshReason(home, true) }),
      expect: adminRecord,
      unchanged: async (_, input) => {
        expect(await reasonState(idOf(input, "id"))).toEqual([
          { label: expect.stringMatching(/^Matrix reason /), retired: true },
        ]);
      },
    },
    "admin.settings.templates.list": { input: async () => undefined, expect: adminOnlyList },
    "admin.settings.templates.byId": {
      input: async ({ home }) => ({ id: (await freshTemplate(home)).id }),
      expect: adminRecord,
    },
    "admin.settings.templates.create": {
      // Its items name the home agency's taxonomy: another agency's admin finds none of it.
      input: async ({ home }) => ({
        name: `Matrix new template ${unique()}`,
        description: null,
        items: items(home),
      }),
      expect: adminRecord,
      unchanged: async (_, input) => {
        expect(await templateNames("name", idOf(input, "name"))).toEqual([]);
      },
    },
    "admin.settings.templates.update": {
      input: async ({ home }) => {
        const template = await freshTemplate(home);
        return {
          id: template.id,
          version: template.version,
          name: `Renamed by the matrix ${unique()}`,
          description: null,
          items: items(home),
        };
      },
      expect: adminRecord,
      unchanged: async (_, input) => {
        expect(await templateNames("id", idOf(input, "id"))).toEqual([
          expect.stringMatching(/^Matrix template /),
        ]);
        expect(
          await selectValues(
            owner,
            sql`select count(*)::int as value from template_items
                where template_id = ${idOf(input, "id")}::uuid`,
          ),
        ).toEqual([1]);
      },
    },
    "admin.settings.templates.delete": {
      input: async ({ home }) => ({ id: (await freshTemplate(home)).id }),
      expect: adminRecord,
      unchanged: async (_, input) => {
        expect(await templateNames("id", idOf(input, "id"))).toEqual([
          expect.stringMatching(/^Matrix template /),
        ]);
      },
    },
  };
};
