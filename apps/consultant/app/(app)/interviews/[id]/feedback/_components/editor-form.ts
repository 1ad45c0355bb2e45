// The editor's form model: the save schema's summary and items, as typed (before zod's transforms).
import { saveDraftInput } from "@debrief/validators";
import type { z } from "zod";

export const editorSchema = saveDraftInput.pick({ summary: true, items: true });
export type EditorForm = z.input<typeof editorSchema>;
export type EditorValues = z.output<typeof editorSchema>;
