// Authorization-matrix entries for admin.reports.* (see ../authorization.test.ts).
import type { MatrixFragment } from "./patterns";

export const adminReportsMatrix: MatrixFragment = () => ({});
