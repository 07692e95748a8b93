import { createHash } from "node:crypto";
import { MAX_DOCUMENT_BYTES } from "@trame/core";
import { describe, expect, it } from "vitest";
import { type MultipartBody, multipart, sampleFiles, trameError, useDocumentApp } from "./support/document-fixtures.ts";
import { useTestDb } from "./support/test-db.ts";

const testDb = useTestDb();
const env = useDocumentApp(testDb);

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

const storedCount = async (column: "project_id" | "action_id", id: string) => {
  const row = await testDb()
    .db.selectFrom("documents")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where(column, "=", id)
    .executeTakeFirstOrThrow();
  return Number(row.n);
};

describe("documents joints : dépôt et téléchargement", () => {
  it("un éditeur partenaire dépose un PDF, un lecteur le télécharge à l'identique, en pièce jointe", async () => {
    const content = sampleFiles.pdf();
    const name = "Délibération n°12 (convention signée).pdf";
    const created = await env.http.uploadFile(
      env.world.as.partnerEditor,
      { projectId: env.world.ids.networkProjectId },
      { name, content },
    );
    expect(created.statusCode).toBe(201);
    const meta = created.json();
    expect(meta).toMatchObject({
      projectId: env.world.ids.networkProjectId,
      actionId: null,
      name,
      mimeType: "application/pdf",
      sizeBytes: content.byteLength,
      sha256: sha256(content),
    });
    expect(meta).not.toHaveProperty("content");

    const response = await env.http.download(env.world.as.partnerViewer, meta.id);
    expect(response.statusCode).toBe(200);
    expect(sha256(response.rawPayload)).toBe(meta.sha256);
    expect(Buffer.compare(response.rawPayload, Buffer.from(content))).toBe(0);
    expect(response.headers["content-type"]).toBe("application/pdf");
    const disposition = String(response.headers["content-disposition"]);
    expect(disposition.startsWith("attachment; ")).toBe(true);
    expect(disposition).toContain(`filename="Deliberation n_12 (convention signee).pdf"`);
    expect(disposition).toContain(
      `filename*=UTF-8''${encodeURIComponent(name).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`,
    );
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    expect(response.headers["cache-control"]).toBe("private, no-store");
    expect(response.headers["content-security-policy"]).toBe("sandbox");

    const audit = await testDb()
      .db.selectFrom("audit_log")
      .select(["action", "after"])
      .where("entity_type", "=", "document")
      .where("entity_id", "=", meta.id)
      .execute();
    expect(audit).toEqual([{ action: "uploaded", after: expect.objectContaining({ sha256: meta.sha256 }) }]);
  });

  it("reconnaît docx, odt et png au contenu, et les liste sans leur contenu", async () => {
    const owner = { actionId: env.world.ids.networkActionId };
    const docx = await env.http.uploadFile(env.world.as.leadEditor, owner, {
      name: "Compte rendu.docx",
      content: sampleFiles.docx(),
    });
    const odt = await env.http.uploadFile(env.world.as.leadEditor, owner, {
      name: "Relevé.odt",
      content: sampleFiles.odt(),
    });
    const png = await env.http.uploadFile(env.world.as.leadEditor, owner, {
      name: "photo",
      content: sampleFiles.png(),
      type: "text/html",
    });
    expect([docx.statusCode, odt.statusCode, png.statusCode]).toEqual([201, 201, 201]);
    expect(docx.json().mimeType).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    expect(odt.json().mimeType).toBe("application/vnd.oasis.opendocument.text");
    expect(png.json()).toMatchObject({ mimeType: "image/png", name: "photo.png" });

    const listed = await env.http.list(env.world.as.outsiderViewer, owner);
    expect(listed.statusCode).toBe(200);
    const items = listed.json().result.data as Array<Record<string, unknown>>;
    expect(items.map((d) => d.name).sort()).toEqual(["Compte rendu.docx", "Relevé.odt", "photo.png"]);
    for (const item of items) expect(item).not.toHaveProperty("content");
  });

  it("dépasse la limite globale de 2 Mio du serveur : la route a la sienne, 20 Mio tout rond passent", async () => {
    const content = sampleFiles.pdfOfSize(MAX_DOCUMENT_BYTES);
    const created = await env.http.uploadFile(
      env.world.as.partnerEditor,
      { actionId: env.world.ids.restrictedActionId },
      { name: "scan.pdf", content },
    );
    expect(created.statusCode).toBe(201);
    expect(created.json().sizeBytes).toBe(MAX_DOCUMENT_BYTES);
    const response = await env.http.download(env.world.as.partnerViewer, created.json().id);
    expect(response.rawPayload.byteLength).toBe(MAX_DOCUMENT_BYTES);
    expect(sha256(response.rawPayload)).toBe(sha256(content));
  });
});

describe("documents joints : saisies refusées", () => {
  it("refuse un fichier HTML renommé en .pdf, et un SVG, avec le champ file, sans rien écrire", async () => {
    const owner = { projectId: env.world.ids.restrictedProjectId };
    const before = await storedCount("project_id", owner.projectId);
    const html = await env.http.uploadFile(env.world.as.leadEditor, owner, {
      name: "convention.pdf",
      content: sampleFiles.html(),
      type: "application/pdf",
    });
    expect(html.statusCode).toBe(400);
    const error = trameError(html);
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.fields.map((f) => f.field)).toEqual(["file"]);
    expect(error.message.fr).toContain("Type de fichier refusé");
    expect(error.message.en).toContain("File type refused");
    const svg = await env.http.uploadFile(env.world.as.leadEditor, owner, {
      name: "logo.svg",
      content: sampleFiles.svg(),
    });
    expect(svg.statusCode).toBe(400);
    expect(await storedCount("project_id", owner.projectId)).toBe(before);
  });

  it("refuse un fichier de plus de 20 Mio avec un message bilingue, et n'écrit rien", async () => {
    const owner = { actionId: env.world.ids.cooperationActionId };
    const response = await env.http.uploadFile(env.world.as.partnerEditor, owner, {
      name: "trop-gros.pdf",
      content: sampleFiles.pdfOfSize(MAX_DOCUMENT_BYTES + 1),
    });
    expect(response.statusCode).toBe(400);
    const error = trameError(response);
    expect(error.fields.map((f) => f.field)).toEqual(["file"]);
    expect(error.message).toEqual({
      fr: "Le fichier dépasse la taille maximale de 20 Mo",
      en: "The file is larger than the maximum of 20 MB",
    });
    expect(await storedCount("action_id", owner.actionId)).toBe(0);
  });

  it("exige un propriétaire unique et valide avant le fichier, et un fichier", async () => {
    const file: [string, { name: string; content: Uint8Array }] = [
      "file",
      { name: "a.pdf", content: sampleFiles.pdf() },
    ];
    const cases: Array<[MultipartBody, string]> = [
      [await multipart([file]), "projectId"],
      [await multipart([file, ["projectId", env.world.ids.networkProjectId]]), "projectId"],
      [
        await multipart([
          ["projectId", env.world.ids.networkProjectId],
          ["actionId", env.world.ids.networkActionId],
          file,
        ]),
        "projectId",
      ],
      [await multipart([["projectId", "pas-un-uuid"], file]), "projectId"],
      [await multipart([["projectId", env.world.ids.networkProjectId]]), "file"],
      [
        await multipart([
          ["projectId", env.world.ids.networkProjectId],
          ["autre", { name: "a.pdf", content: sampleFiles.pdf() }],
        ]),
        "file",
      ],
      [
        await multipart([
          ["projectId", env.world.ids.networkProjectId],
          ["projectId", env.world.ids.networkProjectId],
          file,
        ]),
        "projectId",
      ],
    ];
    for (const [body, field] of cases) {
      const response = await env.http.upload(env.world.as.leadEditor, body);
      expect(response.statusCode).toBe(400);
      expect(trameError(response).fields.map((f) => f.field)).toEqual([field]);
    }
  });

  it("ne garde que le premier fichier quand on en envoie deux", async () => {
    const body = await multipart([
      ["projectId", env.world.ids.networkProjectId],
      ["file", { name: "premier.pdf", content: sampleFiles.pdf() }],
      ["file", { name: "second.png", content: sampleFiles.png() }],
    ]);
    const response = await env.http.upload(env.world.as.leadEditor, body);
    expect(response.statusCode).toBe(201);
    expect(response.json().name).toBe("premier.pdf");
  });

  it("répond 400, jamais 500, à un corps multipart tronqué ou à un corps qui n'est pas multipart", async () => {
    const body = await multipart([
      ["projectId", env.world.ids.networkProjectId],
      ["file", { name: "a.pdf", content: sampleFiles.pdf() }],
    ]);
    const truncated = await env.http.upload(env.world.as.leadEditor, {
      ...body,
      payload: body.payload.subarray(0, body.payload.length - 60),
    });
    expect(truncated.statusCode).toBe(400);
    const json = await env.app.inject({
      method: "POST",
      url: "/api/documents",
      headers: { "content-type": "application/json", cookie: env.world.as.leadEditor },
      payload: JSON.stringify({ projectId: env.world.ids.networkProjectId }),
    });
    expect(json.statusCode).toBe(400);
    expect(trameError(json).fields.map((f) => f.field)).toEqual(["file"]);
  });
});
