"use client";
// Dates in the reader's own time zone. The server does not know it, so server HTML (and the
// hydration pass) shows UTC, and the browser switches to local time right after.
import { useSyncExternalStore } from "react";

const noop = () => () => {};
/** False on the server and while hydrating; true once the browser has taken over. */
export function useHydrated() {
  return useSyncExternalStore(
    noop,
    () => true,
    () => false,
  );
}

const formats = {
  date: { dateStyle: "medium" },
  dateTime: { dateStyle: "medium", timeStyle: "short" },
  time: { timeStyle: "short" },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

export function LocalTime({
  value,
  format = "dateTime",
}: {
  value: Date;
  format?: keyof typeof formats;
}) {
  const hydrated = useHydrated();
  const text = new Intl.DateTimeFormat("en-GB", {
    ...formats[format],
    ...(hydrated ? {} : { timeZone: "UTC" }),
  }).format(value);
  return (
    <time dateTime={value.toISOString()} className="whitespace-nowrap">
      {text}
      {hydrated || format === "date" ? null : " UTC"}
    </time>
  );
}

const pad = (n: number) => String(n).padStart(2, "0");

/** YYYY-MM-DD of a moment, in local time (the value of an <input type="date">). */
export function localDay(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** YYYY-MM-DDTHH:mm in local time (the value of an <input type="datetime-local">). */
export function localDateTime(date: Date): string {
  return `${localDay(date)}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The moment an <input type="datetime-local"> means, or undefined when it is empty or invalid. */
export function parseLocalDateTime(value: string): Date | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
