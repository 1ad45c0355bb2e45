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
        portalName="Consultant"
        nav={[
          { href: "/", label: "Dashboard", also: [] },
          { href: "/candidates", label: "Candidates" },
          { href: "/interviews", label: "Interviews" },
          { href: "/jobs", label: "Jobs" },
          { href: "/clients", label: "Clients" },
          ...(session.user.role === "admin" ? [{ href: "/admin", label: "Admin" }] : []),
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
