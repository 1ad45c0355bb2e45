// Small wording helpers shared by the candidate page's sections.

/** How the page addresses the candidate in prompts ("Encourage Jordan"). */
export const firstName = (name: string) => name.split(/\s+/)[0] || name;

const dayFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

/**
 * A calendar day stored as YYYY-MM-DD (a goal's target date). Formatted in UTC on purpose: it is
 * a day, not a moment, so it must not shift with the reader's time zone.
 */
export const formatDay = (day: string) => dayFormat.format(new Date(`${day}T00:00:00Z`));

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
