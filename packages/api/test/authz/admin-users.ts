// Authorization-matrix entries for admin.users.* (see ../authorization.test.ts).
import type { MatrixFragment } from "./patterns";

export const adminUsersMatrix: MatrixFragment = () => ({});
