"use client";
// The agency's three settings, each explained in a sentence, saved together with a version check:
// a save made on values someone else has since changed is refused and says so.
import { Button, Card, Field, Input } from "@debrief/ui";
import {
  type AgencySettingsOutput,
  agencySettingsUpdateInput,
  settingsLimits,
} from "@debrief/validators";
import { toast } from "@debrief/web/toast";
import { errorDetails, showServerErrors, useTRPC } from "@debrief/web/trpc/react";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { type ReactNode, useId, useState } from "react";
import { Controller, useForm } from "react-hook-form";
import type { z } from "zod";
import { LocalTime } from "~/pipeline/dates";

type FormInput = z.input<typeof agencySettingsUpdateInput>;
type FormOutput = z.output<typeof agencySettingsUpdateInput>;
const fields = ["feedbackSlaHours", "requireApproval", "retentionMonths"] as const;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** 72 → "3 days"; 30 → "1 day and 6 hours"; NaN → null. */
function hoursInWords(hours: number): string | null {
  if (!Number.isInteger(hours) || hours < 1) return null;
  const days = Math.floor(hours / 24);
  const rest = hours % 24;
  if (!days) return plural(rest, "hour");
  return rest ? `${plural(days, "day")} and ${plural(rest, "hour")}` : plural(days, "day");
}

/** 18 → "1 year and 6 months". */
function monthsInWords(months: number): string | null {
  if (!Number.isInteger(months) || months < 1) return null;
  const years = Math.floor(months / 12);
  const rest = months % 12;
  if (!years) return plural(rest, "month");
  return rest ? `${plural(years, "year")} and ${plural(rest, "month")}` : plural(years, "year");
}

const toForm = (s: AgencySettingsOutput): FormInput => ({
  feedbackSlaHours: s.feedbackSlaHours,
  requireApproval: s.requireApproval,
  retentionMonths: s.retentionMonths,
  version: s.version,
});

export function SettingsForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const query = trpc.admin.settings.get.queryOptions();
  const { data } = useSuspenseQuery(query);
  const [conflict, setConflict] = useState<string | null>(null);
  const form = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(agencySettingsUpdateInput),
    defaultValues: toForm(data),
  });
  const update = useMutation(trpc.admin.settings.update.mutationOptions());

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      const saved = await update.mutateAsync(values);
      queryClient.setQueryData(query.queryKey, saved);
      // The dashboard's overdue markers and the editor's publish button read these settings.
      await queryClient.invalidateQueries(trpc.feedback.pathFilter());
      await queryClient.invalidateQueries(trpc.dashboard.pathFilter());
      form.reset(toForm(saved));
      setConflict(null);
      toast.success("Settings saved");
    } catch (error) {
      if ((error as { data?: { code?: string } })?.data?.code === "CONFLICT") {
        setConflict(errorDetails(error).message);
        return;
      }
      showServerErrors(form.setError, error, fields);
    }
  });

  const reload = async () => {
    const fresh = await queryClient.fetchQuery({ ...query, staleTime: 0 });
    form.reset(toForm(fresh));
    setConflict(null);
    toast.info("Loaded the current settings");
  };

  const { errors, isDirty, isSubmitting } = form.formState;
  const sla = form.watch("feedbackSlaHours");
  const months = form.watch("retentionMonths");
  const approval = form.watch("requireApproval");
  const slaWords = hoursInWords(Number(sla));
  const monthsWords = monthsInWords(Number(months));

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Agency settings" className="max-w-3xl">
      {conflict ? (
        <div role="alert" className="mb-6 rounded-xl border border-red-300 bg-red-50 p-4">
          <p className="font-medium text-red-900">These settings changed while you had them open</p>
          <p className="mt-1 text-sm text-red-900">{conflict}</p>
          <Button className="mt-3" onClick={reload}>
            Load the current settings
          </Button>
        </div>
      ) : null}
      <Card className="divide-y divide-line">
        <Setting
          title="Feedback deadline"
          explanation="The clock consultants work to after a rejection. Past it, the interview is marked overdue on the dashboard, counts as an SLA breach in the reports, and is what reminders chase."
        >
          <Field
            label="Hours from rejection to published feedback"
            hint={
              slaWords
                ? `${slaWords}. Allowed: ${settingsLimits.feedbackSlaHours.min} to ${settingsLimits.feedbackSlaHours.max} hours (90 days).`
                : `Allowed: ${settingsLimits.feedbackSlaHours.min} to ${settingsLimits.feedbackSlaHours.max} hours (90 days).`
            }
            error={errors.feedbackSlaHours?.message}
          >
            {(p) => (
              <Input
                {...p}
                {...form.register("feedbackSlaHours", { valueAsNumber: true })}
                type="number"
                inputMode="numeric"
                min={settingsLimits.feedbackSlaHours.min}
                max={settingsLimits.feedbackSlaHours.max}
                step={1}
                className="max-w-40"
              />
            )}
          </Field>
        </Setting>

        <Setting
          title="Approval before publishing"
          explanation="Whether a second consultant (or an admin) must approve feedback before the candidate sees it. The author can never approve their own."
        >
          <Controller
            control={form.control}
            name="requireApproval"
            render={({ field }) => (
              <ApprovalChoice
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                error={errors.requireApproval?.message}
              />
            )}
          />
          {!approval && data.requireApproval && data.awaitingApproval > 0 ? (
            <p className="mt-3 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900">
              {data.awaitingApproval === 1
                ? "1 piece of feedback is"
                : `${data.awaitingApproval} pieces of feedback are`}{" "}
              already waiting for approval. They stay in the queue until someone approves them or
              sends them back.
            </p>
          ) : null}
        </Setting>

        <Setting
          title="Record retention"
          explanation="After how many months without any activity a candidate's records (their interviews, feedback, plans and journal) are purged for good."
        >
          <Field
            label="Months without activity before purging"
            hint={
              monthsWords
                ? `${monthsWords}. Allowed: ${settingsLimits.retentionMonths.min} to ${settingsLimits.retentionMonths.max} months.`
                : `Allowed: ${settingsLimits.retentionMonths.min} to ${settingsLimits.retentionMonths.max} months.`
            }
            error={errors.retentionMonths?.message}
          >
            {(p) => (
              <Input
                {...p}
                {...form.register("retentionMonths", { valueAsNumber: true })}
                type="number"
                inputMode="numeric"
                min={settingsLimits.retentionMonths.min}
                max={settingsLimits.retentionMonths.max}
                step={1}
                className="max-w-40"
              />
            )}
          </Field>
        </Setting>

        <div className="flex flex-wrap items-center justify-end gap-3 px-6 py-4">
          <p className="mr-auto text-sm text-muted" data-testid="settings-last-change">
            {data.lastChange ? (
              <>
                Last changed by {data.lastChange.by}, <LocalTime value={data.lastChange.at} />
              </>
            ) : (
              "Not changed since the agency was set up"
            )}
          </p>
          <Button
            variant="secondary"
            disabled={!isDirty || isSubmitting}
            onClick={() => form.reset(toForm(data))}
          >
            Discard changes
          </Button>
          <Button type="submit" disabled={isSubmitting || !!conflict}>
            {isSubmitting ? "Saving…" : "Save settings"}
          </Button>
        </div>
      </Card>
    </form>
  );
}

function Setting({
  title,
  explanation,
  children,
}: {
  title: string;
  explanation: string;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <section
      aria-labelledby={id}
      className="grid gap-4 px-6 py-5 md:grid-cols-[minmax(0,16rem)_minmax(0,1fr)] md:gap-8"
    >
      <div>
        <h2 id={id} className="text-base font-semibold text-ink">
          {title}
        </h2>
        <p className="mt-1 text-sm text-muted">{explanation}</p>
      </div>
      <div className="min-w-0">{children}</div>
    </section>
  );
}

function ApprovalChoice({
  value,
  onChange,
  onBlur,
  error,
}: {
  value: boolean;
  onChange: (value: boolean) => void;
  onBlur: () => void;
  error?: string;
}) {
  const name = useId();
  const options = [
    {
      value: false,
      label: "Publish directly",
      detail: "The consultant who writes the feedback publishes it.",
    },
    {
      value: true,
      label: "A second person approves first",
      detail: "Feedback is submitted for approval; another consultant or an admin publishes it.",
    },
  ];
  return (
    <fieldset aria-describedby={error ? `${name}-error` : undefined}>
      <legend className="mb-2 text-sm font-medium text-ink">Who publishes feedback</legend>
      <div className="grid gap-2 sm:grid-cols-2">
        {options.map((option) => (
          <label
            key={String(option.value)}
            className="flex cursor-pointer gap-3 rounded-lg border border-line p-3 text-sm has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-100"
          >
            <input
              type="radio"
              name={name}
              checked={value === option.value}
              onChange={() => onChange(option.value)}
              onBlur={onBlur}
              className="mt-0.5 h-4 w-4 accent-brand-700"
            />
            <span>
              <span className="block font-medium text-ink">{option.label}</span>
              <span className="mt-0.5 block text-muted">{option.detail}</span>
            </span>
          </label>
        ))}
      </div>
      {error ? (
        <p id={`${name}-error`} className="mt-1.5 text-xs font-medium text-red-700">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
