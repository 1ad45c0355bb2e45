import { createAuth } from "@debrief/auth";
import { notFound, redirect } from "next/navigation";

export const { handlers, signIn, signOut, getSession } = createAuth("consultant");

/** For layouts and pages: the session, or the sign-in page. */
export async function requireSession() {
  const session = await getSession();
  if (!session) redirect("/sign-in");
  return session;
}

/**
 * For the admin area's layout and pages: Next renders a page alongside its layout, so each page
 * checks too, and a consultant gets the same 404 as a page that does not exist.
 */
export async function requireAdmin() {
  const session = await requireSession();
  if (session.user.role !== "admin") notFound();
  return session;
}
