import { randomUUID } from "node:crypto";
import { sql } from "@trame/db";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../src/http/app.ts";
import { documentClient, documentWorld, sampleFiles } from "./support/document-fixtures.ts";
import { failure } from "./support/expect-error.ts";
import { callerFor } from "./support/factories.ts";
import { projectWorld } from "./support/project-fixtures.ts";
import { useTestDb } from "./support/test-db.ts";

const testDb = useTestDb();
const db = () => testDb().db;

/** SQL, LIKE and template metacharacters, and markup: each must stay plain text end to end. */
const INJECTIONS = ["'; drop table users; --", "%", "_", "\\", "<script>alert(1)</script>", "{{7*7}}"];

describe("injections dans les champs texte et de recherche", () => {
  let world: Awaited<ReturnType<typeof projectWorld>>;
  let admin: Awaited<ReturnType<typeof world.as>>;
  const tag = randomUUID().slice(0, 8);

  beforeAll(async () => {
    world = await projectWorld(db());
    admin = await world.as("instanceAdmin");
  }, 60_000);

  it("les titres sont enregistrés et rendus à l'identique, et la recherche de projets les lit comme du texte", async () => {
    const witness = await world.createProject({ title: `Projet ${tag} témoin` });
    for (const text of INJECTIONS) {
      const title = `Projet ${tag} ${text}`;
      const created = await world.createProject({ title, summary: text });
      expect(created.title).toBe(title);
      expect((await admin.project.get({ id: created.id })).summary).toBe(text);
      const found = await admin.project.list({ query: text, limit: 100 });
      const ids = found.items.map((p) => p.id);
      // "%" or "_" read as LIKE wildcards would match the witness too.
      expect(ids).toContain(created.id);
      expect(ids).not.toContain(witness.id);
    }
    const users = await sql<{ n: number }>`select count(*)::int as n from users`.execute(db());
    expect(users.rows[0]?.n).toBeGreaterThan(0);
  });

  it("la recherche de coopérations et de territoires trouve le nom exact, jamais tout", async () => {
    const witnessCooperation = await admin.cooperation.create({
      name: `Coopération ${tag} témoin`,
      engagementForm: "convention",
      leadTerritoryId: world.lead.id,
      startedOn: "2024-01-01",
    });
    const witnessTerritory = await admin.territory.create({ name: `Syndicat ${tag} témoin`, kind: "syndicat_mixte" });
    for (const text of INJECTIONS) {
      const cooperation = await admin.cooperation.create({
        name: `Coopération ${tag} ${text}`,
        engagementForm: "convention",
        leadTerritoryId: world.lead.id,
        startedOn: "2024-01-01",
        description: text,
      });
      expect(cooperation.name).toBe(`Coopération ${tag} ${text}`);
      const territory = await admin.territory.create({ name: `Syndicat ${tag} ${text}`, kind: "syndicat_mixte" });
      expect((await admin.territory.get({ id: territory.id })).name).toBe(`Syndicat ${tag} ${text}`);

      const cooperations = (await admin.cooperation.list({ query: `${tag} ${text}`, limit: 100 })).items;
      const territories = (await admin.territory.search({ query: `${tag} ${text}`, limit: 100 })).items;
      expect(cooperations.map((c) => c.id)).toContain(cooperation.id);
      expect(territories.map((t) => t.id)).toContain(territory.id);
      // Names are searched folded (accents, case and punctuation such as "_" or ";" become
      // spaces), so only the characters that survive folding can tell the witness apart.
      if (text === "_") continue;
      expect(cooperations.map((c) => c.id)).not.toContain(witnessCooperation.id);
      expect(territories.map((t) => t.id)).not.toContain(witnessTerritory.id);
    }
  });

  it("un mot de passe en forme d'injection n'est qu'un mauvais mot de passe", async () => {
    const anonymous = await callerFor(db(), null, "203.0.113.50");
    for (const password of INJECTIONS) {
      const { code } = await failure(anonymous.auth.login({ email: "personne@example.fr", password }));
      expect(code).toBe("UNAUTHORIZED");
    }
  });

  // The web renders notes with react-markdown, which escapes raw HTML and drops `javascript:` links
  // (apps/web/src/features/projects/action-notes.tsx): the server keeps exactly what was typed.
  it("les notes Markdown sont gardées telles quelles, HTML et liens javascript compris", async () => {
    const project = await world.createProject();
    const notes = [
      "# Compte rendu",
      "<script>alert(document.cookie)</script>",
      '<img src=x onerror="alert(1)">',
      "[cliquez](javascript:alert(1)) et ![pixel](https://tiers.example/p.gif)",
      "{{constructor.constructor('alert(1)')()}}",
    ].join("\n\n");
    const action = await admin.action.create({
      projectId: project.id,
      occurredOn: "2026-10-02",
      kind: "meeting",
      title: "<b>Copil</b>",
      notes,
    });
    const listed = await admin.action.list({ projectId: project.id });
    const stored = listed.items.find((a) => a.id === action.id);
    expect(stored).toMatchObject({ title: "<b>Copil</b>", notes });
  });
});

describe("noms de fichiers hostiles au dépôt de documents", () => {
  let app: FastifyInstance;
  let world: Awaited<ReturnType<typeof documentWorld>>;
  beforeAll(async () => {
    app = await buildApp({ db: db(), logLevel: "silent" });
    world = await documentWorld(db());
  }, 60_000);
  afterAll(() => app.close());

  /**
   * The multipart body written by hand: the platform's FormData escapes `"` and line breaks in file
   * names, an attacker's client does not. `filename*` (RFC 5987) carries any character as is.
   */
  function rawUpload(projectId: string, fileName: string) {
    const boundary = `----trame${randomUUID()}`;
    const head = [
      `--${boundary}`,
      'Content-Disposition: form-data; name="projectId"',
      "",
      projectId,
      `--${boundary}`,
      `Content-Disposition: form-data; name="file"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      "Content-Type: application/pdf",
      "",
      "",
    ].join("\r\n");
    const payload = Buffer.concat([Buffer.from(head), sampleFiles.pdf(), Buffer.from(`\r\n--${boundary}--\r\n`)]);
    return app.inject({
      method: "POST",
      url: "/api/documents",
      headers: { "content-type": `multipart/form-data; boundary=${boundary}`, cookie: world.as.leadEditor },
      payload,
    });
  }

  it.each([
    ["<script>alert(1)</script>.pdf"],
    ['"><img src=x onerror=alert(1)>.pdf'],
    ['rapport.pdf"; filename="evil.html'],
    ["a\\b\\..\\<svg onload=alert(1)>.pdf"],
    ["\u202Efdp.html"],
  ])("%j : le nom ne sort jamais de son en-tête Content-Disposition", async (name) => {
    const created = await rawUpload(world.ids.networkProjectId, name);
    expect(created.statusCode).toBe(201);
    const stored: string = created.json().name;
    expect(stored).not.toMatch(/["\\/\r\n\u202E]/);
    expect(stored.endsWith(".pdf")).toBe(true);

    const response = await documentClient(app).download(world.as.leadEditor, created.json().id);
    expect(response.statusCode).toBe(200);
    expect(response.headers["set-cookie"]).toBeUndefined();
    const disposition = String(response.headers["content-disposition"]);
    // Always a download; the quoted fallback cannot be closed early; the UTF-8 form is all escaped.
    expect(disposition).toMatch(
      /^attachment; filename="[\x20-\x21\x23-\x5b\x5d-\x7e]*"; filename\*=UTF-8''[\w%!.~-]*$/,
    );
    expect(response.headers["content-type"]).toBe("application/pdf");
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    expect(response.headers["content-security-policy"]).toBe("sandbox");
  });

  it("un nom à retours à la ligne ne se glisse jamais dans un en-tête de réponse", async () => {
    const created = await rawUpload(world.ids.networkProjectId, "rapport\r\nSet-Cookie: trame_session=volé\r\n.pdf");
    // The multipart parser drops such a part altogether: the upload is refused for want of a file.
    expect(created.statusCode).toBe(400);
    expect(created.headers["set-cookie"]).toBeUndefined();
    expect(created.json().error.trame.fields).toEqual([expect.objectContaining({ field: "file" })]);
  });
});
