"use client";
// Create or edit a feedback template: its name, and its points in the three lenses of the feedback
// editor (kind, competency, reason on gaps, detail, next step), added, removed and reordered with a
// react-hook-form field array. The array stays grouped by lens so that what the admin sees is the
// order consultants get, and server errors ("items.3.nextStep") land on the right field.
import { Badge, Button, buttonClass, Card, Field, Input, Select, Textarea } from "@debrief/ui";
import {
  type AdminTemplateDetail,
  type ItemKind,
  type Lens,
  lenses,
  lensInfo,
  PLACEHOLDER,
  type TaxonomyEntry,
  templateFields,
} from "@debrief/validators";
import { toast } from "@debrief/web/toast";
import { errorDetails, showServerErrors, useTRPC } from "@debrief/web/trpc/react";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { type FieldErrors, type UseFormReturn, useFieldArray, useForm } from "react-hook-form";
import type { z } from "zod";

type FormInput = z.input<typeof templateFields>;
type FormOutput = z.output<typeof templateFields>;
type ItemInput = FormInput["items"][number];

// What each lens asks, put to the admin writing the skeleton (lensInfo hints speak to candidates).
const lensPrompts: Record<Lens, string> = {
  skills_experience:
    "Were the examples and achievements strong enough; was a skill vital to the role missing or not shown?",
  other_applicants:
    "What the successful candidate usually has that others lack, and how to match it.",
  interview_style: "How candidates come across, with concrete tips for the next interview.",
};

const itemFields = ["lens", "kind", "competencyId", "reasonId", "detail", "nextStep"] as const;

const emptyItem = (lens: Lens, kind: ItemKind): ItemInput => ({
  lens,
  kind,
  competencyId: null,
  reasonId: null,
  detail: "",
  nextStep: "",
});

/** Stored order, grouped by lens (stable), as the editor shows them. */
function toFormItems(items: AdminTemplateDetail["items"]): ItemInput[] {
  return lenses.flatMap((lens) =>
    items.filter((i) => i.lens === lens).map((i) => ({ ...i, nextStep: i.nextStep ?? "" })),
  );
}

/** Three dots typed by hand become the placeholder the editor's checks look for. */
const withPlaceholders = (text: string) => text.replace(/\.\.\./g, PLACEHOLDER);

export function EditTemplate({ id }: { id: string }) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.admin.settings.templates.byId.queryOptions({ id }));
  return <TemplateForm existing={data} />;
}

export function TemplateForm({ existing }: { existing?: AdminTemplateDetail }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const { data: taxonomy } = useSuspenseQuery(trpc.admin.settings.taxonomy.list.queryOptions());
  const [conflict, setConflict] = useState<string | null>(null);
  const form = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(templateFields),
    defaultValues: {
      name: existing?.name ?? "",
      description: existing?.description ?? "",
      items: existing ? toFormItems(existing.items) : [],
    },
  });
  const { fields, insert, remove, swap } = useFieldArray({ control: form.control, name: "items" });
  const items = form.watch("items") ?? [];
  const create = useMutation(trpc.admin.settings.templates.create.mutationOptions());
  const update = useMutation(trpc.admin.settings.templates.update.mutationOptions());

  // Retired entries are offered only where this template already used them, so it can keep them.
  const kept = new Set(
    existing?.items.flatMap((i) => [i.competencyId, i.reasonId]).filter(Boolean) ?? [],
  );
  const options = (list: TaxonomyEntry[]) =>
    list
      .filter((e) => !e.archivedAt || kept.has(e.id))
      .map((e) => ({ id: e.id, label: e.archivedAt ? `${e.name} (retired)` : e.name }));
  const competencyOptions = options(taxonomy.competencies);
  const reasonOptions = options(taxonomy.reasons);

  const add = (lens: Lens, kind: ItemKind) => {
    // After the last point of this lens or of any lens before it: the array stays grouped.
    const order = lenses.indexOf(lens);
    const at = items.reduce(
      (end, item, i) => (lenses.indexOf(item.lens) <= order ? i + 1 : end),
      0,
    );
    insert(at, emptyItem(lens, kind), { focusName: `items.${at}.detail` });
  };
  const move = (index: number, direction: -1 | 1) => {
    const to = index + direction;
    if (items[to]?.lens === items[index]?.lens) swap(index, to);
  };

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      if (existing)
        await update.mutateAsync({ id: existing.id, version: existing.version, ...values });
      else await create.mutateAsync(values);
      await Promise.all([
        queryClient.invalidateQueries(trpc.admin.settings.templates.pathFilter()),
        queryClient.invalidateQueries(trpc.admin.settings.taxonomy.pathFilter()),
        queryClient.invalidateQueries(trpc.template.pathFilter()),
      ]);
      toast.success(existing ? `Saved “${values.name}”` : `Created “${values.name}”`, {
        description: "Consultants can start from it in the feedback editor.",
      });
      router.push("/admin/templates");
    } catch (error) {
      if ((error as { data?: { code?: string } })?.data?.code === "CONFLICT" && existing) {
        const { message, fieldErrors } = errorDetails(error);
        // A name clash is the admin's to fix here; a stale version needs a reload.
        if (!fieldErrors.name) {
          setConflict(message);
          return;
        }
      }
      showServerErrors(form.setError, error, [
        "name",
        "description",
        "items",
        ...items.flatMap((_, i) => itemFields.map((f) => `items.${i}.${f}`)),
      ]);
    }
  });

  const { errors, isSubmitting } = form.formState;
  const listError = errors.items?.message ?? errors.items?.root?.message;
  const strengths = items.filter((i) => i.kind === "strength").length;
  const gaps = items.length - strengths;

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Template" className="space-y-6">
      {conflict ? (
        <div role="alert" className="rounded-xl border border-red-300 bg-red-50 p-4">
          <p className="font-medium text-red-900">
            This template changed while you were editing it
          </p>
          <p className="mt-1 text-sm text-red-900">{conflict}</p>
          <p className="mt-1 text-sm text-red-900">
            Copy anything you want to keep, then reload to edit their version.
          </p>
          <Button className="mt-3" onClick={() => window.location.reload()}>
            Reload the template
          </Button>
        </div>
      ) : null}

      <Card className="grid gap-5 p-5 md:grid-cols-2">
        <Field
          label="Name"
          hint="The kind of role it is for, as consultants will look for it."
          error={errors.name?.message}
        >
          {(p) => (
            <Input
              {...p}
              {...form.register("name")}
              placeholder="e.g. Data analyst"
              autoFocus={!existing}
            />
          )}
        </Field>
        <Field
          label="Description (optional)"
          hint="What the interviews for this kind of role usually cover."
          error={errors.description?.message}
        >
          {(p) => (
            <Input
              {...p}
              {...form.register("description")}
              placeholder="e.g. SQL exercise, stakeholder case, portfolio review"
            />
          )}
        </Field>
      </Card>

      <Card className="border-brand-100 bg-brand-50/60 p-4 text-sm text-ink">
        <p>
          Write each point as a consultant should start it, with <strong>{PLACEHOLDER}</strong>{" "}
          wherever they must add what they saw: “Your answer on {PLACEHOLDER} showed real command of{" "}
          {PLACEHOLDER}”. Typing three dots works too. The editor flags every {PLACEHOLDER} left in,
          and feedback cannot be published until each one is replaced.
        </p>
      </Card>

      {listError ? (
        <p role="alert" className="text-sm font-medium text-red-700">
          Points: {listError}
        </p>
      ) : null}

      {lenses.map((lens) => (
        <Card key={lens} className="p-5" data-testid={`template-lens-${lens}`}>
          <h2 className="text-base font-semibold text-ink">{lensInfo[lens].title}</h2>
          <p className="mb-4 text-sm text-muted">{lensPrompts[lens]}</p>
          <div className="space-y-4">
            {fields.map((field, index) =>
              field.lens !== lens ? null : (
                <TemplateItemFields
                  key={field.id}
                  form={form}
                  index={index}
                  item={items[index]}
                  errors={errors}
                  competencies={competencyOptions}
                  reasons={reasonOptions}
                  retired={{
                    competency: taxonomy.competencies.some(
                      (c) => c.archivedAt && c.id === items[index]?.competencyId,
                    ),
                    reason: taxonomy.reasons.some(
                      (r) => r.archivedAt && r.id === items[index]?.reasonId,
                    ),
                  }}
                  canMoveUp={items[index - 1]?.lens === lens}
                  canMoveDown={items[index + 1]?.lens === lens}
                  onMove={(direction) => move(index, direction)}
                  onRemove={() => remove(index)}
                />
              ),
            )}
            <div className="flex flex-wrap gap-2">
              <Button variant="secondary" size="sm" onClick={() => add(lens, "strength")}>
                + Strength<span className="sr-only"> in {lensInfo[lens].title}</span>
              </Button>
              <Button variant="secondary" size="sm" onClick={() => add(lens, "gap")}>
                + Gap<span className="sr-only"> in {lensInfo[lens].title}</span>
              </Button>
            </div>
          </div>
        </Card>
      ))}

      <div className="sticky bottom-0 z-30 -mx-4 flex flex-wrap items-center justify-end gap-3 border-t border-line bg-white/95 px-4 py-4 backdrop-blur sm:mx-0 sm:rounded-xl sm:border">
        <p className="mr-auto text-sm text-muted" aria-live="polite">
          {items.length
            ? `${strengths} strength${strengths === 1 ? "" : "s"} · ${gaps} gap${gaps === 1 ? "" : "s"}`
            : "No points yet"}
        </p>
        <Link href="/admin/templates" className={buttonClass("secondary")}>
          Cancel
        </Link>
        <Button type="submit" disabled={isSubmitting || !!conflict}>
          {isSubmitting ? "Saving…" : existing ? "Save template" : "Create template"}
        </Button>
      </div>
    </form>
  );
}

type Option = { id: string; label: string };

function TemplateItemFields({
  form,
  index,
  item,
  errors,
  competencies,
  reasons,
  retired,
  canMoveUp,
  canMoveDown,
  onMove,
  onRemove,
}: {
  form: UseFormReturn<FormInput, unknown, FormOutput>;
  index: number;
  item: ItemInput | undefined;
  errors: FieldErrors<FormInput>;
  competencies: Option[];
  reasons: Option[];
  retired: { competency: boolean; reason: boolean };
  canMoveUp: boolean;
  canMoveDown: boolean;
  onMove: (direction: -1 | 1) => void;
  onRemove: () => void;
}) {
  const itemErrors = errors.items?.[index];
  const gap = item?.kind === "gap";
  const retiredHint = "Retired: kept here, but consider choosing an active one.";
  const placeholders = (name: `items.${number}.detail` | `items.${number}.nextStep`) =>
    form.register(name, {
      onBlur: (e: { target: { value: string } }) => {
        const fixed = withPlaceholders(e.target.value);
        if (fixed !== e.target.value) form.setValue(name, fixed, { shouldDirty: true });
      },
    });
  return (
    <fieldset
      className={`rounded-lg border border-l-4 border-line p-4 ${gap ? "border-l-amber-500" : "border-l-emerald-600"}`}
      data-testid="template-item"
    >
      <legend className="px-1 text-sm font-medium text-ink">
        {gap ? "Gap" : "Strength"} <span className="sr-only">point {index + 1}</span>
      </legend>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field label="Kind" error={itemErrors?.kind?.message}>
          {(p) => (
            <Select
              {...p}
              {...form.register(`items.${index}.kind`, {
                // Only gaps carry a reason: switching to a strength drops it.
                onChange: (e: { target: { value: string } }) => {
                  if (e.target.value === "strength") form.setValue(`items.${index}.reasonId`, null);
                },
              })}
            >
              <option value="strength">Strength</option>
              <option value="gap">Gap</option>
            </Select>
          )}
        </Field>
        <Field
          label="Competency"
          hint={retired.competency ? retiredHint : undefined}
          error={itemErrors?.competencyId?.message}
        >
          {(p) => (
            <Select
              {...p}
              {...form.register(`items.${index}.competencyId`, { setValueAs: (v) => v || null })}
            >
              <option value="">—</option>
              {competencies.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.label}
                </option>
              ))}
            </Select>
          )}
        </Field>
        {gap ? (
          <Field
            label="Reason"
            hint={retired.reason ? retiredHint : undefined}
            error={itemErrors?.reasonId?.message}
          >
            {(p) => (
              <Select
                {...p}
                {...form.register(`items.${index}.reasonId`, { setValueAs: (v) => v || null })}
              >
                <option value="">Consultant chooses</option>
                {reasons.map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.label}
                  </option>
                ))}
              </Select>
            )}
          </Field>
        ) : null}
      </div>
      <Field className="mt-4" label="Detail" error={itemErrors?.detail?.message}>
        {(p) => <Textarea {...p} {...placeholders(`items.${index}.detail`)} rows={2} />}
      </Field>
      <Field
        className="mt-4"
        label={gap ? "Suggested next step" : "Suggested next step (optional)"}
        error={itemErrors?.nextStep?.message}
      >
        {(p) => <Textarea {...p} {...placeholders(`items.${index}.nextStep`)} rows={2} />}
      </Field>
      <div className="mt-3 flex flex-wrap items-center justify-end gap-1">
        {retired.competency || retired.reason ? (
          <Badge tone="amber" className="mr-auto">
            Uses a retired entry
          </Badge>
        ) : null}
        <Button
          variant="ghost"
          size="sm"
          disabled={!canMoveUp}
          onClick={() => onMove(-1)}
          aria-label={`Move point ${index + 1} up`}
        >
          ↑
        </Button>
        <Button
          variant="ghost"
          size="sm"
          disabled={!canMoveDown}
          onClick={() => onMove(1)}
          aria-label={`Move point ${index + 1} down`}
        >
          ↓
        </Button>
        <Button variant="ghost" size="sm" onClick={onRemove}>
          Remove<span className="sr-only"> point {index + 1}</span>
        </Button>
      </div>
    </fieldset>
  );
}
