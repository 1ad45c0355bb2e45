// Authorization-matrix entries for admin.audit.* (see ../authorization.test.ts). Both procedures
// read the caller's own agency's log: another agency's admin gets their own (the leak check
// asserts no home id appears in it); everyone but an admin is refused.
import { adminOnlyList, type MatrixFragment } from "./patterns";

export const adminAuditMatrix: MatrixFragment = () => ({
  "admin.audit.list": { input: async () => ({}), expect: adminOnlyList },
  "admin.audit.facets": { input: async () => undefined, expect: adminOnlyList },
});
