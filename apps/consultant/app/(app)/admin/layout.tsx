// The admin area: only admins get past this layout; everyone else finds nothing here.
import type { MailQueueCounts } from "@debrief/validators";
import { NavLinks } from "@debrief/web/nav-links";
import { unstable_rethrow } from "next/navigation";
import type { ReactNode } from "react";
import { requireAdmin } from "~/auth";
import { fetchOrNotFound, trpc } from "~/trpc/server";

/** Messages parked after every retry failed, for the Email link's badge; none if unknown. */
async function parkedMail(): Promise<number> {
  try {
    const counts = await fetchOrNotFound<MailQueueCounts>(trpc.admin.mail.counts.queryOptions());
    return counts.parked;
  } catch (error) {
    unstable_rethrow(error); // Next's own signals (dynamic rendering, redirects) pass through
    return 0;
  }
}

export default async function AdminLayout({ children }: { children: ReactNode }) {
  await requireAdmin();
  const parked = await parkedMail();
  return (
    <div className="space-y-6">
      <div className="border-b border-line pb-2">
        <NavLinks
          label="Admin"
          items={[
            { href: "/admin/reports", label: "Reports" },
            { href: "/admin/users", label: "Users" },
            { href: "/admin/settings", label: "Settings" },
            { href: "/admin/taxonomy", label: "Taxonomy" },
            { href: "/admin/templates", label: "Templates" },
            { href: "/admin/audit", label: "Audit log" },
            { href: "/admin/data-requests", label: "Data requests" },
            { href: "/admin/mail", label: "Email", badge: parked, badgeLabel: "parked" },
          ]}
        />
      </div>
      {children}
    </div>
  );
}
