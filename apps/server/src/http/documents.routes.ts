import fastifyMultipart, { type MultipartFile } from "@fastify/multipart";
import {
  type Actor,
  contentDisposition,
  type DocumentOwner,
  DomainError,
  fieldError,
  idSchema,
  MAX_DOCUMENT_BYTES,
  MAX_DOCUMENT_SIZE_LABEL,
  notFound,
} from "@trame/core";
import type { Database, Kysely } from "@trame/db";
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { requireReader } from "../auth/require.ts";
import { createContextInner } from "../context.ts";
import { errorPayload, toTrpcError } from "../errors.ts";
import {
  DOCUMENT_LABEL,
  openDocument,
  removeDocument,
  requireDocumentEditor,
  storeDocument,
} from "../services/document.service.ts";
import { sessionCookieFor, sessionTokenOf } from "./session-cookie.ts";

/**
 * Multipart is parsed by its own streaming parser, which Fastify's global `bodyLimit` does not
 * bound (see the @fastify/multipart README): these limits are what bound an upload request.
 */
const UPLOAD_LIMITS = {
  fileSize: MAX_DOCUMENT_BYTES,
  files: 1,
  fields: 2,
  fieldSize: 100,
  fieldNameSize: 100,
  parts: 3,
  headerPairs: 20,
};

const tooLarge = () => fieldError("file", "document.tooLarge", { max: MAX_DOCUMENT_SIZE_LABEL });

/** Anything the multipart parser throws is the client's malformed body, never a 500. */
export function multipartError(error: unknown): DomainError {
  if (error instanceof DomainError) return error;
  const code = typeof error === "object" && error !== null && "code" in error ? error.code : undefined;
  return code === "FST_REQ_FILE_TOO_LARGE" ? tooLarge() : fieldError("file", "document.malformed");
}

/**
 * The file part with the text fields sent before it, walked in order: the owner must be known
 * before the bytes are read, so permission is checked before accepting 20 MiB.
 */
async function fileWithFieldsBefore(
  request: FastifyRequest,
): Promise<{ file: MultipartFile; fields: Map<string, string[]> } | undefined> {
  const fields = new Map<string, string[]>();
  try {
    for await (const part of request.parts({ limits: UPLOAD_LIMITS })) {
      if (part.type === "file") return { file: part, fields };
      if (typeof part.value === "string")
        fields.set(part.fieldname, [...(fields.get(part.fieldname) ?? []), part.value]);
    }
  } catch (error) {
    throw multipartError(error);
  }
  return undefined;
}

/** The owner named by the fields; authorisation then reads the stored rows, never these ids. */
function ownerFrom(fields: Map<string, string[]>): DocumentOwner {
  const projectId = fields.get("projectId");
  const actionId = fields.get("actionId");
  if ((projectId === undefined) === (actionId === undefined)) throw fieldError("projectId", "document.missingOwner");
  const [field, values] = projectId !== undefined ? ["projectId", projectId] : ["actionId", actionId ?? []];
  const value = values.length === 1 ? values[0] : undefined;
  if (value === undefined || !idSchema.safeParse(value).success) throw fieldError(field, "input.invalid");
  return field === "projectId" ? { projectId: value } : { actionId: value };
}

/**
 * The file's bytes as they arrive; a parser failure is the client's malformed body. Stopping early
 * (a refused type) leaves the stream alive, so the route can drain it and answer on the connection.
 */
async function* piecesOf(part: MultipartFile): AsyncGenerator<Uint8Array> {
  try {
    yield* part.file.iterator({ destroyOnReturn: false });
  } catch (error) {
    throw multipartError(error);
  }
}

export async function requireActor(db: Kysely<Database>, request: FastifyRequest, reply: FastifyReply): Promise<Actor> {
  const ctx = await createContextInner({
    db,
    sessionToken: sessionTokenOf(request),
    clientAddress: request.ip,
    cookie: sessionCookieFor(request, reply),
  });
  if (!ctx.actor) throw new DomainError("UNAUTHORIZED", "auth.required");
  requireReader(ctx.actor, ctx.passwordChangeRequired);
  return ctx.actor;
}

export function isMultipart(request: FastifyRequest): boolean {
  return (request.headers["content-type"] ?? "").toLowerCase().startsWith("multipart/form-data");
}

/** Same JSON shape as the tRPC errors (`error.trame`), with the status of the same table. */
export function sendError(app: FastifyInstance, error: unknown, reply: FastifyReply): FastifyReply {
  const trpcError = toTrpcError(new TRPCError({ code: "INTERNAL_SERVER_ERROR", cause: error }));
  if (trpcError.code === "INTERNAL_SERVER_ERROR") app.log.error({ err: error }, "document route failed");
  return reply
    .code(getHTTPStatusCodeFromError(trpcError))
    .header("cache-control", "no-store")
    .send({ error: { trame: errorPayload(trpcError) } });
}

/** A malformed id names no document: the same answer as an unknown one. */
function documentId(raw: string): string {
  if (!idSchema.safeParse(raw).success) throw notFound(DOCUMENT_LABEL);
  return raw;
}

export async function documentRoutes(app: FastifyInstance, options: { db: Kysely<Database> }): Promise<void> {
  const { db } = options;
  await app.register(fastifyMultipart, { limits: UPLOAD_LIMITS });

  app.setErrorHandler((error, _request, reply) => {
    const status = typeof error === "object" && error !== null && "statusCode" in error ? error.statusCode : undefined;
    const clientFault = typeof status === "number" && status < 500;
    return sendError(app, clientFault && !(error instanceof DomainError) ? multipartError(error) : error, reply);
  });

  // Before the body is parsed, so a refused request costs nothing. A cross-origin upload or
  // removal never gets here: registerCsrfProtection (csrf.ts) refuses it for every route.
  app.addHook("onRequest", async (request) => {
    if (request.method === "POST" && !isMultipart(request)) throw fieldError("file", "document.notMultipart");
  });

  app.post("/api/documents", async (request, reply) => {
    const actor = await requireActor(db, request, reply);
    const upload = await fileWithFieldsBefore(request);
    if (upload?.file.fieldname !== "file") {
      upload?.file.file.resume();
      throw fieldError("file", "document.missingFile");
    }
    const { file, fields } = upload;
    try {
      const access = await requireDocumentEditor(db, actor, ownerFrom(fields));
      const meta = await storeDocument(db, actor, access, {
        name: file.filename,
        pieces: piecesOf(file),
        truncated: () => file.file.truncated,
      });
      return reply.code(201).header("cache-control", "no-store").send(meta);
    } finally {
      // A refused upload must still drain its stream, or the connection hangs on unread bytes.
      file.file.resume();
    }
  });

  app.get<{ Params: { id: string } }>("/api/documents/:id", async (request, reply) => {
    const actor = await requireActor(db, request, reply);
    const { meta, content } = await openDocument(db, actor, documentId(request.params.id));
    // Never rendered in our origin: always a download, never sniffed, sandboxed if opened anyway.
    return reply
      .header("content-type", meta.mimeType)
      .header("content-length", meta.sizeBytes)
      .header("content-disposition", contentDisposition(meta.name))
      .header("x-content-type-options", "nosniff")
      .header("cache-control", "private, no-store")
      .header("content-security-policy", "sandbox")
      .send(content);
  });

  app.delete<{ Params: { id: string } }>("/api/documents/:id", async (request, reply) => {
    const actor = await requireActor(db, request, reply);
    await removeDocument(db, actor, documentId(request.params.id));
    return reply.code(204).send();
  });
}
