"use client";
// The SMART fields of a goal, shared by "Make this a goal" (feedback page) and "Edit goal" (plans).
import { Field, Input, Textarea } from "@debrief/ui";
import { goalFields } from "@debrief/validators";
import type { UseFormReturn } from "react-hook-form";
import type { z } from "zod";

export type GoalForm = z.input<typeof goalFields>;
export type GoalValues = z.output<typeof goalFields>;
export const goalFieldNames = Object.keys(goalFields.shape);

export function GoalFields({ form }: { form: UseFormReturn<GoalForm, unknown, GoalValues> }) {
  const errors = form.formState.errors;
  return (
    <>
      <Field label="What I will do" error={errors.title?.message}>
        {(p) => <Textarea {...p} {...form.register("title")} rows={2} />}
      </Field>
      <Field
        label="How I'll know it's done"
        hint="Something you could show or count."
        error={errors.measure?.message}
      >
        {(p) => <Textarea {...p} {...form.register("measure")} rows={2} />}
      </Field>
      <Field label="Target date" error={errors.targetDate?.message} className="max-w-xs">
        {(p) => <Input {...p} type="date" {...form.register("targetDate")} />}
      </Field>
    </>
  );
}
