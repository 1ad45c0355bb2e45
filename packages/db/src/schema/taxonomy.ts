// The agency's own reason and competency lists, and templates of feedback items.
import { relations, sql } from "drizzle-orm";
import {
  check,
  foreignKey,
  index,
  integer,
  pgTable,
  text,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { at, id, timestamps } from "./columns";
import { itemKindEnum, lensEnum } from "./enums";
import { agencies } from "./tenancy";

const agencyId = () =>
  uuid()
    .notNull()
    .references(() => agencies.id, { onDelete: "cascade" });

export const competencies = pgTable(
  "competencies",
  {
    id: id(),
    agencyId: agencyId(),
    name: text().notNull(),
    description: text(),
    archivedAt: at(),
    ...timestamps(),
  },
  (t) => [
    unique("competencies_agency_id_id_key").on(t.agencyId, t.id),
    unique("competencies_agency_name_key").on(t.agencyId, t.name),
  ],
);

export const reasons = pgTable(
  "reasons",
  {
    id: id(),
    agencyId: agencyId(),
    label: text().notNull(),
    description: text(),
    archivedAt: at(),
    ...timestamps(),
  },
  (t) => [
    unique("reasons_agency_id_id_key").on(t.agencyId, t.id),
    unique("reasons_agency_label_key").on(t.agencyId, t.label),
  ],
);

export const templates = pgTable(
  "templates",
  {
    id: id(),
    agencyId: agencyId(),
    name: text().notNull(),
    description: text(),
    ...timestamps(),
  },
  (t) => [
    unique("templates_agency_id_id_key").on(t.agencyId, t.id),
    unique("templates_agency_name_key").on(t.agencyId, t.name),
  ],
);

export const templateItems = pgTable(
  "template_items",
  {
    id: id(),
    agencyId: agencyId(),
    templateId: uuid().notNull(),
    lens: lensEnum().notNull(),
    kind: itemKindEnum().notNull(),
    competencyId: uuid(),
    reasonId: uuid(),
    detail: text().notNull().default(""),
    nextStep: text(),
    position: integer().notNull().default(0),
    ...timestamps(),
  },
  (t) => [
    foreignKey({
      columns: [t.agencyId, t.templateId],
      foreignColumns: [templates.agencyId, templates.id],
    }).onDelete("cascade"),
    foreignKey({
      columns: [t.agencyId, t.competencyId],
      foreignColumns: [competencies.agencyId, competencies.id],
    }),
    foreignKey({
      columns: [t.agencyId, t.reasonId],
      foreignColumns: [reasons.agencyId, reasons.id],
    }),
    index("template_items_template_idx").on(t.agencyId, t.templateId, t.position),
    index("template_items_competency_idx").on(t.agencyId, t.competencyId),
    index("template_items_reason_idx").on(t.agencyId, t.reasonId),
    check("template_items_reason_on_gaps", sql`${t.kind} = 'gap' or ${t.reasonId} is null`),
  ],
);

export const templatesRelations = relations(templates, ({ many }) => ({
  items: many(templateItems),
}));
export const templateItemsRelations = relations(templateItems, ({ one }) => ({
  template: one(templates, { fields: [templateItems.templateId], references: [templates.id] }),
}));
