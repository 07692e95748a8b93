import fastifyMultipart, { type MultipartFile } from "@fastify/multipart";
import { contentDisposition, DomainError, fieldError, idSchema, importKindSchema, notFound } from "@trame/core";
import type { Database, Kysely } from "@trame/db";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { importReport, type ReportRow, storeUpload } from "../imports/import.service.ts";
import { reportCsv } from "../imports/import-report-csv.ts";
import { importTemplate, templateFileName } from "../imports/import-template.ts";
import { IMPORT_LIMITS } from "../imports/spreadsheet-reader.ts";
import { isMultipart, multipartError, requireActor, sendError } from "./documents.routes.ts";

/** A spreadsheet of 10 MB at most (issue 18), one file after its cooperation's id. */
const UPLOAD_LIMITS = {
  fileSize: IMPORT_LIMITS.maxBytes,
  files: 1,
  fields: 1,
  fieldSize: 100,
  fieldNameSize: 100,
  parts: 2,
  headerPairs: 20,
};

const tooLarge = () =>
  fieldError("file", "import.file.tooLarge", { max: String(IMPORT_LIMITS.maxBytes / 1024 / 1024) });

async function fileAfterCooperation(request: FastifyRequest): Promise<{ file: MultipartFile; cooperationId: string }> {
  let cooperationId: string | undefined;
  try {
    for await (const part of request.parts({ limits: UPLOAD_LIMITS })) {
      if (part.type === "field") {
        if (part.fieldname === "cooperationId" && typeof part.value === "string") cooperationId = part.value;
        continue;
      }
      if (part.fieldname !== "file") {
        part.file.resume();
        break;
      }
      if (!cooperationId || !idSchema.safeParse(cooperationId).success) {
        part.file.resume();
        throw fieldError("cooperationId", "input.invalid");
      }
      return { file: part, cooperationId };
    }
  } catch (error) {
    throw error instanceof DomainError ? error : multipartError(error);
  }
  throw fieldError("file", "document.missingFile");
}

/**
 * Spreadsheet import over plain HTTP: the upload is multipart (not through tRPC's JSON body limit),
 * the templates and reports are downloads. Preview and commit are tRPC procedures (import.*).
 */
export async function importRoutes(app: FastifyInstance, options: { db: Kysely<Database> }): Promise<void> {
  const { db } = options;
  await app.register(fastifyMultipart, { limits: UPLOAD_LIMITS });
  app.setErrorHandler((error, _request, reply) => {
    const status = typeof error === "object" && error !== null && "statusCode" in error ? error.statusCode : undefined;
    const clientFault = typeof status === "number" && status < 500;
    return sendError(app, clientFault && !(error instanceof DomainError) ? multipartError(error) : error, reply);
  });
  app.addHook("onRequest", async (request) => {
    if (request.method === "POST" && !isMultipart(request)) throw fieldError("file", "document.notMultipart");
  });

  app.post("/api/imports", async (request, reply) => {
    const actor = await requireActor(db, request, reply);
    const { file, cooperationId } = await fileAfterCooperation(request);
    try {
      const content = await file.toBuffer().catch((error: unknown) => {
        throw multipartError(error);
      });
      if (file.file.truncated) throw tooLarge();
      if (content.length === 0) throw fieldError("file", "document.emptyFile");
      const stored = await storeUpload(db, actor, { cooperationId, fileName: file.filename, content });
      return reply.code(201).header("cache-control", "no-store").send(stored);
    } finally {
      file.file.resume();
    }
  });

  app.get<{ Params: { kind: string } }>("/api/imports/templates/:kind", async (request, reply) => {
    await requireActor(db, request, reply);
    const kind = importKindSchema.safeParse(request.params.kind);
    if (!kind.success) throw notFound({ fr: "Modèle", en: "Template" });
    return reply
      .header("content-type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
      .header("content-disposition", contentDisposition(templateFileName(kind.data)))
      .header("cache-control", "private, no-store")
      .send(await importTemplate(kind.data));
  });

  app.get<{ Params: { id: string } }>("/api/imports/runs/:id/report", async (request, reply) => {
    const actor = await requireActor(db, request, reply);
    if (!idSchema.safeParse(request.params.id).success) throw notFound({ fr: "Import", en: "Import" });
    const run = await importReport(db, actor, request.params.id);
    const rows = (run.report as { rows?: ReportRow[] }).rows ?? [];
    return reply
      .header("content-type", "text/csv; charset=utf-8")
      .header("content-disposition", contentDisposition(`rapport-import-${run.createdAt.slice(0, 10)}.csv`))
      .header("cache-control", "private, no-store")
      .send(reportCsv(rows));
  });
}
