// Authorization-matrix entries for admin.dataRequests.* (see ../authorization.test.ts).
import type { MatrixFragment } from "./patterns";

export const adminDataRequestsMatrix: MatrixFragment = () => ({});
