import { Readable } from "node:stream";
import { type CellValue, DomainError } from "@trame/core";
import { inspectZip } from "./zip-guard.ts";

export const IMPORT_LIMITS = { maxBytes: 10 * 1024 * 1024, maxRows: 20_000 } as const;

export interface Sheet {
  name: string;
  /** Rows as read, first row first; cells are strings, numbers, booleans, Dates or null. */
  rows: CellValue[][];
}

const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/**
 * Reads an uploaded .xlsx or .csv into sheets of plain cells. The file's bytes decide its kind, not
 * its name: an OLE container is a password-protected workbook (Office encrypts .xlsx into one) or a
 * legacy .xls, a zip is checked against zip bombs before a streaming read, anything else must be
 * text to be read as CSV. Formulas come out as the value Excel cached when it last saved them:
 * nothing in an uploaded file is ever evaluated.
 */
export async function readSpreadsheet(content: Buffer): Promise<Sheet[]> {
  if (content.length > IMPORT_LIMITS.maxBytes) {
    throw new DomainError("BAD_REQUEST", "import.file.tooLarge", { max: String(IMPORT_LIMITS.maxBytes / 1024 / 1024) });
  }
  if (content.subarray(0, 8).equals(OLE_MAGIC)) throw new DomainError("BAD_REQUEST", "import.file.protected");
  if (content.subarray(0, 4).equals(ZIP_MAGIC)) return readWorkbook(content);
  return [{ name: "CSV", rows: await readCsv(content) }];
}

function tooManyRows(): DomainError {
  return new DomainError("BAD_REQUEST", "import.file.tooManyRows", { max: String(IMPORT_LIMITS.maxRows) });
}

/**
 * exceljs is loaded on the first spreadsheet read or template, not at start: a server answering
 * pages never needs it (about 5 MB less RSS at rest, measured on the production build).
 */
export const loadExcelJs = () => import("exceljs");

async function readWorkbook(content: Buffer): Promise<Sheet[]> {
  const { entryNames } = await inspectZip(content);
  if (entryNames.includes("mimetype") && !entryNames.includes("xl/workbook.xml")) {
    throw new DomainError("BAD_REQUEST", "import.file.ods");
  }
  if (!entryNames.includes("xl/workbook.xml")) throw new DomainError("BAD_REQUEST", "import.file.notSpreadsheet");
  const { default: ExcelJS } = await loadExcelJs();
  try {
    return await streamWorkbook(ExcelJS, content);
  } catch (error) {
    if (error instanceof DomainError) throw error;
    // exceljs's streaming reader can lose a race for xl/workbook.xml when a file stores it last, as
    // exceljs itself writes them (exceljs issue 3064, seen here once in CI): the same bytes are then
    // read whole, in memory (bounded by the 10 MB upload limit). What neither reader can read is damaged.
    return loadWorkbook(ExcelJS, content).catch((reason: unknown) => {
      if (reason instanceof DomainError) throw reason;
      throw new DomainError("BAD_REQUEST", "import.file.corrupt");
    });
  }
}

type ExcelJs = Awaited<ReturnType<typeof loadExcelJs>>["default"];

/** Row by row, never the whole workbook in memory: the usual way. */
async function streamWorkbook(ExcelJS: ExcelJs, content: Buffer): Promise<Sheet[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(content), {
    worksheets: "emit",
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    entries: "ignore",
  });
  const sheets: Sheet[] = [];
  const count = rowCounter();
  for await (const worksheet of reader) {
    const rows: CellValue[][] = [];
    for await (const row of worksheet) {
      // The streaming reader skips rows with no cell at all; keep row numbers true to the file.
      while (rows.length < row.number - 1) rows.push([]);
      const values = Array.isArray(row.values) ? row.values.slice(1) : [];
      rows.push(Array.from(values, plainCell));
      count();
    }
    const name = (worksheet as unknown as { name?: string }).name ?? `Feuille ${sheets.length + 1}`;
    sheets.push({ name, rows });
  }
  return sheets;
}

/**
 * The whole workbook at once, giving the same sheets as the streaming reader: a merged range's
 * value in its first cell only (the streaming reader sees the others empty), row numbers kept.
 */
export async function loadWorkbook(ExcelJS: ExcelJs, content: Buffer): Promise<Sheet[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(content as unknown as ArrayBuffer);
  const count = rowCounter();
  return book.worksheets.map((worksheet) => {
    const rows: CellValue[][] = [];
    worksheet.eachRow((row, number) => {
      while (rows.length < number - 1) rows.push([]);
      const values: CellValue[] = [];
      row.eachCell({ includeEmpty: true }, (cell, column) => {
        values[column - 1] = cell.isMerged && cell.master !== cell ? null : plainCell(cell.value);
      });
      rows.push(Array.from(values, (value) => value ?? null));
      count();
    });
    return { name: worksheet.name, rows };
  });
}

function rowCounter(): () => void {
  let total = 0;
  return () => {
    total += 1;
    if (total > IMPORT_LIMITS.maxRows) throw tooManyRows();
  };
}

/** One exceljs cell value as a plain cell: a formula gives its cached result, rich text its text. */
function plainCell(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return value;
  if (typeof value === "object") {
    const object = value as Record<string, unknown>;
    if ("result" in object) return plainCell(object.result);
    if ("formula" in object || "sharedFormula" in object) return null;
    if (Array.isArray(object.richText)) {
      return (object.richText as { text?: string }[]).map((part) => part.text ?? "").join("");
    }
    if (typeof object.text === "string") return object.text;
    if (typeof object.error === "string") return object.error;
  }
  return String(value);
}

/**
 * French Excel saves CSV as Windows-1252 with `;` between fields; LibreOffice and most exports use
 * UTF-8 with `,`. Bytes that are not valid UTF-8 mean Windows-1252; the delimiter is the one of
 * `;`, `,` or tab found most often on the first line outside quotes.
 */
export async function decodeCsv(content: Buffer): Promise<string> {
  if (content.includes(0)) throw new DomainError("BAD_REQUEST", "import.file.notSpreadsheet");
  const body = content.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])) ? content.subarray(3) : content;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(body);
  } catch {
    // Not Node's TextDecoder: it reads "windows-1252" as Latin-1 (0x80 would not be €).
    const { default: iconv } = await import("iconv-lite");
    return iconv.decode(body, "windows-1252");
  }
}

export function sniffDelimiter(text: string): string {
  const firstLine = (text.split(/\r?\n/, 1)[0] ?? "").replace(/"[^"]*"/g, "");
  const counts = [";", ",", "\t"].map((delimiter) => [delimiter, firstLine.split(delimiter).length - 1] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0] && counts[0][1] > 0 ? counts[0][0] : ";";
}

async function readCsv(content: Buffer): Promise<CellValue[][]> {
  const text = await decodeCsv(content);
  // csv-parse loads with the first CSV import, not at start (issue 14's memory budget).
  const { parse } = await import("csv-parse");
  const parser = Readable.from([text]).pipe(
    parse({ delimiter: sniffDelimiter(text), relax_column_count: true, skip_empty_lines: false, bom: true }),
  );
  const rows: CellValue[][] = [];
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      rows.push(record.map((cell) => (cell.trim() === "" ? null : cell)));
      if (rows.length > IMPORT_LIMITS.maxRows) throw tooManyRows();
    }
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw new DomainError("BAD_REQUEST", "import.file.notSpreadsheet");
  }
  return rows;
}
