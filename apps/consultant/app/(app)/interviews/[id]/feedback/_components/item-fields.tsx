"use client";
// One feedback item's fields: kind, competency, reason (gaps), detail and next step.
import { Button, Field, Select, Textarea } from "@debrief/ui";
import type { FieldErrors, UseFormRegister } from "react-hook-form";
import type { EditorForm } from "./editor-form";

type Option = { id: string; label: string };

export function ItemFields({
  index,
  kind,
  register,
  errors,
  competencies,
  reasons,
  detailLength,
  disabled,
  onRemove,
  onMove,
}: {
  index: number;
  kind: "strength" | "gap";
  register: UseFormRegister<EditorForm>;
  errors: FieldErrors<EditorForm>;
  competencies: Option[];
  reasons: Option[];
  detailLength: number;
  disabled: boolean;
  onRemove: () => void;
  onMove: (direction: -1 | 1) => void;
}) {
  const itemErrors = errors.items?.[index];
  const gap = kind === "gap";
  return (
    <fieldset
      className={`rounded-lg border border-l-4 border-line p-4 ${gap ? "border-l-amber-500" : "border-l-emerald-600"}`}
      disabled={disabled}
      data-testid="feedback-item"
    >
      <legend className="px-1 text-sm font-medium text-ink">{gap ? "Gap" : "Strength"}</legend>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field label="Kind">
          {(p) => (
            <Select {...p} {...register(`items.${index}.kind`)}>
              <option value="strength">Strength</option>
              <option value="gap">Gap</option>
            </Select>
          )}
        </Field>
        <Field label="Competency" error={itemErrors?.competencyId?.message}>
          {(p) => (
            <Select
              {...p}
              {...register(`items.${index}.competencyId`, { setValueAs: (v) => v || null })}
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
          <Field label="Reason" error={itemErrors?.reasonId?.message}>
            {(p) => (
              <Select
                {...p}
                {...register(`items.${index}.reasonId`, { setValueAs: (v) => v || null })}
              >
                <option value="">Choose a reason</option>
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
      <Field
        className="mt-4"
        label="Detail"
        hint={
          <span className={detailLength > 2000 ? "font-medium text-red-700" : undefined}>
            Specific and observable: what they said or did, and why it mattered. {detailLength}/2000
          </span>
        }
        error={itemErrors?.detail?.message}
      >
        {(p) => <Textarea {...p} {...register(`items.${index}.detail`)} rows={3} />}
      </Field>
      <Field
        className="mt-4"
        label={gap ? "Suggested next step" : "Suggested next step (optional)"}
        error={itemErrors?.nextStep?.message}
      >
        {(p) => <Textarea {...p} {...register(`items.${index}.nextStep`)} rows={2} />}
      </Field>
      {disabled ? null : (
        <div className="mt-3 flex justify-end gap-1">
          <Button
            variant="ghost"
            size="sm"
            onClick={() => onMove(-1)}
            aria-label={`Move item ${index + 1} up`}
          >
            ↑
          </Button>
          <Button
            variant="ghost"
            size="sm"
            onClick={() => onMove(1)}
            aria-label={`Move item ${index + 1} down`}
          >
            ↓
          </Button>
          <Button variant="ghost" size="sm" onClick={onRemove}>
            Remove
          </Button>
        </div>
      )}
    </fieldset>
  );
}
