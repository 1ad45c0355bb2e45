"use client";
// The structured feedback editor: three lenses, items with kind/competency/reason/detail/next step,
// preview through the candidate's own component, save with version check, publish.
import { Badge, Button, Card, Field, PageHeader, Select, Textarea } from "@debrief/ui";
import { FeedbackView } from "@debrief/ui/feedback-view";
import {
  type FeedbackView as FeedbackData,
  type Lens,
  lenses,
  lensInfo,
  saveDraftInput,
  stageLabels,
} from "@debrief/validators";
import { toast } from "@debrief/web/toast";
import { errorDetails, useTRPC } from "@debrief/web/trpc/react";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { type FieldPath, useFieldArray, useForm } from "react-hook-form";
import type { z } from "zod";

const formSchema = saveDraftInput.pick({ summary: true, items: true });
type FormInput = z.input<typeof formSchema>;
type FormOutput = z.output<typeof formSchema>;

const emptyItem = (lens: Lens, kind: "strength" | "gap") => ({
  lens,
  kind,
  competencyId: null,
  reasonId: null,
  detail: "",
  nextStep: "",
});

export function FeedbackEditor({ interviewId }: { interviewId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const { data } = useSuspenseQuery(trpc.feedback.editor.queryOptions({ interviewId }));
  const { data: taxonomy } = useSuspenseQuery(trpc.feedback.taxonomy.queryOptions());
  const [version, setVersion] = useState<number | null>(data.feedback?.version ?? null);
  const [preview, setPreview] = useState(false);
  const editable = !data.feedback || data.feedback.status === "draft";

  const form = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(formSchema),
    defaultValues: {
      summary: data.feedback?.summary ?? "",
      items: data.feedback?.items.map((i) => ({ ...i, nextStep: i.nextStep ?? "" })) ?? [],
    },
  });
  const { fields, append, remove } = useFieldArray({ control: form.control, name: "items" });
  const items = form.watch("items");

  const applyServerErrors = (error: unknown) => {
    const { message, fieldErrors } = errorDetails(error);
    for (const [path, messages] of Object.entries(fieldErrors)) {
      form.setError(path as FieldPath<FormInput>, { message: messages[0] });
    }
    toast.error(message);
  };

  const save = useMutation(trpc.feedback.saveDraft.mutationOptions());
  const publish = useMutation(trpc.feedback.publish.mutationOptions());

  const saveDraft = async (values: FormOutput) => {
    const saved = await save.mutateAsync({ interviewId, version, ...values });
    setVersion(saved.version);
    form.reset(form.getValues());
    await queryClient.invalidateQueries(trpc.feedback.pathFilter());
    return saved;
  };

  const onSave = form.handleSubmit(async (values) => {
    try {
      await saveDraft(values);
      toast.success("Draft saved");
    } catch (error) {
      applyServerErrors(error);
    }
  });

  const onPublish = form.handleSubmit(async (values) => {
    try {
      const saved = await saveDraft(values);
      await publish.mutateAsync({ feedbackId: saved.id, version: saved.version });
      await queryClient.invalidateQueries(trpc.feedback.pathFilter());
      toast.success(`Feedback published to ${data.interview.candidateName}`);
      router.push("/");
    } catch (error) {
      applyServerErrors(error);
    }
  });

  const busy = save.isPending || publish.isPending || form.formState.isSubmitting;
  const name = (
    list: { id: string; name?: string; label?: string }[],
    id: string | null | undefined,
  ) => list.find((x) => x.id === id)?.name ?? list.find((x) => x.id === id)?.label ?? null;
  const previewData: FeedbackData = {
    id: data.feedback?.id ?? "preview",
    summary: form.watch("summary") ?? "",
    publishedAt: data.feedback?.publishedAt ?? null,
    consultantName: data.consultantName,
    jobTitle: data.interview.jobTitle,
    clientName: data.interview.clientName,
    stage: data.interview.stage,
    interviewDate: data.interview.scheduledAt,
    items: (items ?? [])
      .map((item, i) => ({
        id: String(i),
        lens: item.lens,
        kind: item.kind,
        competency: name(taxonomy.competencies, item.competencyId),
        reason: item.kind === "gap" ? name(taxonomy.reasons, item.reasonId) : null,
        detail: item.detail,
        nextStep: item.nextStep || null,
      }))
      .sort(
        (a, b) =>
          lenses.indexOf(a.lens) - lenses.indexOf(b.lens) ||
          (a.kind === b.kind ? 0 : a.kind === "strength" ? -1 : 1),
      ),
  };

  return (
    <div>
      <PageHeader
        title={`Feedback for ${data.interview.candidateName}`}
        description={`${data.interview.jobTitle} at ${data.interview.clientName} · ${stageLabels[data.interview.stage]}`}
        actions={
          <>
            {data.feedback ? (
              <Badge tone={data.feedback.status === "published" ? "green" : "brand"}>
                {data.feedback.status}
              </Badge>
            ) : null}
            <Button
              variant="secondary"
              onClick={() => setPreview((p) => !p)}
              aria-pressed={preview}
            >
              {preview ? "Back to editing" : "Preview as candidate"}
            </Button>
          </>
        }
      />
      {!editable ? (
        <Card className="mb-6 p-4 text-sm text-muted">
          This feedback is {data.feedback?.status}; it can no longer be edited here.
        </Card>
      ) : null}
      {preview ? (
        <Card className="p-6">
          <p className="mb-4 text-xs font-semibold uppercase tracking-wide text-muted">
            Exactly what {data.interview.candidateName} will see
          </p>
          <FeedbackView feedback={previewData} />
        </Card>
      ) : (
        <form onSubmit={onSave} className="space-y-6" aria-label="Feedback editor">
          <Card className="p-5">
            <Field
              label="Summary"
              hint="A warm opening in a sentence or two: thank them, and say how close it was."
              error={form.formState.errors.summary?.message}
            >
              {(p) => (
                <Textarea {...p} {...form.register("summary")} rows={3} disabled={!editable} />
              )}
            </Field>
          </Card>
          {lenses.map((lens) => (
            <Card key={lens} className="p-5" data-testid={`lens-${lens}`}>
              <h2 className="text-base font-semibold text-ink">{lensInfo[lens].title}</h2>
              <p className="mb-4 text-sm text-muted">{lensInfo[lens].hint}</p>
              <div className="space-y-4">
                {fields.map((field, index) =>
                  field.lens !== lens ? null : (
                    <fieldset
                      key={field.id}
                      className="rounded-lg border border-line p-4"
                      disabled={!editable}
                    >
                      <legend className="px-1 text-sm font-medium text-ink">
                        {items?.[index]?.kind === "gap" ? "Gap" : "Strength"}
                      </legend>
                      <div className="grid gap-4 sm:grid-cols-3">
                        <Field label="Kind">
                          {(p) => (
                            <Select {...p} {...form.register(`items.${index}.kind`)}>
                              <option value="strength">Strength</option>
                              <option value="gap">Gap</option>
                            </Select>
                          )}
                        </Field>
                        <Field
                          label="Competency"
                          error={form.formState.errors.items?.[index]?.competencyId?.message}
                        >
                          {(p) => (
                            <Select
                              {...p}
                              {...form.register(`items.${index}.competencyId`, {
                                setValueAs: (v) => v || null,
                              })}
                            >
                              <option value="">—</option>
                              {taxonomy.competencies.map((c) => (
                                <option key={c.id} value={c.id}>
                                  {c.name}
                                </option>
                              ))}
                            </Select>
                          )}
                        </Field>
                        {items?.[index]?.kind === "gap" ? (
                          <Field
                            label="Reason"
                            error={form.formState.errors.items?.[index]?.reasonId?.message}
                          >
                            {(p) => (
                              <Select
                                {...p}
                                {...form.register(`items.${index}.reasonId`, {
                                  setValueAs: (v) => v || null,
                                })}
                              >
                                <option value="">Choose a reason</option>
                                {taxonomy.reasons.map((r) => (
                                  <option key={r.id} value={r.id}>
                                    {r.label}
                                  </option>
                                ))}
                              </Select>
                            )}
                          </Field>
                        ) : null}
                      </div>
                      <Field
                        className="mt-4"
                        label="Detail"
                        hint="Specific and observable: what they said or did, and why it mattered for this role."
                        error={form.formState.errors.items?.[index]?.detail?.message}
                      >
                        {(p) => (
                          <Textarea {...p} {...form.register(`items.${index}.detail`)} rows={3} />
                        )}
                      </Field>
                      <Field
                        className="mt-4"
                        label={
                          items?.[index]?.kind === "gap"
                            ? "Suggested next step"
                            : "Suggested next step (optional)"
                        }
                        error={form.formState.errors.items?.[index]?.nextStep?.message}
                      >
                        {(p) => (
                          <Textarea {...p} {...form.register(`items.${index}.nextStep`)} rows={2} />
                        )}
                      </Field>
                      <div className="mt-3 text-right">
                        <Button variant="ghost" size="sm" onClick={() => remove(index)}>
                          Remove
                        </Button>
                      </div>
                    </fieldset>
                  ),
                )}
                {editable ? (
                  <div className="flex gap-2">
                    <Button
                      variant="secondary"
                      size="sm"
                      onClick={() => append(emptyItem(lens, "strength"))}
                    >
                      + Strength
                    </Button>
                    <Button
                      variant="secondary"
                      size="sm"
                      onClick={() => append(emptyItem(lens, "gap"))}
                    >
                      + Gap
                    </Button>
                  </div>
                ) : null}
              </div>
            </Card>
          ))}
          {editable ? (
            <div className="sticky bottom-0 -mx-4 flex justify-end gap-3 border-t border-line bg-white/95 px-4 py-4 backdrop-blur sm:mx-0 sm:rounded-xl sm:border">
              <Button type="submit" variant="secondary" disabled={busy}>
                {save.isPending && !publish.isPending ? "Saving…" : "Save draft"}
              </Button>
              <Button onClick={onPublish} disabled={busy}>
                {publish.isPending
                  ? "Publishing…"
                  : data.requireApproval
                    ? "Publish (needs approval)"
                    : "Publish to candidate"}
              </Button>
            </div>
          ) : null}
        </form>
      )}
    </div>
  );
}
