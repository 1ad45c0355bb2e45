// Dates on the plans page: goals and steps have calendar dates (YYYY-MM-DD), not instants.
const dateFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
});

/** "3 Mar 2026" for a calendar date, read in the reader's own time zone. */
export const formatDay = (iso: string) => dateFormat.format(new Date(`${iso}T00:00:00`));
export const formatInstant = (at: Date) => dateFormat.format(at);

/** Today as YYYY-MM-DD in the reader's time zone. */
export function todayIso() {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
