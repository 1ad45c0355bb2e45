import type { AuditEventRow } from "@debrief/validators";

/** A JSON value as audit metadata holds it. */
export type JsonValue = AuditEventRow["metadata"][string];
