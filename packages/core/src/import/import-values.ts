import type { ImportMessageKey, ImportMessageParams } from "./import-messages.ts";

/** A cell as a spreadsheet reader hands it over: formulas already replaced by their cached value. */
export type CellValue = string | number | boolean | Date | null;

export type ValueResult<T> =
  | { ok: true; value: T }
  | { ok: false; reason: ImportMessageKey; params: ImportMessageParams };

const ok = <T>(value: T): ValueResult<T> => ({ ok: true, value });
const refuse = <T>(reason: ImportMessageKey, value: unknown): ValueResult<T> => ({
  ok: false,
  reason,
  params: { value: String(value) },
});

export function cellText(cell: CellValue): string {
  if (cell === null) return "";
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return String(cell).trim();
}

export function isBlank(cell: CellValue): boolean {
  return cellText(cell) === "";
}

/** Excel's day 0 is 1899-12-30 once its fictitious 29/02/1900 is accounted for (serials ≥ 61). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

function isoFromParts(year: number, month: number, day: number, raw: unknown): ValueResult<string> {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return refuse("import.date.invalid", raw);
  }
  if (year < 1950 || year > 2100) return refuse("import.date.outOfRange", raw);
  return ok(date.toISOString().slice(0, 10));
}

/**
 * A calendar date as YYYY-MM-DD from what offices actually type or store: an Excel serial number
 * (a date cell read without its style), a Date (a date cell read with it; readers build them at
 * UTC midnight), `26/11/2026` (French day-first, also with `-` or `.`), or ISO `2026-11-26`.
 * Never month-first: `11/26/2026` is refused rather than silently swapped.
 */
export function parseDateCell(cell: CellValue): ValueResult<string | null> {
  if (isBlank(cell)) return ok(null);
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return refuse("import.date.invalid", cell);
    return isoFromParts(cell.getUTCFullYear(), cell.getUTCMonth() + 1, cell.getUTCDate(), cellText(cell));
  }
  if (typeof cell === "number") {
    if (!Number.isFinite(cell) || cell < 1) return refuse("import.date.invalid", cell);
    const date = new Date(EXCEL_EPOCH_MS + Math.floor(cell) * DAY_MS);
    return isoFromParts(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), cell);
  }
  const raw = cellText(cell);
  const french = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(raw);
  if (french) return isoFromParts(Number(french[3]), Number(french[2]), Number(french[1]), raw);
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+Z?)?$/.exec(raw);
  if (iso) return isoFromParts(Number(iso[1]), Number(iso[2]), Number(iso[3]), raw);
  // A serial number that came through CSV as text.
  if (/^\d{5}$/.test(raw)) return parseDateCell(Number(raw));
  return refuse("import.date.invalid", raw);
}

/**
 * Euro cents from a French or plain amount: `1 234 567 €`, `1 234 567,50 €`, `1234567,50`,
 * `1.234.567,50`, `1234567.5`, or a number cell. Abbreviations (`1,2 M€`, `300 k€`) are refused
 * with their own reason: multiplying them out would invent precision the source does not have.
 */
export function parseAmountCell(cell: CellValue): ValueResult<number | null> {
  if (isBlank(cell)) return ok(null);
  if (typeof cell === "number") {
    if (!Number.isFinite(cell)) return refuse("import.amount.invalid", cell);
    if (cell < 0) return refuse("import.amount.negative", cell);
    const cents = Math.round(cell * 100);
    if (Math.abs(cents - cell * 100) > 1e-6 * Math.max(1, cell)) return refuse("import.amount.tooPrecise", cell);
    return ok(cents);
  }
  if (typeof cell !== "string") return refuse("import.amount.invalid", cellText(cell));
  const raw = cell.trim();
  // Spaces of every kind French software writes as thousands separators (NBSP, narrow NBSP).
  let body = raw.replace(/[\s\u00a0\u202f]+/g, "");
  if (/^-?[\d.,]+(?:k|m|md|mds|millions?|milliards?)(?:€|eur|euros?)?$/i.test(body)) {
    return refuse("import.amount.abbreviated", raw);
  }
  body = body.replace(/(?:€|eur|euros?)$/i, "").replace(/^€/, "");
  const negative = body.startsWith("-");
  if (negative) body = body.slice(1);
  let normalised: string;
  if (/^\d+$/.test(body)) normalised = body;
  else if (/^\d+,\d+$/.test(body)) normalised = body.replace(",", ".");
  else if (/^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/.test(body)) normalised = body.replace(/\./g, "").replace(",", ".");
  else if (/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(body)) normalised = body.replace(/,/g, "");
  else if (/^\d+\.\d{1,2}$/.test(body)) normalised = body;
  else return refuse("import.amount.invalid", raw);
  if (negative) return refuse("import.amount.negative", raw);
  const [units, decimals = ""] = normalised.split(".");
  if (decimals.length > 2) return refuse("import.amount.tooPrecise", raw);
  const cents = Number(units) * 100 + Number(decimals.padEnd(2, "0"));
  if (!Number.isSafeInteger(cents)) return refuse("import.amount.invalid", raw);
  return ok(cents);
}

/** Folds a label or header for comparison: accents, case, punctuation and spacing do not matter. */
export function foldLabel(value: string): string {
  return value
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** One of a fixed set of values, by its code or by its French or English label. */
export function parseChoiceCell<T extends string>(
  cell: CellValue,
  labels: Record<T, { fr: string; en: string }>,
  synonyms: Record<string, T> = {},
): ValueResult<T | null> {
  if (isBlank(cell)) return ok(null);
  const folded = foldLabel(cellText(cell));
  for (const [code, label] of Object.entries(labels) as [T, { fr: string; en: string }][]) {
    if (folded === foldLabel(code) || folded === foldLabel(label.fr) || folded === foldLabel(label.en)) return ok(code);
  }
  const synonym = synonyms[folded];
  if (synonym !== undefined) return ok(synonym);
  return {
    ok: false,
    reason: "import.choice.unknown",
    params: {
      value: cellText(cell),
      allowed: (Object.values(labels) as { fr: string }[]).map((label) => label.fr).join(", "),
    },
  };
}

/** Several choices in one cell, separated by `;`, `,`, `/` or line breaks. */
export function parseChoiceListCell<T extends string>(
  cell: CellValue,
  labels: Record<T, { fr: string; en: string }>,
  synonyms: Record<string, T> = {},
): ValueResult<T[]> {
  if (isBlank(cell)) return ok([]);
  const values: T[] = [];
  for (const part of cellText(cell).split(/[;,/\n]+/)) {
    if (part.trim() === "") continue;
    const result = parseChoiceCell(part.trim(), labels, synonyms);
    if (!result.ok) return result;
    if (result.value !== null && !values.includes(result.value)) values.push(result.value);
  }
  return ok(values);
}

/** A row with nothing in it: skipped and reported, never an error. */
export function isEmptyRow(cells: readonly CellValue[]): boolean {
  return cells.every(isBlank);
}

/**
 * A totals row (« Total », « TOTAL GÉNÉRAL », « Sous-total », « Somme »): its first non-empty text
 * cell says so. Such rows sum the rows above; importing them would double every amount.
 */
export function isTotalRow(cells: readonly CellValue[]): boolean {
  const first = cells.find((cell) => !isBlank(cell));
  if (first === undefined || typeof first !== "string") return false;
  return /^(?:sous )?(?:total|totaux|somme|sum)\b/.test(foldLabel(first));
}
