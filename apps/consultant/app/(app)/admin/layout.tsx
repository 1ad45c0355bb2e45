// The admin area: only admins get past this layout; everyone else finds nothing here.
import { NavLinks } from "@debrief/web/nav-links";
import type { ReactNode } from "react";
import { requireAdmin } from "~/auth";

export default async function AdminLayout({ children }: { children: ReactNode }) {
  await requireAdmin();
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
          ]}
        />
      </div>
      {children}
    </div>
  );
}
