"use client";
import { cn } from "@debrief/ui";
import Link from "next/link";
import { usePathname } from "next/navigation";

/**
 * A link of the main navigation; `also` lists other path prefixes that belong to it. A badge is a
 * small count beside the label, with `badgeLabel` read out after it ("2 parked").
 */
export type NavItem = {
  href: string;
  label: string;
  also?: string[];
  badge?: number;
  badgeLabel?: string;
};

export function NavLinks({ items, label = "Main" }: { items: NavItem[]; label?: string }) {
  const pathname = usePathname();
  return (
    <nav aria-label={label} className="-mx-1 flex min-w-0 items-center gap-1 overflow-x-auto px-1">
      {items.map((item) => {
        const prefixes = [item.href, ...(item.also ?? [])];
        const active = prefixes.some((p) =>
          p === "/" ? pathname === "/" : pathname.startsWith(p),
        );
        return (
          <Link
            key={item.href}
            href={item.href}
            aria-current={active ? "page" : undefined}
            className={cn(
              "shrink-0 whitespace-nowrap rounded-md px-3 py-2 text-sm font-medium transition-colors",
              active
                ? "bg-brand-50 text-brand-700"
                : "text-muted hover:bg-slate-100 hover:text-ink",
            )}
          >
            {item.label}
            {item.badge ? (
              <span className="ml-1.5 inline-flex min-w-5 items-center justify-center rounded-full bg-red-700 px-1.5 text-xs font-semibold text-white">
                {item.badge}
                {item.badgeLabel ? <span className="sr-only"> {item.badgeLabel}</span> : null}
              </span>
            ) : null}
          </Link>
        );
      })}
    </nav>
  );
}
