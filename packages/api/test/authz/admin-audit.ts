// Authorization-matrix entries for admin.audit.* (see ../authorization.test.ts).
import type { MatrixFragment } from "./patterns";

export const adminAuditMatrix: MatrixFragment = () => ({});
