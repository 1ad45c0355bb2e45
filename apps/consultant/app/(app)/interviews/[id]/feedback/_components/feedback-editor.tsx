"use client";
// The structured feedback editor: three lenses of items, templates, autosave with version checks,
// quality and fairness checks as the consultant types, preview through the candidate's own
// component, and the status actions (publish, review, revise, retract).
import { Badge, Button, Card, Field, PageHeader, Select, Textarea } from "@debrief/ui";
import { FeedbackView } from "@debrief/ui/feedback-view";
import {
  checkFeedbackQuality,
  detectFairnessIssues,
  type FeedbackView as FeedbackData,
  type Lens,
  lenses,
  lensInfo,
  stageLabels,
} from "@debrief/validators";
import { toast } from "@debrief/web/toast";
import { errorDetails, useTRPC } from "@debrief/web/trpc/react";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { type FieldPath, useFieldArray, useForm } from "react-hook-form";
import { type EditorForm, type EditorValues, editorSchema } from "./editor-form";
import { ItemFields } from "./item-fields";
import { QualityPanel, type TextFlags } from "./quality-panel";
import { useAutosave } from "./use-autosave";

const emptyItem = (lens: Lens, kind: "strength" | "gap") => ({
  id: null,
  lens,
  kind,
  competencyId: null,
  reasonId: null,
  detail: "",
  nextStep: "",
});

const timeFormat = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit" });
const dateTimeFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  hour: "2-digit",
  minute: "2-digit",
});

type SaveState =
  | { kind: "idle" }
  | { kind: "saving" }
  | { kind: "saved"; at: Date }
  | { kind: "error"; message: string };
type Pending = null | "override" | "sendBack" | "retract";

export function FeedbackEditor({ interviewId }: { interviewId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const editorQuery = trpc.feedback.editor.queryOptions({ interviewId });
  const { data } = useSuspenseQuery(editorQuery);
  const { data: taxonomy } = useSuspenseQuery(trpc.feedback.taxonomy.queryOptions());
  const { data: templates } = useSuspenseQuery(trpc.template.list.queryOptions());

  const fb = data.feedback;
  const status = fb?.status ?? "draft";
  const [version, setVersion] = useState<number | null>(fb?.version ?? null);
  const [feedbackId, setFeedbackId] = useState<string | null>(fb?.id ?? null);
  const [preview, setPreview] = useState(false);
  const [saveState, setSaveState] = useState<SaveState>({ kind: "idle" });
  const [conflict, setConflict] = useState<string | null>(null);
  const [stash, setStash] = useState<EditorForm | null>(null);
  const [pending, setPending] = useState<Pending>(null);
  const [note, setNote] = useState("");
  const [templateId, setTemplateId] = useState("");

  const isDraft = status === "draft";
  const isPublished = status === "published";
  const editable = (isDraft || isPublished) && !conflict;
  // The author and whoever submitted it never review it (the API refuses them too).
  const canReview =
    status === "in_review" && fb?.authorId !== data.me && fb?.lastEditedById !== data.me;

  const toForm = (source: typeof fb): EditorForm => ({
    summary: source?.summary ?? "",
    items: source?.items.map((i) => ({ ...i, nextStep: i.nextStep ?? "" })) ?? [],
  });
  const form = useForm<EditorForm, unknown, EditorValues>({
    resolver: zodResolver(editorSchema),
    defaultValues: toForm(fb),
  });
  const { fields, append, remove, move } = useFieldArray({ control: form.control, name: "items" });
  const values = form.watch();
  const items = values.items ?? [];

  // Checks run on every keystroke; they are pure functions shared with the server.
  const issues = useMemo(
    () =>
      checkFeedbackQuality({
        summary: values.summary ?? "",
        items: items.map((i) => ({ ...i, nextStep: i.nextStep || null })),
      }),
    [values.summary, items],
  );
  const fairness = useMemo<TextFlags[]>(() => {
    const texts: Omit<TextFlags, "flags">[] = [
      { path: "summary", label: "Summary", text: values.summary ?? "" },
      ...items.flatMap((item, i) => [
        {
          path: `items.${i}.detail`,
          label: `${lensInfo[item.lens].title} · point ${i + 1}`,
          text: item.detail ?? "",
        },
        {
          path: `items.${i}.nextStep`,
          label: `${lensInfo[item.lens].title} · next step ${i + 1}`,
          text: item.nextStep ?? "",
        },
      ]),
    ];
    return texts
      .map((t) => ({ ...t, flags: detectFairnessIssues(t.text) }))
      .filter((t) => t.flags.length > 0);
  }, [values.summary, items]);

  const invalidate = () => queryClient.invalidateQueries(trpc.feedback.pathFilter());
  const onError = (error: unknown) => {
    const { message, fieldErrors } = errorDetails(error);
    if ((error as { data?: { code?: string } })?.data?.code === "CONFLICT") {
      setConflict(message);
      setSaveState({ kind: "idle" });
      return;
    }
    for (const [path, messages] of Object.entries(fieldErrors)) {
      if (path === "fairnessOverrideReason") setPending("override");
      else form.setError(path as FieldPath<EditorForm>, { message: messages[0] });
    }
    setSaveState({ kind: "error", message });
    toast.error(message);
  };

  const saveDraft = useMutation(trpc.feedback.saveDraft.mutationOptions());
  const statusOptions = { onSuccess: invalidate };
  const publish = useMutation(trpc.feedback.publish.mutationOptions(statusOptions));
  const submit = useMutation(trpc.feedback.submitForReview.mutationOptions(statusOptions));
  const approve = useMutation(trpc.feedback.approve.mutationOptions(statusOptions));
  const sendBack = useMutation(trpc.feedback.sendBack.mutationOptions(statusOptions));
  const revise = useMutation(trpc.feedback.revise.mutationOptions(statusOptions));
  const retract = useMutation(trpc.feedback.retract.mutationOptions(statusOptions));
  const busy = [saveDraft, publish, submit, approve, sendBack, revise, retract].some(
    (m) => m.isPending,
  );

  /** Saves the draft; returns the id and version to act on, or null when it failed. */
  const persist = async (v: EditorValues) => {
    setSaveState({ kind: "saving" });
    try {
      const saved = await saveDraft.mutateAsync({ interviewId, version, ...v });
      setVersion(saved.version);
      setFeedbackId(saved.id);
      form.reset(form.getValues(), { keepErrors: false });
      setSaveState({ kind: "saved", at: saved.updatedAt });
      return saved;
    } catch (error) {
      onError(error);
      return null;
    }
  };

  useAutosave({
    enabled: isDraft && !conflict && !busy,
    dirty: form.formState.isDirty,
    signature: JSON.stringify(values),
    save: () => {
      const parsed = editorSchema.safeParse(form.getValues());
      if (parsed.success) void persist(parsed.data);
    },
  });

  const finish = (message: string) => {
    toast.success(message);
    router.push("/");
  };

  const publishOrSubmit = form.handleSubmit(async (v) => {
    const saved = await persist(v);
    if (!saved) return;
    const override = pending === "override" ? note : null;
    try {
      if (data.requireApproval) {
        await submit.mutateAsync({
          feedbackId: saved.id,
          version: saved.version,
          fairnessOverrideReason: override,
        });
        finish("Submitted for approval");
      } else {
        await publish.mutateAsync({
          feedbackId: saved.id,
          version: saved.version,
          fairnessOverrideReason: override,
        });
        finish(`Feedback published to ${data.interview.candidateName}`);
      }
    } catch (error) {
      onError(error);
    }
  });

  const saveRevision = form.handleSubmit(async (v) => {
    if (!feedbackId || version === null) return;
    try {
      await revise.mutateAsync({
        feedbackId,
        version,
        ...v,
        interviewId,
        fairnessOverrideReason: pending === "override" ? note : null,
      });
      finish(`Changes published; ${data.interview.candidateName} will see what changed`);
    } catch (error) {
      onError(error);
    }
  });

  const act = async (fn: () => Promise<unknown>, message: string) => {
    try {
      await fn();
      finish(message);
    } catch (error) {
      onError(error);
    }
  };

  const reloadTheirs = async () => {
    setStash(form.getValues());
    const fresh = await queryClient.fetchQuery({ ...editorQuery, staleTime: 0 });
    form.reset(toForm(fresh.feedback));
    setVersion(fresh.feedback?.version ?? null);
    setFeedbackId(fresh.feedback?.id ?? null);
    setConflict(null);
    toast.info("Loaded the latest version. Your text is kept below for you to copy back.");
  };

  const applyTemplate = async () => {
    if (!templateId) return;
    const template = await queryClient.fetchQuery(
      trpc.template.byId.queryOptions({ id: templateId }),
    );
    for (const item of template.items) append({ ...item, id: null, nextStep: item.nextStep ?? "" });
    toast.success(
      `Added ${template.items.length} points from “${template.name}”. Replace the … with what you saw.`,
    );
    setTemplateId("");
  };

  const label = (
    list: { id: string; name?: string; label?: string }[],
    id: string | null | undefined,
  ) => {
    const found = list.find((x) => x.id === id);
    return found?.name ?? found?.label ?? null;
  };
  const previewData: FeedbackData = {
    id: feedbackId ?? "preview",
    summary: values.summary ?? "",
    publishedAt: fb?.publishedAt ?? null,
    revisedAt: null,
    consultantName: fb?.authorName ?? data.consultantName,
    jobTitle: data.interview.jobTitle,
    clientName: data.interview.clientName,
    stage: data.interview.stage,
    interviewDate: data.interview.scheduledAt,
    items: items
      .map((item, i) => ({
        id: item.id ?? `new-${i}`,
        lens: item.lens,
        kind: item.kind,
        competency: label(taxonomy.competencies, item.competencyId),
        reason: item.kind === "gap" ? label(taxonomy.reasons, item.reasonId) : null,
        detail: item.detail,
        nextStep: item.nextStep || null,
      }))
      .sort(
        (a, b) =>
          lenses.indexOf(a.lens) - lenses.indexOf(b.lens) ||
          (a.kind === b.kind ? 0 : a.kind === "strength" ? -1 : 1),
      ),
  };

  // Retired entries are offered only where this feedback already uses them, marked as such.
  const inUse = new Set(items.flatMap((i) => [i.competencyId, i.reasonId]));
  const options = (entries: { id: string; label: string; retired: boolean }[]) =>
    entries
      .filter((e) => !e.retired || inUse.has(e.id))
      .map((e) => ({ id: e.id, label: e.retired ? `${e.label} (retired)` : e.label }));
  const competencyOptions = options(
    taxonomy.competencies.map((c) => ({ id: c.id, label: c.name, retired: c.retired })),
  );
  const reasonOptions = options(taxonomy.reasons);
  const hasFlags = fairness.length > 0;

  return (
    <div>
      <PageHeader
        title={`Feedback for ${data.interview.candidateName}`}
        description={`${data.interview.jobTitle} at ${data.interview.clientName} · ${stageLabels[data.interview.stage]} · rejected ${dateTimeFormat.format(data.interview.rejectedAt)}`}
        actions={
          <>
            <StatusBadge status={status} />
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

      {conflict ? (
        <div role="alert" className="mb-6 rounded-xl border border-red-300 bg-red-50 p-4">
          <p className="font-medium text-red-900">Someone else changed this feedback</p>
          <p className="mt-1 text-sm text-red-900">{conflict}</p>
          <div className="mt-3 flex gap-2">
            <Button onClick={reloadTheirs}>Load their version (keep my text)</Button>
          </div>
        </div>
      ) : null}
      {stash ? <StashedText stash={stash} onDismiss={() => setStash(null)} /> : null}
      {fb?.reviewComment && isDraft ? (
        <Card className="mb-6 border-amber-300 bg-amber-50 p-4 text-sm">
          <p className="font-medium text-amber-900">Sent back for changes</p>
          <p className="mt-1 text-amber-900">{fb.reviewComment}</p>
        </Card>
      ) : null}
      {status === "in_review" ? (
        <Card className="mb-6 p-4 text-sm text-muted">
          Submitted by {fb?.authorName}
          {fb?.submittedAt ? ` on ${dateTimeFormat.format(fb.submittedAt)}` : ""}.{" "}
          {canReview
            ? "Read it, then approve it or send it back with a comment."
            : "Another consultant or an admin must approve it before the candidate sees it."}
          {fb?.fairnessOverrideReason
            ? ` Fairness warning overridden: “${fb.fairnessOverrideReason}”.`
            : ""}
        </Card>
      ) : null}
      {status === "retracted" ? (
        <Card className="mb-6 p-4 text-sm text-muted">
          Retracted: {fb?.retractionReason}. The candidate no longer sees it.
        </Card>
      ) : null}
      {isPublished ? (
        <Card className="mb-6 p-4 text-sm text-muted">
          Published {fb?.publishedAt ? dateTimeFormat.format(fb.publishedAt) : ""}
          {fb?.approverName ? `, approved by ${fb.approverName}` : ""}. Changes you save here are
          shown to the candidate as an update
          {fb?.revisions.length
            ? ` (updated ${fb.revisions.length} time${fb.revisions.length === 1 ? "" : "s"} so far)`
            : ""}
          .
        </Card>
      ) : null}

      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="min-w-0">
          {preview ? (
            <Card className="p-6">
              <p className="mb-4 text-xs font-semibold uppercase tracking-wide text-muted">
                Exactly what {data.interview.candidateName} will see
              </p>
              <FeedbackView feedback={previewData} />
            </Card>
          ) : (
            <form
              onSubmit={(e) => e.preventDefault()}
              className="space-y-6"
              aria-label="Feedback editor"
            >
              {editable && isDraft && templates.length ? (
                <Card className="flex flex-wrap items-end gap-3 p-4">
                  <Field label="Start from a template" className="min-w-56 flex-1">
                    {(p) => (
                      <Select
                        {...p}
                        value={templateId}
                        onChange={(e) => setTemplateId(e.target.value)}
                      >
                        <option value="">Choose a template…</option>
                        {templates.map((t) => (
                          <option key={t.id} value={t.id}>
                            {t.name} ({t.itemCount} points)
                          </option>
                        ))}
                      </Select>
                    )}
                  </Field>
                  <Button variant="secondary" onClick={applyTemplate} disabled={!templateId}>
                    Add its points
                  </Button>
                </Card>
              ) : null}
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
                        <ItemFields
                          key={field.id}
                          index={index}
                          kind={items[index]?.kind ?? "strength"}
                          register={form.register}
                          errors={form.formState.errors}
                          competencies={competencyOptions}
                          reasons={reasonOptions}
                          detailLength={items[index]?.detail?.length ?? 0}
                          disabled={!editable}
                          onRemove={() => remove(index)}
                          onMove={(direction) => {
                            // Move within the lens: to the previous/next item of the same lens.
                            const same = fields
                              .map((f, i) => (f.lens === lens ? i : -1))
                              .filter((i) => i >= 0);
                            const to = same[same.indexOf(index) + direction];
                            if (to !== undefined) move(index, to);
                          }}
                        />
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
            </form>
          )}
        </div>
        <aside className="space-y-4 lg:sticky lg:top-24 lg:self-start">
          <QualityPanel issues={issues} fairness={fairness} />
        </aside>
      </div>

      <div className="sticky bottom-0 z-30 -mx-4 mt-6 border-t border-line bg-white/95 px-4 py-4 backdrop-blur sm:mx-0 sm:rounded-xl sm:border">
        {pending ? (
          <PendingNote
            pending={pending}
            note={note}
            setNote={setNote}
            onCancel={() => {
              setPending(null);
              setNote("");
            }}
            onConfirm={() => {
              if (pending === "override") void (isPublished ? saveRevision() : publishOrSubmit());
              if (pending === "sendBack" && feedbackId && version !== null)
                void act(
                  () => sendBack.mutateAsync({ feedbackId, version, comment: note }),
                  "Sent back to the author",
                );
              if (pending === "retract" && feedbackId && version !== null)
                void act(
                  () => retract.mutateAsync({ feedbackId, version, reason: note }),
                  "Feedback retracted",
                );
            }}
            busy={busy}
            fairnessCount={fairness.length}
          />
        ) : (
          <div className="flex flex-wrap items-center justify-end gap-3">
            <SaveIndicator state={saveState} dirty={form.formState.isDirty} isDraft={isDraft} />
            {isDraft && !conflict ? (
              <>
                <Button
                  variant="secondary"
                  disabled={busy}
                  onClick={form.handleSubmit((v) =>
                    persist(v).then((s) => s && toast.success("Draft saved")),
                  )}
                >
                  Save draft
                </Button>
                <Button
                  disabled={busy}
                  onClick={() => (hasFlags ? setPending("override") : publishOrSubmit())}
                >
                  {data.requireApproval ? "Submit for approval" : "Publish to candidate"}
                </Button>
              </>
            ) : null}
            {canReview && feedbackId && version !== null ? (
              <>
                <Button variant="secondary" disabled={busy} onClick={() => setPending("sendBack")}>
                  Send back
                </Button>
                <Button
                  disabled={busy}
                  onClick={() =>
                    act(
                      () => approve.mutateAsync({ feedbackId, version }),
                      `Approved and published to ${data.interview.candidateName}`,
                    )
                  }
                >
                  Approve and publish
                </Button>
              </>
            ) : null}
            {isPublished && !conflict ? (
              <>
                <Button variant="secondary" disabled={busy} onClick={() => setPending("retract")}>
                  Retract
                </Button>
                <Button
                  disabled={busy || !form.formState.isDirty}
                  onClick={() => (hasFlags ? setPending("override") : saveRevision())}
                >
                  Publish changes
                </Button>
              </>
            ) : null}
          </div>
        )}
      </div>
    </div>
  );
}

function StatusBadge({ status }: { status: string }) {
  const tone =
    status === "published"
      ? "green"
      : status === "in_review"
        ? "amber"
        : status === "retracted"
          ? "red"
          : "brand";
  return <Badge tone={tone}>{status === "in_review" ? "awaiting approval" : status}</Badge>;
}

function SaveIndicator({
  state,
  dirty,
  isDraft,
}: {
  state: SaveState;
  dirty: boolean;
  isDraft: boolean;
}) {
  const text =
    state.kind === "saving"
      ? "Saving…"
      : dirty
        ? "Unsaved changes"
        : state.kind === "saved"
          ? `Saved at ${timeFormat.format(state.at)}`
          : state.kind === "error"
            ? "Not saved"
            : isDraft
              ? "Drafts save automatically"
              : "";
  return (
    <p className="mr-auto text-sm text-muted" aria-live="polite" data-testid="save-state">
      {text}
    </p>
  );
}

function PendingNote({
  pending,
  note,
  setNote,
  onCancel,
  onConfirm,
  busy,
  fairnessCount,
}: {
  pending: Exclude<Pending, null>;
  note: string;
  setNote: (v: string) => void;
  onCancel: () => void;
  onConfirm: () => void;
  busy: boolean;
  fairnessCount: number;
}) {
  const copy = {
    override: {
      label: "Reason for publishing despite the fairness warning",
      hint: `${fairnessCount} passage${fairnessCount === 1 ? "" : "s"} refer${fairnessCount === 1 ? "s" : ""} to a protected characteristic. Reword them, or say why this is job-related; the reason is recorded.`,
      confirm: "Publish with this reason",
    },
    sendBack: {
      label: "Comment for the author",
      hint: "What should change before it is published?",
      confirm: "Send back",
    },
    retract: {
      label: "Reason for retracting",
      hint: "Recorded in the audit log. The candidate stops seeing this feedback.",
      confirm: "Retract feedback",
    },
  }[pending];
  return (
    <div className="flex flex-wrap items-end gap-3">
      <Field label={copy.label} hint={copy.hint} className="min-w-64 flex-1">
        {(p) => (
          <Textarea
            {...p}
            rows={2}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            maxLength={500}
          />
        )}
      </Field>
      <Button variant="secondary" onClick={onCancel}>
        Cancel
      </Button>
      <Button
        variant={pending === "retract" ? "danger" : "primary"}
        disabled={busy || note.trim().length === 0}
        onClick={onConfirm}
      >
        {copy.confirm}
      </Button>
    </div>
  );
}

function StashedText({ stash, onDismiss }: { stash: EditorForm; onDismiss: () => void }) {
  return (
    <Card className="mb-6 p-4">
      <div className="flex items-center justify-between">
        <p className="text-sm font-medium text-ink">Your text from before the reload</p>
        <Button variant="ghost" size="sm" onClick={onDismiss}>
          Dismiss
        </Button>
      </div>
      <div
        className="mt-2 max-h-64 space-y-2 overflow-auto text-sm text-muted"
        data-testid="stashed-text"
      >
        {stash.summary ? <p>Summary: {stash.summary}</p> : null}
        {(stash.items ?? []).map((item, i) => (
          <p key={item.id ?? `stash-${i}`}>
            {lensInfo[item.lens].title} · {item.kind}: {item.detail}
            {item.nextStep ? ` — next step: ${item.nextStep}` : ""}
          </p>
        ))}
      </div>
    </Card>
  );
}
