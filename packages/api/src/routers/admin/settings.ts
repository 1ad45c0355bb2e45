// admin.settings: the agency's settings, its reason and competency taxonomy, and its templates.
import {
  adminTaxonomyOutput,
  adminTemplateDetail,
  adminTemplateRow,
  agencySettingsOutput,
  agencySettingsUpdateInput,
  taxonomyCreateInput,
  taxonomyEntry,
  taxonomyEntryRef,
  taxonomyUpdateInput,
  templateCreateInput,
  templateDeletedOutput,
  templateRefInput,
  templateSavedOutput,
  templateUpdateInput,
} from "@debrief/validators";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import * as settings from "../../services/admin/settings";
import * as taxonomy from "../../services/admin/taxonomy";
import * as templates from "../../services/admin/templates";
import { adminProcedure } from "../../trpc";

export const adminSettingsRouter = {
  get: adminProcedure
    .output(agencySettingsOutput)
    .query(({ ctx }) => settings.getSettings({ ctx })),
  update: adminProcedure
    .input(agencySettingsUpdateInput)
    .output(agencySettingsOutput)
    .mutation(({ ctx, input }) => settings.updateSettings({ ctx, input })),
  taxonomy: {
    list: adminProcedure
      .output(adminTaxonomyOutput)
      .query(({ ctx }) => taxonomy.listTaxonomy({ ctx })),
    create: adminProcedure
      .input(taxonomyCreateInput)
      .output(taxonomyEntry)
      .mutation(({ ctx, input }) => taxonomy.createEntry({ ctx, input })),
    update: adminProcedure
      .input(taxonomyUpdateInput)
      .output(taxonomyEntry)
      .mutation(({ ctx, input }) => taxonomy.updateEntry({ ctx, input })),
    retire: adminProcedure
      .input(taxonomyEntryRef)
      .output(taxonomyEntry)
      .mutation(({ ctx, input }) => taxonomy.retireEntry({ ctx, input })),
    restore: adminProcedure
      .input(taxonomyEntryRef)
      .output(taxonomyEntry)
      .mutation(({ ctx, input }) => taxonomy.restoreEntry({ ctx, input })),
  },
  templates: {
    list: adminProcedure
      .output(z.array(adminTemplateRow))
      .query(({ ctx }) => templates.listTemplates({ ctx })),
    byId: adminProcedure
      .input(templateRefInput)
      .output(adminTemplateDetail)
      .query(({ ctx, input }) => templates.getTemplate({ ctx, input })),
    create: adminProcedure
      .input(templateCreateInput)
      .output(templateSavedOutput)
      .mutation(({ ctx, input }) => templates.createTemplate({ ctx, input })),
    update: adminProcedure
      .input(templateUpdateInput)
      .output(templateSavedOutput)
      .mutation(({ ctx, input }) => templates.updateTemplate({ ctx, input })),
    delete: adminProcedure
      .input(templateRefInput)
      .output(templateDeletedOutput)
      .mutation(({ ctx, input }) => templates.deleteTemplate({ ctx, input })),
  },
} satisfies TRPCRouterRecord;
