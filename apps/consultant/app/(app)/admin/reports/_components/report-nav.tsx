"use client";
// Moving between the reports keeps the shared filters (dates, consultant, client, job) and drops
// the breakdown, which belongs to one report.
import { cn } from "@debrief/ui";
import { reportInfo, reportKinds } from "@debrief/validators";
import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { queryOf, sharedParams } from "./report-params";

export function ReportNav() {
  const pathname = usePathname();
  const query = queryOf(useSearchParams(), sharedParams);
  const items = [
    { href: "/admin/reports", label: "Overview" },
    ...reportKinds.map((kind) => ({
      href: `/admin/reports/${kind}`,
      label: reportInfo[kind].short,
    })),
  ];
  return (
    <nav aria-label="Reports" className="-mx-1 overflow-x-auto px-1">
      <ul className="flex min-w-max gap-1 rounded-xl bg-slate-100 p-1">
        {items.map((item) => {
          const active = pathname === item.href;
          return (
            <li key={item.href}>
              <Link
                href={query ? `${item.href}?${query}` : item.href}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "block whitespace-nowrap rounded-lg px-3 py-1.5 text-sm font-medium transition-colors",
                  active ? "bg-white text-brand-700 shadow-sm" : "text-muted hover:text-ink",
                )}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

/** A choice of breakdown (or of what to count), kept in the URL under `param`. */
export function Segmented<T extends string>({
  label,
  param,
  value,
  options,
  onChange,
}: {
  label: string;
  param: string;
  value: T;
  options: { value: T; label: string }[];
  onChange: (param: string, value: T) => void;
}) {
  return (
    <fieldset className="min-w-0">
      <legend className="mb-1.5 text-xs font-medium uppercase tracking-wide text-muted">
        {label}
      </legend>
      <div className="-mx-1 overflow-x-auto px-1">
        <div className="inline-flex min-w-max rounded-lg border border-line bg-white p-0.5 shadow-sm">
          {options.map((o) => (
            <button
              key={o.value}
              type="button"
              aria-pressed={o.value === value}
              onClick={() => onChange(param, o.value)}
              className={cn(
                "rounded-md px-3 py-1 text-sm font-medium transition-colors",
                o.value === value
                  ? "bg-brand-700 text-white"
                  : "text-muted hover:bg-slate-100 hover:text-ink",
              )}
            >
              {o.label}
            </button>
          ))}
        </div>
      </div>
    </fieldset>
  );
}
