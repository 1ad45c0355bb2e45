// In-app notifications: what the bell in both portals lists.
import { z } from "zod";
import { uuidSchema } from "./common";

export const notificationEntry = z.object({
  id: z.uuid(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  /** A path in the reader's own portal. */
  link: z.string().nullable(),
  readAt: z.date().nullable(),
  createdAt: z.date(),
});
export type NotificationEntry = z.infer<typeof notificationEntry>;

export const notificationListOutput = z.object({
  items: z.array(notificationEntry),
  unread: z.int(),
});
export type NotificationList = z.infer<typeof notificationListOutput>;

export const notificationRefInput = z.object({ id: uuidSchema });
