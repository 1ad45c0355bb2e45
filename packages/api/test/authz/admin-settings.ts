// Authorization-matrix entries for admin.settings.* (see ../authorization.test.ts).
import type { MatrixFragment } from "./patterns";

export const adminSettingsMatrix: MatrixFragment = () => ({});
