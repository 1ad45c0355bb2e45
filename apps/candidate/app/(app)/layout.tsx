import { AppShell } from "@debrief/web/app-shell";
import { Toaster } from "@debrief/web/toaster";
import { TRPCReactProvider } from "@debrief/web/trpc/react";
import type { ReactNode } from "react";
import { requireSession } from "~/auth";
import { signOutAction } from "./sign-out";

export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const session = await requireSession();
  return (
    <TRPCReactProvider>
      <AppShell
        portalName="Candidate"
        nav={[
          { href: "/", label: "My feedback", also: ["/feedback"] },
          { href: "/plans", label: "Action plans" },
          { href: "/patterns", label: "Patterns" },
          { href: "/prepare", label: "Prepare" },
          { href: "/journal", label: "Journal" },
          { href: "/my-data", label: "My data" },
          { href: "/settings", label: "Settings" },
        ]}
        user={session.user}
        signOut={signOutAction}
      >
        {children}
      </AppShell>
      <Toaster />
    </TRPCReactProvider>
  );
}
