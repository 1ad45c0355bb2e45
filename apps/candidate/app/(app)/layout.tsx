import { AppShell } from "@debrief/web/app-shell";
import type { ReactNode } from "react";
import { requireSession } from "~/auth";
import { signOutAction } from "./sign-out";

export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const session = await requireSession();
  return (
    <AppShell
      portalName="Candidate"
      nav={[{ href: "/", label: "My feedback", also: ["/feedback"] }]}
      user={session.user}
      signOut={signOutAction}
    >
      {children}
    </AppShell>
  );
}
