import { createAuth } from "@debrief/auth";
import { redirect } from "next/navigation";

export const { handlers, signIn, signOut, getSession } = createAuth("candidate");

/** For layouts and pages: the session, or the sign-in page. */
export async function requireSession() {
  const session = await getSession();
  if (!session) redirect("/sign-in");
  return session;
}
