import { randomUUID } from "node:crypto";
import type { MembershipRole, Visibility } from "@trame/core";
import { type Database, insertSession, insertTimelineEntry, type Kysely } from "@trame/db";
import type { FastifyInstance } from "fastify";
import { zipSync } from "fflate";
import { afterAll, beforeAll } from "vitest";
import { hashSessionToken, newSessionToken, SESSION_COOKIE } from "../../src/auth/session-token.ts";
import { buildApp } from "../../src/http/app.ts";
import { makeTerritory, makeUser } from "./factories.ts";

/** The `cookie` header of a real stored session for a new user with these memberships. */
async function sessionCookie(
  db: Kysely<Database>,
  memberships: Array<{ territoryId: string; role: MembershipRole }>,
): Promise<string> {
  const user = await makeUser(db, { memberships });
  const token = newSessionToken();
  await insertSession(db, {
    tokenHash: hashSessionToken(token),
    userId: user.id,
    expiresAt: new Date(Date.now() + 3600_000),
  });
  return `${SESSION_COOKIE}=${token}`;
}

/**
 * A cooperation between a metropolis and a neighbour, with a network project, a project
 * restricted to its partners, an action on each and an action on the cooperation alone; plus a
 * territory outside all of it. Rows are inserted directly (each action with its timeline entry,
 * as the action service writes them): these tests are about documents.
 */
export async function documentWorld(db: Kysely<Database>) {
  const [lead, partner, outsider] = await Promise.all([
    makeTerritory(db, { kind: "METRO" }),
    makeTerritory(db, { kind: "CC" }),
    makeTerritory(db, { kind: "CA" }),
  ]);
  const cooperation = await db
    .insertInto("cooperations")
    .values({ name: `Coopération ${randomUUID().slice(0, 8)}`, engagement_form: "convention", status: "active" })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db
    .insertInto("cooperation_members")
    .values([
      { cooperation_id: cooperation.id, territory_id: lead.id, role: "lead" },
      { cooperation_id: cooperation.id, territory_id: partner.id, role: "member" },
    ])
    .execute();

  const project = async (visibility: Visibility) => {
    const { id } = await db
      .insertInto("projects")
      .values({
        cooperation_id: cooperation.id,
        title: `Projet ${randomUUID().slice(0, 8)}`,
        status: "planned",
        visibility,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await db
      .insertInto("project_partners")
      .values([
        { project_id: id, territory_id: lead.id, role: "lead" },
        { project_id: id, territory_id: partner.id, role: "partner" },
      ])
      .execute();
    return id;
  };
  const action = async (projectId: string | null) => {
    const { id } = await db
      .insertInto("actions")
      .values({
        cooperation_id: cooperation.id,
        project_id: projectId,
        occurred_on: "2026-10-02",
        kind: "meeting",
        title: "Comité de pilotage",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await insertTimelineEntry(db, {
      occurredOn: "2026-10-02",
      kind: "meeting",
      title: "Comité de pilotage",
      cooperationId: cooperation.id,
      projectId,
      actionId: id,
      territoryIds: [lead.id, partner.id],
    });
    return id;
  };

  const networkProjectId = await project("network");
  const restrictedProjectId = await project("partners");
  const [networkActionId, restrictedActionId, cooperationActionId] = await Promise.all([
    action(networkProjectId),
    action(restrictedProjectId),
    action(null),
  ]);

  const [leadEditor, partnerEditor, partnerViewer, outsiderEditor, outsiderViewer] = await Promise.all([
    sessionCookie(db, [{ territoryId: lead.id, role: "editor" }]),
    sessionCookie(db, [{ territoryId: partner.id, role: "editor" }]),
    sessionCookie(db, [{ territoryId: partner.id, role: "viewer" }]),
    sessionCookie(db, [{ territoryId: outsider.id, role: "editor" }]),
    sessionCookie(db, [{ territoryId: outsider.id, role: "viewer" }]),
  ]);

  return {
    ids: { networkProjectId, restrictedProjectId, networkActionId, restrictedActionId, cooperationActionId },
    cooperationId: cooperation.id,
    territories: { lead, partner, outsider },
    as: { leadEditor, partnerEditor, partnerViewer, outsiderEditor, outsiderViewer },
  };
}

const ascii = (text: string) => new TextEncoder().encode(text);

/** Tiny but real files, each recognised by its magic bytes. */
export const sampleFiles = {
  pdf: () =>
    ascii(
      "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
    ),
  /** The 8-byte signature then an IHDR chunk (1×1, 8-bit RGBA); enough for the sniffer. */
  png: () =>
    Uint8Array.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00,
      0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4, 0x89,
    ]),
  docx: () =>
    zipSync({
      "[Content_Types].xml": ascii(
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
      ),
      "word/document.xml": ascii("<w:document/>"),
    }),
  /** OpenDocument puts an uncompressed `mimetype` entry first. */
  odt: () =>
    zipSync({
      mimetype: [ascii("application/vnd.oasis.opendocument.text"), { level: 0 }],
      "content.xml": ascii("<office:document-content/>"),
    }),
  html: () => ascii("<!doctype html><html><body><script>alert(document.cookie)</script></body></html>"),
  svg: () => ascii('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
  /** A PDF header then filler, to exactly `size` bytes. */
  pdfOfSize: (size: number) => {
    const bytes = new Uint8Array(size).fill(0x20);
    bytes.set(ascii("%PDF-1.4\n"));
    return bytes;
  },
};

export interface MultipartBody {
  payload: Buffer;
  headers: Record<string, string>;
}

/** A real multipart/form-data body, encoded by the platform's own FormData, fields in the given order. */
export async function multipart(parts: Array<[string, string] | [string, FileSpec]>): Promise<MultipartBody> {
  const form = new FormData();
  for (const [field, value] of parts) {
    if (typeof value === "string") form.append(field, value);
    else form.append(field, new Blob([value.content], { type: value.type ?? "application/octet-stream" }), value.name);
  }
  const request = new Request("http://localhost/", { method: "POST", body: form });
  return {
    payload: Buffer.from(await request.arrayBuffer()),
    headers: { "content-type": request.headers.get("content-type") ?? "" },
  };
}

type Owner = { projectId: string } | { actionId: string };
type FileSpec = { name: string; content: Uint8Array; type?: string };

/** The four HTTP calls of the feature, as a browser would make them (cookie of a real session). */
export function documentClient(app: FastifyInstance) {
  const upload = (cookie: string | null, body: MultipartBody, headers: Record<string, string> = {}) =>
    app.inject({
      method: "POST",
      url: "/api/documents",
      headers: { ...body.headers, ...(cookie ? { cookie } : {}), ...headers },
      payload: body.payload,
    });
  return {
    upload,
    uploadFile: async (cookie: string | null, owner: Owner, file: FileSpec) =>
      upload(cookie, await multipart([...Object.entries(owner), ["file", file]])),
    download: (cookie: string | null, id: string) =>
      app.inject({ url: `/api/documents/${id}`, headers: cookie ? { cookie } : {} }),
    list: (cookie: string, input: unknown) =>
      app.inject({
        url: `/trpc/document.list?input=${encodeURIComponent(JSON.stringify(input))}`,
        headers: { cookie },
      }),
  };
}
export type DocumentClient = ReturnType<typeof documentClient>;

interface TrameError {
  code: string;
  message: { fr: string; en: string };
  fields: Array<{ field: string }>;
}

/** The `{ error: { trame } }` body every document route answers an error with. */
export const trameError = (response: { json(): unknown }) =>
  (response.json() as { error: { trame: TrameError } }).error.trame;

export type DocumentWorld = Awaited<ReturnType<typeof documentWorld>>;

/** The app, a document world and its HTTP client for a test file: built before its tests, closed after. */
export function useDocumentApp(testDb: () => { db: Kysely<Database> }) {
  const env = {} as { app: FastifyInstance; world: DocumentWorld; http: DocumentClient };
  beforeAll(async () => {
    env.app = await buildApp({ db: testDb().db, logLevel: "silent" });
    env.world = await documentWorld(testDb().db);
    env.http = documentClient(env.app);
  });
  afterAll(() => env.app?.close());
  return env;
}
