"use client";
// Search, filters and paging of the pipeline lists, all kept in the URL so a list survives a
// reload and can be shared. Changes run in a transition: the current rows stay on screen until
// the next page of them has arrived.
import { buttonClass, cn, EmptyState, Field, Input, Select } from "@debrief/ui";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  useTransition,
} from "react";

type Changes = Record<string, string | null | undefined>;

type ListUrl = {
  params: URLSearchParams;
  /** Applies the changes to the URL; any change but paging goes back to page 1. */
  update: (changes: Changes, opts?: { keepPage?: boolean; replace?: boolean }) => void;
  hrefWith: (changes: Changes, opts?: { keepPage?: boolean }) => string;
  pending: boolean;
};

const ListUrlContext = createContext<ListUrl | null>(null);

function withChanges(current: URLSearchParams, changes: Changes, keepPage: boolean) {
  const next = new URLSearchParams(current.toString());
  for (const [key, value] of Object.entries(changes)) {
    if (value) next.set(key, value);
    else next.delete(key);
  }
  if (!keepPage) next.delete("page");
  return next.toString();
}

/** One per list page: shares the URL state and the pending flag with every control. */
export function ListUrlProvider({ children }: { children: ReactNode }) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [pending, startTransition] = useTransition();
  const hrefWith = useCallback(
    (changes: Changes, opts: { keepPage?: boolean } = {}) => {
      const qs = withChanges(new URLSearchParams(params.toString()), changes, !!opts.keepPage);
      return qs ? `${pathname}?${qs}` : pathname;
    },
    [params, pathname],
  );
  const update = useCallback(
    (changes: Changes, opts: { keepPage?: boolean; replace?: boolean } = {}) => {
      const href = hrefWith(changes, opts);
      startTransition(() => {
        if (opts.replace) router.replace(href, { scroll: false });
        else router.push(href, { scroll: false });
      });
    },
    [hrefWith, router],
  );
  const value = useMemo(
    () => ({ params: new URLSearchParams(params.toString()), update, hrefWith, pending }),
    [params, update, hrefWith, pending],
  );
  return <ListUrlContext.Provider value={value}>{children}</ListUrlContext.Provider>;
}

export function useListUrl(): ListUrl {
  const value = useContext(ListUrlContext);
  if (!value) throw new Error("useListUrl needs a ListUrlProvider");
  return value;
}

/** The filter bar: controls side by side, wrapping on small screens. */
export function Toolbar({ children }: { children: ReactNode }) {
  const { pending } = useListUrl();
  return (
    <search className="mb-4 flex flex-wrap items-end gap-3">
      {children}
      <p aria-live="polite" className="pb-2 text-xs text-muted">
        {pending ? "Updating…" : ""}
      </p>
    </search>
  );
}

/** Free-text search, sent 300 ms after the last keystroke. */
export function SearchBox({
  label,
  placeholder,
  param = "q",
  className,
}: {
  label: string;
  placeholder?: string;
  param?: string;
  className?: string;
}) {
  const { params, update } = useListUrl();
  const fromUrl = params.get(param) ?? "";
  const [value, setValue] = useState(fromUrl);
  const typing = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  // Follow the URL (back button, "clear filters") unless the user is typing here.
  useEffect(() => {
    if (!typing.current) setValue(fromUrl);
  }, [fromUrl]);
  useEffect(() => () => clearTimeout(timer.current), []);

  const onChange = (next: string) => {
    setValue(next);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => update({ [param]: next.trim() }, { replace: true }), 300);
  };

  return (
    <Field label={label} className={cn("w-full", className ?? "sm:w-72")}>
      {(p) => (
        <Input
          {...p}
          type="search"
          onFocus={() => {
            typing.current = true;
          }}
          onBlur={() => {
            typing.current = false;
          }}
          value={value}
          placeholder={placeholder}
          autoComplete="off"
          onChange={(e) => onChange(e.target.value)}
          onKeyDown={(e) => {
            if (e.key !== "Enter") return;
            clearTimeout(timer.current);
            update({ [param]: value.trim() }, { replace: true });
          }}
        />
      )}
    </Field>
  );
}

export function FilterSelect({
  label,
  param,
  options,
  allLabel,
  className,
}: {
  label: string;
  param: string;
  options: { value: string; label: string }[];
  allLabel: string;
  className?: string;
}) {
  const { params, update } = useListUrl();
  return (
    <Field label={label} className={cn("w-full", className ?? "sm:w-48")}>
      {(p) => (
        <Select
          {...p}
          value={params.get(param) ?? ""}
          onChange={(e) => update({ [param]: e.target.value })}
        >
          <option value="">{allLabel}</option>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </Select>
      )}
    </Field>
  );
}

export function DateFilter({ label, param }: { label: string; param: string }) {
  const { params, update } = useListUrl();
  return (
    <Field label={label} className="w-full sm:w-36">
      {(p) => (
        <Input
          {...p}
          type="date"
          value={params.get(param) ?? ""}
          onChange={(e) => update({ [param]: e.target.value })}
        />
      )}
    </Field>
  );
}

/** Shown when any of `params` is set: one click back to the whole list. */
export function ClearFilters({ params: keys }: { params: string[] }) {
  const { params, hrefWith } = useListUrl();
  if (!keys.some((k) => params.get(k))) return null;
  return (
    <Link
      href={hrefWith(Object.fromEntries(keys.map((k) => [k, null])))}
      className={cn(buttonClass("ghost", "sm"), "mb-1")}
    >
      Clear filters
    </Link>
  );
}

/** A page number past the end (a shared link to a list that has since shrunk, say). */
export function PastTheEnd({ noun }: { noun: string }) {
  const { hrefWith } = useListUrl();
  return (
    <EmptyState
      title={`No more ${noun} here`}
      action={
        <Link
          href={hrefWith({ page: null }, { keepPage: true })}
          className={buttonClass("secondary")}
        >
          Back to the first page
        </Link>
      }
    >
      This page is past the end of the list.
    </EmptyState>
  );
}

/** "21–40 of 123" with previous and next links (real links: they open in a new tab too). */
export function Pagination({
  page,
  pageSize,
  total,
  noun,
}: {
  page: number;
  pageSize: number;
  total: number;
  noun: string;
}) {
  const { hrefWith } = useListUrl();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (total === 0 || page > pages) return null;
  const start = (page - 1) * pageSize + 1;
  const end = Math.min(total, page * pageSize);
  const link = (to: number, text: string, rel: "prev" | "next") =>
    to < 1 || to > pages ? (
      <span className={cn(buttonClass("secondary", "sm"), "pointer-events-none opacity-50")}>
        {text}
      </span>
    ) : (
      <Link
        href={hrefWith({ page: to === 1 ? null : String(to) }, { keepPage: true })}
        rel={rel}
        scroll={false}
        className={buttonClass("secondary", "sm")}
      >
        {text}
      </Link>
    );
  return (
    <nav
      aria-label={`Pages of ${noun}`}
      className="mt-4 flex flex-wrap items-center justify-between gap-3 text-sm text-muted"
    >
      <p>
        Showing <span className="font-medium text-ink">{start}</span>–
        <span className="font-medium text-ink">{end}</span> of{" "}
        <span className="font-medium text-ink">{total}</span> {noun}
      </p>
      <div className="flex items-center gap-2">
        {link(page - 1, "Previous", "prev")}
        <span>
          Page {page} of {pages}
        </span>
        {link(page + 1, "Next", "next")}
      </div>
    </nav>
  );
}
