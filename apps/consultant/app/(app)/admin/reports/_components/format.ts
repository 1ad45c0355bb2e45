// How the reports write their figures: one place, so a share or an hour reads the same everywhere.
const whole = new Intl.NumberFormat("en-GB");
const oneDecimal = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 1 });
const monthLong = new Intl.DateTimeFormat("en-GB", {
  month: "short",
  year: "numeric",
  timeZone: "UTC",
});
const monthShort = new Intl.DateTimeFormat("en-GB", { month: "short", timeZone: "UTC" });

export const DASH = "—";

export const count = (n: number | null | undefined) => (n == null ? DASH : whole.format(n));

/** 0.625 → "62.5%"; nothing to divide by → "—". */
export const percent = (share: number | null | undefined) =>
  share == null ? DASH : `${oneDecimal.format(share * 100)}%`;

export const hours = (h: number | null | undefined) =>
  h == null ? DASH : `${oneDecimal.format(h)} h`;

/** 105.6 → "4.4 days", for hours long enough to read better in days. */
export const asDays = (h: number | null | undefined) =>
  h == null || h < 48 ? null : `${oneDecimal.format(h / 24)} days`;

export const points = (p: number | null | undefined) =>
  p == null ? DASH : `${p > 0 ? "+" : p < 0 ? "−" : ""}${oneDecimal.format(Math.abs(p))} pts`;

const monthDate = (key: string) => new Date(`${key}-01T00:00:00Z`);
/** "2025-03" → "Mar 2025". */
export const monthLabel = (key: string) =>
  /^\d{4}-\d{2}$/.test(key) ? monthLong.format(monthDate(key)) : key;
/** "2025-03" → "Mar", or "Jan 2025" at a year's start, for chart axes. */
export const monthTick = (key: string) =>
  !/^\d{4}-\d{2}$/.test(key)
    ? key
    : key.endsWith("-01")
      ? monthLong.format(monthDate(key))
      : monthShort.format(monthDate(key));

/** "2025-01-01" → "1 Jan 2025". */
export const dayLabel = (iso: string) =>
  new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" }).format(
    new Date(`${iso}T00:00:00Z`),
  );

/** A long label cut for a chart axis; the table and the tooltip keep it whole. */
export const truncate = (text: string, max = 18) =>
  text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
