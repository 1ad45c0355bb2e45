// Feedback templates: saved skeletons of items a consultant can start from.
import { asc, eq, schema as s } from "@debrief/db";
import { notFound } from "../errors";
import type { ProtectedContext } from "../trpc";

export async function listTemplates({ ctx }: { ctx: ProtectedContext }) {
  const rows = await ctx.tx.query.templates.findMany({
    orderBy: [asc(s.templates.name)],
    with: { items: { columns: { id: true } } },
  });
  return rows.map((t) => ({
    id: t.id,
    name: t.name,
    description: t.description,
    itemCount: t.items.length,
  }));
}

export async function getTemplate({
  ctx,
  input,
}: {
  ctx: ProtectedContext;
  input: { id: string };
}) {
  const template = await ctx.tx.query.templates.findFirst({
    where: eq(s.templates.id, input.id),
    with: { items: { orderBy: [asc(s.templateItems.position)] } },
  });
  if (!template) throw notFound("Template");
  return {
    id: template.id,
    name: template.name,
    items: template.items.map((i) => ({
      lens: i.lens,
      kind: i.kind,
      competencyId: i.competencyId,
      reasonId: i.reasonId,
      detail: i.detail,
      nextStep: i.nextStep,
    })),
  };
}
