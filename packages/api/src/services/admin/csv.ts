// A small RFC 4180 CSV writer that also defuses spreadsheet formulas (CSV injection): a text cell
// beginning with =, +, -, @, a tab or a carriage return gets a leading single quote, so Excel,
// LibreOffice and Google Sheets show it as text instead of running it.
export type CsvCell = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/**
 * One cell. Text is neutralised and quoted when needed; numbers are written as numbers (a figure we
 * computed, such as a negative difference, is data, not a formula, and must stay numeric).
 */
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "yes" : "no";
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * A whole file: the header row, then the rows, CRLF line ends as RFC 4180 says. Starts with a
 * byte-order mark so Excel reads names with accents as UTF-8.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(","));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
