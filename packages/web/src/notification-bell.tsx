"use client";
import { cn } from "@debrief/ui";
// The bell in both portals' header: the unread count, the latest notices, mark read / all read.
// It polls every few seconds, so a notice written by someone else's action shows up unprompted.
import type { NotificationList } from "@debrief/validators";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useId, useRef, useState } from "react";
import { useTRPC } from "./trpc/react";

const POLL_MS = 5_000;
const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short" });

export function NotificationBell() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const listKey = trpc.notification.list.queryKey();
  const { data } = useQuery(
    trpc.notification.list.queryOptions(undefined, { refetchInterval: POLL_MS }),
  );
  const replace = (next: NotificationList) => queryClient.setQueryData(listKey, next);
  const markRead = useMutation(trpc.notification.markRead.mutationOptions({ onSuccess: replace }));
  const markAll = useMutation(
    trpc.notification.markAllRead.mutationOptions({ onSuccess: replace }),
  );

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && setOpen(false);
    const onClick = (e: MouseEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("mousedown", onClick);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("mousedown", onClick);
    };
  }, [open]);

  const unread = data?.unread ?? 0;
  return (
    // On phones the bell sits mid-header: the panel then spans the header (the positioned ancestor)
    // instead of hanging off the bell's right edge and out of the screen.
    <div ref={root} className="sm:relative">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={unread ? `Notifications, ${unread} unread` : "Notifications"}
        data-testid="notification-bell"
        onClick={() => setOpen((o) => !o)}
        className="relative rounded-md p-2 text-muted hover:bg-slate-100 hover:text-ink focus-visible:outline-2 focus-visible:outline-brand-600"
      >
        <svg
          aria-hidden="true"
          viewBox="0 0 24 24"
          className="size-5"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.8"
        >
          <path
            d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
          <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
        {unread > 0 ? (
          <span
            data-testid="notification-count"
            className="absolute -right-0.5 -top-0.5 min-w-5 rounded-full bg-red-600 px-1 text-center text-xs font-semibold leading-5 text-white"
          >
            {unread > 99 ? "99+" : unread}
          </span>
        ) : null}
      </button>
      {open ? (
        <section
          id={panelId}
          aria-label="Notifications"
          className="absolute inset-x-4 top-full z-50 mt-1 rounded-lg border border-line bg-white shadow-lg sm:inset-x-auto sm:right-0 sm:mt-2 sm:w-88"
        >
          <div className="flex items-center justify-between border-b border-line px-4 py-2">
            <p className="text-sm font-semibold text-ink">Notifications</p>
            <button
              type="button"
              disabled={unread === 0 || markAll.isPending}
              onClick={() => markAll.mutate()}
              className="text-sm font-medium text-brand-700 hover:underline disabled:text-muted disabled:no-underline"
            >
              Mark all read
            </button>
          </div>
          {data && data.items.length === 0 ? (
            <p className="px-4 py-6 text-center text-sm text-muted">
              Nothing yet. You will see here when something needs you.
            </p>
          ) : (
            <ul className="max-h-96 divide-y divide-line overflow-y-auto">
              {data?.items.map((n) => {
                const content = (
                  <>
                    <span
                      className={cn(
                        "block text-sm",
                        n.readAt ? "text-muted" : "font-semibold text-ink",
                      )}
                    >
                      {n.title}
                    </span>
                    {n.body ? (
                      <span className="mt-0.5 block text-sm text-muted">{n.body}</span>
                    ) : null}
                    <span className="mt-1 block text-xs text-muted">
                      {when.format(n.createdAt)}
                    </span>
                  </>
                );
                const read = () => {
                  if (!n.readAt) markRead.mutate({ id: n.id });
                  setOpen(false);
                };
                return (
                  <li
                    key={n.id}
                    data-testid="notification"
                    className={cn(!n.readAt && "bg-brand-50/60")}
                  >
                    {n.link ? (
                      <Link
                        href={n.link}
                        onClick={read}
                        className="block px-4 py-3 hover:bg-slate-50"
                      >
                        {content}
                      </Link>
                    ) : (
                      <button
                        type="button"
                        onClick={read}
                        className="block w-full px-4 py-3 text-left hover:bg-slate-50"
                      >
                        {content}
                      </button>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
        </section>
      ) : null}
    </div>
  );
}
