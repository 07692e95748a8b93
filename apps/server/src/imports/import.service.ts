import { createHash } from "node:crypto";
import {
  type Actor,
  type CellValue,
  type ColumnMapping,
  canEditCooperation,
  cellText,
  combineHeaderRows,
  DomainError,
  type ImportCommitInput,
  type ImportKind,
  type ImportPreviewInput,
  importFields,
  type Label,
  layoutSignature,
  matchHeaders,
  notFound,
} from "@trame/core";
import {
  type Database,
  deleteImportUpload,
  getCooperation,
  getImportMapping,
  getImportRun,
  getImportUpload,
  type ImportUpload,
  insertImportRun,
  insertImportUpload,
  type Kysely,
  listImportKeys,
  listImportRuns,
  recordImportKey,
  saveImportMapping,
  sql,
  toDomainError,
} from "@trame/db";
import { ZodError } from "zod";
import type { NotificationJobs } from "../jobs/notification-fanout.job.ts";
import type { RowProblem } from "./import-cells.ts";
import { type ImportContext, loadImportContext } from "./import-context.ts";
import { queueImportedActions } from "./import-notifications.ts";
import { type PlannedRow, planRows } from "./import-rows.ts";
import { writeRow } from "./import-writers.ts";
import { readSpreadsheet, type Sheet } from "./spreadsheet-reader.ts";

const UPLOAD: Label = { fr: "Import", en: "Import" };
const COOPERATION: Label = { fr: "Coopération", en: "Cooperation" };

/** Editors of a current member import into a cooperation, as they would type the same entries by hand. */
async function requireImporter(db: Kysely<Database>, actor: Actor, cooperationId: string): Promise<void> {
  const cooperation = await getCooperation(db, cooperationId);
  if (!cooperation) throw notFound(COOPERATION);
  const members = cooperation.members.map((m) => ({ territoryId: m.territory.id, leftOn: m.leftOn }));
  if (!canEditCooperation(actor, members)) throw new DomainError("FORBIDDEN", "forbidden.cooperationEdit");
  if (cooperation.archived) throw new DomainError("PRECONDITION_FAILED", "cooperation.archived");
}

export interface SheetSummary {
  name: string;
  rowCount: number;
  /** The first rows as text, to choose the header row. */
  firstRows: string[][];
}

const summarise = (sheets: Sheet[]): SheetSummary[] =>
  sheets.map((sheet) => ({
    name: sheet.name,
    rowCount: sheet.rows.length,
    firstRows: sheet.rows.slice(0, 8).map((row) => row.map(cellText)),
  }));

/** Reads the file once (refusing what is not a spreadsheet before storing anything) and keeps it for the preview. */
export async function storeUpload(
  db: Kysely<Database>,
  actor: Actor,
  input: { cooperationId: string; fileName: string; content: Buffer },
): Promise<{ id: string; fileName: string; sha256: string; sheets: SheetSummary[] }> {
  await requireImporter(db, actor, input.cooperationId);
  const sheets = await readSpreadsheet(input.content);
  if (sheets.every((sheet) => sheet.rows.length === 0)) {
    throw new DomainError("BAD_REQUEST", "import.file.noSheet", { sheet: input.fileName });
  }
  const sha256 = createHash("sha256").update(input.content).digest("hex");
  const fileName = input.fileName.slice(0, 255) || "import";
  const id = await insertImportUpload(db, {
    cooperationId: input.cooperationId,
    uploadedBy: actor.userId,
    fileName,
    sha256,
    content: input.content,
  });
  return { id, fileName, sha256, sheets: summarise(sheets) };
}

/** An upload is its uploader's alone, and the right to import is checked again at every step. */
async function loadUpload(db: Kysely<Database>, actor: Actor, uploadId: string): Promise<ImportUpload> {
  const upload = await getImportUpload(db, uploadId);
  if (!upload || upload.uploadedBy !== actor.userId) throw notFound(UPLOAD);
  await requireImporter(db, actor, upload.cooperationId);
  return upload;
}

/** The header row when the user has not chosen: the first of the first 20 rows that names two fields or more. */
function guessHeaderRow(kind: ImportKind, rows: readonly CellValue[][]): number {
  for (let index = 0; index < Math.min(rows.length, 20); index++) {
    const mapped = Object.values(matchHeaders(kind, (rows[index] ?? []).map(cellText))).filter(Boolean);
    if (mapped.length >= 2) return index + 1;
  }
  return 1;
}

/** A mapping chosen by the user names fields of the kind, each once, on columns that exist. */
function checkMapping(kind: ImportKind, mapping: ColumnMapping, width: number): ColumnMapping {
  const known = new Set(importFields[kind].map((f) => f.key));
  const used = new Set<string>();
  const checked: ColumnMapping = {};
  for (let column = 0; column < width; column++) checked[column] = null;
  for (const [column, field] of Object.entries(mapping)) {
    if (Number(column) >= width || field === null) continue;
    if (!known.has(field)) throw new DomainError("BAD_REQUEST", "import.mapping.unknownField", { value: field });
    if (used.has(field)) throw new DomainError("BAD_REQUEST", "import.mapping.twice", { value: field });
    used.add(field);
    checked[Number(column)] = field;
  }
  return checked;
}

export interface PreviewRow {
  row: number;
  status: PlannedRow["status"];
  label: string;
  problems: RowProblem[];
}

export interface ImportPreview {
  uploadId: string;
  fileName: string;
  sha256: string;
  kind: ImportKind;
  sheets: SheetSummary[];
  sheet: number;
  headerRow: number;
  headers: string[];
  mapping: ColumnMapping;
  /** Where the mapping came from: remembered for this layout, matched from the headers, or the user's. */
  mappingSource: "remembered" | "matched" | "chosen";
  fields: { key: string; label: Label; required: boolean }[];
  counts: { create: number; update: number; invalid: number; skipped: number };
  rows: PreviewRow[];
}

interface Plan {
  preview: ImportPreview;
  planned: PlannedRow[];
  upload: ImportUpload;
  ctx: ImportContext;
  signature: string;
}

async function plan(db: Kysely<Database>, actor: Actor, input: ImportPreviewInput): Promise<Plan> {
  const upload = await loadUpload(db, actor, input.uploadId);
  const sheets = await readSpreadsheet(upload.content);
  const sheet = sheets[input.sheet];
  if (!sheet || sheet.rows.length === 0) {
    throw new DomainError("BAD_REQUEST", "import.file.noSheet", { sheet: sheet?.name ?? String(input.sheet + 1) });
  }
  const headerRow = Math.min(input.headerRow ?? guessHeaderRow(input.kind, sheet.rows), sheet.rows.length);
  const parent = headerRow >= 2 ? (sheet.rows[headerRow - 2] ?? []).map(cellText) : null;
  const headers = combineHeaderRows(input.kind, parent, (sheet.rows[headerRow - 1] ?? []).map(cellText));
  const signature = layoutSignature(input.kind, headers);
  let mappingSource: ImportPreview["mappingSource"] = "chosen";
  let mapping = input.mapping;
  if (!mapping) {
    const remembered = await getImportMapping(db, upload.cooperationId, signature);
    mappingSource = remembered ? "remembered" : "matched";
    mapping = remembered ?? matchHeaders(input.kind, headers);
  }
  const checked = checkMapping(input.kind, mapping, headers.length);
  const [ctx, knownKeys] = await Promise.all([
    loadImportContext(db, upload.cooperationId),
    listImportKeys(db, upload.cooperationId, input.kind),
  ]);
  const planned = planRows({
    kind: input.kind,
    rows: sheet.rows,
    headerRow,
    headers,
    mapping: checked,
    ctx,
    actor,
    knownKeys,
  });
  const count = (status: PlannedRow["status"]) => planned.filter((r) => r.status === status).length;
  const preview: ImportPreview = {
    uploadId: upload.id,
    fileName: upload.fileName,
    sha256: upload.sha256,
    kind: input.kind,
    sheets: summarise(sheets),
    sheet: input.sheet,
    headerRow,
    headers,
    mapping: checked,
    mappingSource,
    fields: importFields[input.kind].map((f) => ({ key: f.key, label: f.label, required: f.required })),
    counts: { create: count("create"), update: count("update"), invalid: count("invalid"), skipped: count("skipped") },
    rows: planned.map(({ row, status, label, problems }) => ({ row, status, label, problems })),
  };
  return { preview, planned, upload, ctx, signature };
}

/** Nothing is written: what each row would create or update, and every problem with its row and column. */
export async function previewImport(
  db: Kysely<Database>,
  actor: Actor,
  input: ImportPreviewInput,
): Promise<ImportPreview> {
  return (await plan(db, actor, input)).preview;
}

export interface ReportRow {
  row: number;
  outcome: "created" | "updated" | "unchanged" | "skipped" | "refused";
  label: string;
  entityId: string | null;
  problems: RowProblem[];
}

export interface ImportResult {
  runId: string;
  created: number;
  updated: number;
  skipped: number;
  rows: ReportRow[];
}

/** What a service refused for a row, in both languages; anything else is a fault, not the row's. */
function refusal(error: unknown): RowProblem | null {
  const domain = toDomainError(error);
  if (domain instanceof DomainError) {
    const field = domain.details.fields?.[0];
    const message = field
      ? { fr: `${domain.label.fr} (${field.message.fr})`, en: `${domain.label.en} (${field.message.en})` }
      : domain.label;
    return { column: null, header: "", field: null, message };
  }
  if (error instanceof ZodError) {
    const issue = error.issues[0];
    const where = issue?.path.join(".") ?? "";
    return {
      column: null,
      header: where,
      field: where,
      message: { fr: `Valeur refusée : ${where}`, en: `Value refused: ${where}` },
    };
  }
  return null;
}

let savepointCounter = 0;

/**
 * Writes the valid rows through the same services as manual entry (permissions, audit and
 * timeline entries), all in ONE transaction: the services join it. All-or-nothing refuses the whole
 * file when any row is in error or refused by a service; only-valid isolates each row in a
 * savepoint, so a row a service refuses is rolled back alone and reported. New actions are told to
 * their followers once per place, not per row (import-notifications.ts).
 */
export async function commitImport(
  db: Kysely<Database>,
  actor: Actor,
  input: ImportCommitInput,
  notifications?: NotificationJobs,
): Promise<ImportResult> {
  const { planned, upload, preview, signature } = await plan(db, actor, input);
  const invalid = planned.filter((r) => r.status === "invalid");
  if (input.mode === "all" && invalid.length > 0) {
    throw new DomainError("PRECONDITION_FAILED", "import.commit.refused", { count: String(invalid.length) });
  }
  return db.transaction().execute(async (trx) => {
    const report: ReportRow[] = [];
    for (const row of planned) {
      if (row.status === "skipped" || row.status === "invalid" || !row.values || !row.key) {
        report.push({
          row: row.row,
          outcome: row.status === "skipped" ? "skipped" : "refused",
          label: row.label,
          entityId: null,
          problems: row.problems,
        });
        continue;
      }
      const savepoint = sql.raw(`import_row_${++savepointCounter}`);
      if (input.mode === "valid") await sql`savepoint ${savepoint}`.execute(trx);
      try {
        const outcome = await writeRow(trx, actor, upload.cooperationId, row.values, row.entityId);
        await recordImportKey(trx, {
          cooperationId: upload.cooperationId,
          kind: input.kind,
          key: row.key,
          entityId: outcome.entityId,
        });
        if (input.mode === "valid") await sql`release savepoint ${savepoint}`.execute(trx);
        report.push({
          row: row.row,
          outcome: outcome.done,
          label: row.label,
          entityId: outcome.entityId,
          problems: [],
        });
      } catch (error) {
        const problem = refusal(error);
        if (!problem) throw error;
        if (input.mode === "all") {
          throw new DomainError(
            "PRECONDITION_FAILED",
            "import.commit.refused",
            { count: "1" },
            {
              fields: [{ field: `row.${row.row}`, message: problem.message }],
            },
          );
        }
        await sql`rollback to savepoint ${savepoint}`.execute(trx);
        report.push({ row: row.row, outcome: "refused", label: row.label, entityId: null, problems: [problem] });
      }
    }
    const created = report.filter((r) => r.outcome === "created").length;
    const updated = report.filter((r) => r.outcome === "updated").length;
    const skipped = report.length - created - updated;
    await saveImportMapping(trx, { cooperationId: upload.cooperationId, signature, mapping: preview.mapping });
    const runId = await insertImportRun(trx, {
      cooperationId: upload.cooperationId,
      actorId: actor.userId,
      kind: input.kind,
      mode: input.mode,
      fileName: upload.fileName,
      sha256: upload.sha256,
      created,
      updated,
      skipped,
      report: { sheet: preview.sheets[input.sheet]?.name ?? "", headerRow: preview.headerRow, rows: report },
    });
    if (input.kind === "actions") {
      const newActions = report.filter((r) => r.outcome === "created").map((r) => r.entityId ?? "");
      await queueImportedActions(trx, notifications, actor.userId, runId, newActions);
    }
    await deleteImportUpload(trx, upload.id);
    return { runId, created, updated, skipped, rows: report };
  });
}

export async function importHistory(db: Kysely<Database>, actor: Actor, cooperationId: string) {
  await requireImporter(db, actor, cooperationId);
  return listImportRuns(db, cooperationId);
}

/** A run's report, for who may import into its cooperation now. */
export async function importReport(db: Kysely<Database>, actor: Actor, runId: string) {
  const run = await getImportRun(db, runId);
  if (!run) throw notFound(UPLOAD);
  await requireImporter(db, actor, run.cooperationId);
  return run;
}
