import { z } from "zod";

export const uuidSchema = z.uuid({ error: "must be a valid id" });
/** Trimmed text with a clear reason when it is empty or too long. */
export const text = (max: number, { min = 1 }: { min?: number } = {}) =>
  z
    .string({ error: "must be text" })
    .trim()
    .min(min, { error: min === 1 ? "must not be empty" : `must be at least ${min} characters` })
    .max(max, { error: `must be at most ${max} characters` });
export const optionalText = (max: number) =>
  z
    .string({ error: "must be text" })
    .trim()
    .max(max, { error: `must be at most ${max} characters` })
    .transform((v) => (v === "" ? null : v))
    .nullish();
