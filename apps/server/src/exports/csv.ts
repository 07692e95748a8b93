import { pipeline, Readable } from "node:stream";
import { stringify } from "csv-stringify";

/**
 * Every French spreadsheet convention in one place. Excel in a French locale splits on `;` (the
 * comma is the decimal separator) and reads UTF-8 only when a BOM says so; LibreOffice accepts
 * the same file. Cells holding `,` `;` `"` CR or LF are quoted, or a title with a newline would
 * split the record in two. `escape_formulas` prefixes with a quote any cell starting with = + - @ (and tab,
 * CR, and their full-width forms), as OWASP recommends against CSV injection: titles are typed by
 * users of other territories and must never run as formulas on the reader's machine.
 */
const FRENCH_CSV = {
  bom: true,
  delimiter: ";",
  record_delimiter: "\r\n",
  quote_record_delimiter: true,
  // Quoted too when holding a comma, a lone CR or LF: a reader opening the file with `,` as the
  // separator (an English locale, a script) or splitting lines on either must still see one cell.
  // `;` and `"` are quoted anyway (separator, quote); listed so the rule reads whole here.
  quoted_match: /[,;"\r\n]/,
  escape_formulas: true,
} as const;

/** An export is read in one go by a person: beyond this, filters are what they need, not more rows. */
export const MAX_EXPORT_ROWS = 50_000;

/** `2024-03-12` as `12/03/2024`, which French Excel and LibreOffice read as a date. */
export function frenchDate(isoDate: string | null): string {
  if (!isoDate) return "";
  const [year, month, day] = isoDate.slice(0, 10).split("-");
  return `${day}/${month}/${year}`;
}

/**
 * Cents as euros with a decimal comma, `1234,50`: no thousands separator and no currency sign, so
 * the spreadsheet stores a number one can sum rather than text.
 */
export function frenchAmount(cents: number | null): string {
  if (cents === null) return "";
  const sign = cents < 0 ? "-" : "";
  const absolute = Math.abs(Math.round(cents));
  return `${sign}${Math.trunc(absolute / 100)},${String(absolute % 100).padStart(2, "0")}`;
}

export function frenchList(items: readonly string[]): string {
  return items.join(", ");
}

export function frenchBoolean(value: boolean): string {
  return value ? "Oui" : "Non";
}

/** ASCII only, so the file name needs no RFC 5987 encoding and survives every browser and mail client. */
export function slugify(text: string, max = 60): string {
  const slug = text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .slice(0, max)
    .replace(/^-+|-+$/g, "");
  return slug || "export";
}

export function csvFileName(...parts: string[]): string {
  return `${parts.map((part) => slugify(part)).join("-")}.csv`;
}

/** One page of any list: the items and how to ask for the next page (null at the end). */
export interface ExportPage<T, C> {
  items: readonly T[];
  next: C | null;
}

/**
 * Reads page after page until the end or MAX_EXPORT_ROWS. When rows remain past the bound, a last
 * row says so in the first text column, so no one mistakes a cut export for the whole list.
 */
export async function* boundedRows<T, C>(options: {
  fetchPage: (cursor: C | null) => Promise<ExportPage<T, C>>;
  toCells: (item: T) => string[];
  truncatedRow: string[];
  max?: number;
}): AsyncGenerator<string[]> {
  const max = options.max ?? MAX_EXPORT_ROWS;
  let cursor: C | null = null;
  let count = 0;
  do {
    const page: ExportPage<T, C> = await options.fetchPage(cursor);
    for (const item of page.items) {
      if (count === max) {
        yield options.truncatedRow;
        return;
      }
      yield options.toCells(item);
      count += 1;
    }
    cursor = page.next;
  } while (cursor !== null);
}

export function truncationNotice(max = MAX_EXPORT_ROWS): string {
  return `[Export limité à ${max.toLocaleString("fr-FR")} lignes : affinez les filtres pour obtenir la suite]`;
}

/**
 * The CSV as a stream, so a 50,000-row export never sits whole in memory. A failure while reading
 * pages destroys the stream: the client sees a cut download, and `onError` logs why.
 */
export function csvStream(
  headers: readonly string[],
  rows: AsyncIterable<string[]>,
  onError: (error: Error) => void,
): Readable {
  const stringifier = stringify({ ...FRENCH_CSV, header: true, columns: [...headers] });
  pipeline(Readable.from(rows), stringifier, (error) => {
    if (error) onError(error);
  });
  return stringifier;
}
