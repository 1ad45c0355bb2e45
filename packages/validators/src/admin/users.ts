// Inputs and outputs of admin.users (the agency's people and their invitations) and of accepting an
// invitation. Outputs are also the allowlist of what an admin sees.
import { z } from "zod";
import { text, uuidSchema } from "../common";
import { type Role, roles, staffRoles, type UserStatus, userStatuses } from "../enums";

/** Invitations are valid this long after they are sent (or sent again). */
export const INVITATION_DAYS = 7;
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 200;

export const roleLabels: Record<Role, string> = {
  admin: "Admin",
  consultant: "Consultant",
  candidate: "Candidate",
};
export const userStatusLabels: Record<UserStatus, string> = {
  invited: "Invited",
  active: "Active",
  disabled: "Disabled",
};

const email = z
  .string({ error: "must be text" })
  .trim()
  .toLowerCase()
  .max(320, { error: "must be at most 320 characters" })
  .pipe(z.email({ error: "must be a valid email address" }));

export const adminUserListInput = z.object({
  q: z
    .string({ error: "must be text" })
    .trim()
    .max(200, { error: "must be at most 200 characters" })
    .optional(),
  role: z.enum(roles, { error: `must be one of ${roles.join(", ")}` }).optional(),
  status: z.enum(userStatuses, { error: `must be one of ${userStatuses.join(", ")}` }).optional(),
  page: z
    .int({ error: "must be a whole number" })
    .min(1, { error: "must be at least 1" })
    .max(100_000, { error: "is too large" })
    .default(1),
  pageSize: z
    .int({ error: "must be a whole number" })
    .min(1, { error: "must be at least 1" })
    .max(50, { error: "must be at most 50" })
    .default(20),
});
export type AdminUserListInput = z.input<typeof adminUserListInput>;

export const invitationStates = ["pending", "expired", "revoked"] as const;
export type InvitationState = (typeof invitationStates)[number];

export const adminUserRow = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string(),
  role: z.enum(roles),
  status: z.enum(userStatuses),
  /** From the audit trail's sign-in events; null when they never signed in (or not since). */
  lastSignInAt: z.date().nullable(),
  /** The latest invitation of someone still invited: whether it can still be accepted. */
  invitation: z
    .object({
      id: z.uuid(),
      state: z.enum(invitationStates),
      expiresAt: z.date(),
      sentAt: z.date(),
      invitedBy: z.string().nullable(),
    })
    .nullable(),
  isYou: z.boolean(),
  createdAt: z.date(),
});
export type AdminUserRow = z.infer<typeof adminUserRow>;

export const adminUserListOutput = z.object({
  rows: z.array(adminUserRow),
  total: z.int(),
  page: z.int(),
  pageSize: z.int(),
  /** The whole agency, whatever the filters: for the filter labels. */
  counts: z.object({
    all: z.int(),
    admin: z.int(),
    consultant: z.int(),
    candidate: z.int(),
    invited: z.int(),
    active: z.int(),
    disabled: z.int(),
  }),
  /** Active admins: the last one cannot be disabled or made a consultant. */
  activeAdmins: z.int(),
});
export type AdminUserListOutput = z.infer<typeof adminUserListOutput>;

export const inviteUserInput = z.object({
  email,
  name: text(200),
  role: z.enum(roles, { error: "must be admin, consultant or candidate" }),
});
export type InviteUserInput = z.infer<typeof inviteUserInput>;

/** The raw link is shown to the admin once: only its hash is stored. */
export const invitationSentOutput = z.object({
  userId: z.uuid(),
  invitationId: z.uuid(),
  name: z.string(),
  email: z.string(),
  role: z.enum(roles),
  link: z.url(),
  expiresAt: z.date(),
  /** For a candidate: their existing record was linked, or a new one created. */
  candidate: z.enum(["linked", "created"]).nullable(),
});
export type InvitationSentOutput = z.infer<typeof invitationSentOutput>;

export const adminUserRefInput = z.object({ userId: uuidSchema });
export type AdminUserRefInput = z.infer<typeof adminUserRefInput>;

export const changeRoleInput = z.object({
  userId: uuidSchema,
  role: z.enum(staffRoles, {
    error: "must be admin or consultant: staff cannot be made candidates",
  }),
});
export type ChangeRoleInput = z.infer<typeof changeRoleInput>;

export const adminUserChangedOutput = z.object({
  id: z.uuid(),
  role: z.enum(roles),
  status: z.enum(userStatuses),
});

export const invitationRevokedOutput = z.object({ userId: z.uuid(), invitationId: z.uuid() });

// Accepting an invitation (no session: the token is the credential).

/** 32 random bytes, base64url: 43 characters. Anything else cannot be a token we issued. */
export const invitationToken = z
  .string({ error: "must be the link from your invitation" })
  .regex(/^[A-Za-z0-9_-]{43}$/, { error: "is not a valid invitation link" });

export const newPassword = z
  .string({ error: "must be text" })
  .min(PASSWORD_MIN, { error: `must be at least ${PASSWORD_MIN} characters` })
  .max(PASSWORD_MAX, { error: `must be at most ${PASSWORD_MAX} characters` })
  .refine((v) => v.trim().length > 0, { error: "must not be only spaces" });

export const acceptInvitationInput = z
  .object({
    token: invitationToken,
    password: newPassword,
    confirmPassword: z.string({ error: "must be text" }),
  })
  .refine((v) => v.password === v.confirmPassword, {
    path: ["confirmPassword"],
    error: "does not match the password",
  });
export type AcceptInvitationInput = z.infer<typeof acceptInvitationInput>;
