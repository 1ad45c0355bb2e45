// The signed-in frame of both portals: navigation, who is signed in and where, sign out.
import { Button } from "@debrief/ui";
import type { ReactNode } from "react";
import { type NavItem, NavLinks } from "./nav-links";
import { NotificationBell } from "./notification-bell";

export function AppShell({
  portalName,
  nav,
  user,
  signOut,
  children,
}: {
  portalName: string;
  nav: NavItem[];
  user: { name: string; agencyName: string; role: string };
  signOut: () => Promise<void>;
  children: ReactNode;
}) {
  return (
    <div className="min-h-screen">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <header className="sticky top-0 z-40 border-b border-line bg-white/90 backdrop-blur">
        {/* Below lg the navigation takes a row of its own and scrolls sideways, so a phone never
            gets a page wider than its screen. */}
        <div className="mx-auto flex min-h-16 max-w-6xl flex-wrap items-center gap-x-6 gap-y-1 px-4 py-2 sm:px-6 lg:flex-nowrap lg:py-0">
          <div className="flex items-baseline gap-2">
            <span className="text-lg font-semibold tracking-tight text-brand-700">Debrief</span>
            <span className="hidden text-xs font-medium uppercase tracking-wide text-muted sm:inline">
              {portalName}
            </span>
          </div>
          <div className="order-last -mx-1 w-full overflow-x-auto lg:order-none lg:mx-0 lg:w-auto">
            <NavLinks items={nav} />
          </div>
          <div className="ml-auto flex items-center gap-3">
            <NotificationBell />
            <div className="text-right leading-tight">
              <p className="text-sm font-medium text-ink" data-testid="signed-in-name">
                {user.name}
              </p>
              <p className="text-xs text-muted" data-testid="signed-in-agency">
                {user.agencyName}
              </p>
            </div>
            <form action={signOut}>
              <Button type="submit" variant="secondary" size="sm">
                Sign out
              </Button>
            </form>
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
        {children}
      </main>
    </div>
  );
}
