// Inputs and outputs of admin.settings: the agency's settings, its reason and competency taxonomy,
// and its feedback templates. Outputs are also the allowlist of what an admin sees.
import { z } from "zod";
import { optionalText, text, uuidSchema } from "../common";
import { itemKinds, lenses } from "../enums";
import { templateItemOutput } from "../feedback";

/** The allowed ranges, as the database CHECKs have them; the form shows them too. */
export const settingsLimits = {
  feedbackSlaHours: { min: 1, max: 2160 },
  retentionMonths: { min: 1, max: 120 },
} as const;

const wholeNumberIn = (range: { min: number; max: number }, unit: string) => {
  const reason = `must be a whole number of ${unit} from ${range.min} to ${range.max}`;
  return z
    .int({ error: reason })
    .min(range.min, { error: reason })
    .max(range.max, { error: reason });
};

/**
 * The version the form loaded: an opaque token (the row's last change, in microseconds). A save
 * with a stale token changes nothing and answers CONFLICT.
 */
const versionToken = z
  .string({ error: "must be the version you loaded" })
  .regex(/^\d{1,20}$/, { error: "must be the version you loaded" });

export const agencySettingsFields = z.object({
  feedbackSlaHours: wholeNumberIn(settingsLimits.feedbackSlaHours, "hours"),
  requireApproval: z.boolean({ error: "must be yes or no" }),
  retentionMonths: wholeNumberIn(settingsLimits.retentionMonths, "months"),
});
export type AgencySettingsFields = z.infer<typeof agencySettingsFields>;

export const agencySettingsUpdateInput = agencySettingsFields.extend({ version: versionToken });
export type AgencySettingsUpdateInput = z.infer<typeof agencySettingsUpdateInput>;

export const agencySettingsOutput = agencySettingsFields.extend({
  version: z.string(),
  updatedAt: z.date(),
  /** Who last saved the settings, from the audit trail; null before anyone has. */
  lastChange: z.object({ by: z.string(), at: z.date() }).nullable(),
  /** Feedback waiting for a second person's approval (stays there if approval is switched off). */
  awaitingApproval: z.int(),
});
export type AgencySettingsOutput = z.infer<typeof agencySettingsOutput>;

// Taxonomy: competencies and rejection reasons, one shape for both.

export const taxonomyKinds = ["reason", "competency"] as const;
export type TaxonomyKind = (typeof taxonomyKinds)[number];
export const taxonomyKindLabels: Record<TaxonomyKind, { one: string; many: string }> = {
  reason: { one: "rejection reason", many: "rejection reasons" },
  competency: { one: "competency", many: "competencies" },
};

/** A name as people type it: trimmed, inner runs of spaces made one. */
const entryName = text(120).transform((v) => v.replace(/\s+/g, " "));

const taxonomyKind = z.enum(taxonomyKinds, { error: "must be reason or competency" });

export const taxonomyEntryFields = z.object({
  name: entryName,
  description: optionalText(300),
});
export type TaxonomyEntryFields = z.infer<typeof taxonomyEntryFields>;

export const taxonomyCreateInput = taxonomyEntryFields.extend({ kind: taxonomyKind });
export type TaxonomyCreateInput = z.infer<typeof taxonomyCreateInput>;
export const taxonomyUpdateInput = taxonomyEntryFields.extend({
  kind: taxonomyKind,
  id: uuidSchema,
});
export type TaxonomyUpdateInput = z.infer<typeof taxonomyUpdateInput>;
export const taxonomyEntryRef = z.object({ kind: taxonomyKind, id: uuidSchema });
export type TaxonomyEntryRef = z.infer<typeof taxonomyEntryRef>;

export const taxonomyEntry = z.object({
  id: z.uuid(),
  kind: z.enum(taxonomyKinds),
  name: z.string(),
  description: z.string().nullable(),
  archivedAt: z.date().nullable(),
  /** Feedback items (any status) that use it: they keep it after it is retired. */
  feedbackUses: z.int(),
  templateUses: z.int(),
  /** Jobs that list it as a required competency (always 0 for reasons). */
  jobUses: z.int(),
});
export type TaxonomyEntry = z.infer<typeof taxonomyEntry>;

export const adminTaxonomyOutput = z.object({
  reasons: z.array(taxonomyEntry),
  competencies: z.array(taxonomyEntry),
});
export type AdminTaxonomyOutput = z.infer<typeof adminTaxonomyOutput>;

// Templates: saved skeletons of feedback items for a kind of role.

export const MAX_TEMPLATE_ITEMS = 40;

/**
 * One item of a template. The rules are the feedback editor's (only gaps carry a reason; a gap
 * needs a next step, which publishing would demand anyway); "…" marks what the consultant fills in.
 */
export const templateItemInput = z
  .object({
    lens: z.enum(lenses, { error: "must be one of the three lenses" }),
    kind: z.enum(itemKinds, { error: "must be strength or gap" }),
    competencyId: uuidSchema.nullish(),
    reasonId: uuidSchema.nullish(),
    detail: text(2000),
    nextStep: optionalText(1000),
  })
  .superRefine((item, ctx) => {
    if (item.kind !== "gap" && item.reasonId) {
      ctx.addIssue({
        code: "custom",
        path: ["reasonId"],
        message: "only gaps carry a rejection reason",
      });
    }
    if (item.kind === "gap" && !item.nextStep) {
      ctx.addIssue({
        code: "custom",
        path: ["nextStep"],
        message: "a gap needs a suggested next step",
      });
    }
  });
export type TemplateItemInput = z.infer<typeof templateItemInput>;

export const templateFields = z.object({
  name: text(120).transform((v) => v.replace(/\s+/g, " ")),
  description: optionalText(300),
  items: z
    .array(templateItemInput, { error: "must be a list of points" })
    .min(1, { error: "add at least one point" })
    .max(MAX_TEMPLATE_ITEMS, { error: `at most ${MAX_TEMPLATE_ITEMS} points` }),
});
export type TemplateFields = z.infer<typeof templateFields>;

export const templateCreateInput = templateFields;
export const templateUpdateInput = templateFields.extend({ id: uuidSchema, version: versionToken });
export type TemplateUpdateInput = z.infer<typeof templateUpdateInput>;
export const templateRefInput = z.object({ id: uuidSchema });

export const adminTemplateRow = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string().nullable(),
  strengths: z.int(),
  gaps: z.int(),
  /** Items that still point at a retired competency or reason. */
  retiredRefs: z.int(),
  updatedAt: z.date(),
});
export type AdminTemplateRow = z.infer<typeof adminTemplateRow>;

export const adminTemplateDetail = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string().nullable(),
  version: z.string(),
  updatedAt: z.date(),
  items: z.array(templateItemOutput),
});
export type AdminTemplateDetail = z.infer<typeof adminTemplateDetail>;

export const templateSavedOutput = z.object({ id: z.uuid(), version: z.string() });
export const templateDeletedOutput = z.object({ id: z.uuid() });
