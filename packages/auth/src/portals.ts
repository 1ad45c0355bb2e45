// Which roles sign in to which portal: staff on the consultant portal, candidates on their own.
import type { Role } from "@debrief/validators";

export type Portal = "consultant" | "candidate";
export const portalRoles: Record<Portal, readonly Role[]> = {
  consultant: ["consultant", "admin"],
  candidate: ["candidate"],
};
