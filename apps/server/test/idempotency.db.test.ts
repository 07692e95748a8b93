import { randomUUID } from "node:crypto";
import { type Database, type Kysely, sql } from "@trame/db";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../src/http/app.ts";
import { fundingWorld } from "./support/application-fixtures.ts";
import { failure } from "./support/expect-error.ts";
import { cookieFor } from "./support/export-fixtures.ts";
import { makeUser } from "./support/factories.ts";
import { projectWorld } from "./support/project-fixtures.ts";
import { useTestDb } from "./support/test-db.ts";

/** Issue 13, item 8: a create or a payment resent after a lost answer must not land twice. */
const testDb = useTestDb();
const db = () => testDb().db;

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildApp({ db: db(), logLevel: "silent" });
});
afterAll(async () => {
  await app.close();
});

const post = (path: string, cookie: string, body: unknown) =>
  app.inject({
    method: "POST",
    url: `/trpc/${path}`,
    headers: { "content-type": "application/json", cookie },
    payload: JSON.stringify(body),
  });

async function count(db: Kysely<Database>, table: "projects" | "actions" | "funding_payments", where: string) {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from ${sql.table(table)} where ${sql.raw(where)}`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

describe("clés d'idempotence : une création renvoyée n'écrit qu'une fois", () => {
  it("project.create renvoyé avec la même clé : une seule ligne, la même réponse", async () => {
    const w = await projectWorld(db());
    const editor = await makeUser(db(), { memberships: [{ territoryId: w.lead.id, role: "editor" }] });
    const cookie = await cookieFor(db(), editor);
    const body = { ...w.projectArgs({ title: `Projet rejoué ${randomUUID()}` }), idempotencyKey: randomUUID() };
    const first = await post("project.create", cookie, body);
    const again = await post("project.create", cookie, body);
    expect(first.statusCode).toBe(200);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    expect(await count(db(), "projects", `title = '${body.title}'`)).toBe(1);
  });

  it("renvoyés en parallèle avec la même clé : une seule ligne, et chacun reçoit sa réponse", async () => {
    const w = await projectWorld(db());
    const project = await w.createProject();
    const editor = await makeUser(db(), { memberships: [{ territoryId: w.lead.id, role: "editor" }] });
    const cookie = await cookieFor(db(), editor);
    const title = `Comité rejoué ${randomUUID()}`;
    const body = {
      projectId: project.id,
      occurredOn: "2026-03-01",
      kind: "meeting",
      title,
      idempotencyKey: randomUUID(),
    };
    const answers = await Promise.all(Array.from({ length: 8 }, () => post("action.create", cookie, body)));
    // Claim, write and answer commit together: a resend waits for the first and gets its answer (no CONFLICT).
    expect(answers.map((answer) => answer.statusCode)).toEqual(Array(8).fill(200));
    expect(new Set(answers.map((answer) => answer.json().result.data.id)).size).toBe(1);
    expect(await count(db(), "actions", `title = '${title}'`)).toBe(1);
  });

  it("la même clé pour une autre demande : CONFLICT, rien d'écrit", async () => {
    const w = await projectWorld(db());
    const project = await w.createProject();
    const editor = await makeUser(db(), { memberships: [{ territoryId: w.lead.id, role: "editor" }] });
    const cookie = await cookieFor(db(), editor);
    const idempotencyKey = randomUUID();
    const meeting = { projectId: project.id, occurredOn: "2026-03-01", kind: "meeting", idempotencyKey };
    expect((await post("action.create", cookie, { ...meeting, title: "Première" })).statusCode).toBe(200);
    const reused = await post("action.create", cookie, { ...meeting, title: "Autre chose" });
    expect(reused.statusCode).toBe(409);
    expect(reused.json().error.data.trame.message.fr).toContain("déjà servi");
    expect(await count(db(), "actions", `title = 'Autre chose'`)).toBe(0);
    // Another user's identical key is theirs, not a replay of ours.
    const colleague = await cookieFor(
      db(),
      await makeUser(db(), { memberships: [{ territoryId: w.lead.id, role: "editor" }] }),
    );
    expect((await post("action.create", colleague, { ...meeting, title: "Première" })).statusCode).toBe(200);
    expect(await count(db(), "actions", `title = 'Première' and project_id = '${project.id}'`)).toBe(2);
  });

  it("un versement renvoyé n'est compté qu'une fois", async () => {
    const w = await fundingWorld(db());
    const granted = await w.moveTo(await w.createApplication({ requestedCents: 15_000_000 }), "granted");
    const editor = await makeUser(db(), { memberships: [{ territoryId: w.partner.id, role: "editor" }] });
    const cookie = await cookieFor(db(), editor);
    const body = {
      applicationId: granted.id,
      paidOn: "2025-07-01",
      amountCents: 3_000_000,
      idempotencyKey: randomUUID(),
    };
    for (let i = 0; i < 3; i++) expect((await post("funding.addPayment", cookie, body)).statusCode).toBe(200);
    expect(await count(db(), "funding_payments", `application_id = '${granted.id}'`)).toBe(1);
    const partner = await w.as("partnerEditor");
    expect((await partner.funding.getApplication({ id: granted.id })).paidCents).toBe(3_000_000);
  });

  it("sur HTTP, une création sans clé est refusée en nommant le champ ; un échec libère la clé", async () => {
    const w = await projectWorld(db());
    const editor = await makeUser(db(), { memberships: [{ territoryId: w.lead.id, role: "editor" }] });
    const cookie = await cookieFor(db(), editor);
    const missing = await post("project.create", cookie, w.projectArgs());
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.data.trame.fields.map((f: { field: string }) => f.field)).toEqual(["idempotencyKey"]);
    const idempotencyKey = randomUUID();
    const refused = await post("project.create", cookie, {
      ...w.projectArgs({ cooperationId: randomUUID() }),
      idempotencyKey,
    });
    expect(refused.statusCode).toBe(404);
    const { rows } = await sql`select 1 from idempotency_keys where key = ${idempotencyKey}`.execute(db());
    expect(rows).toEqual([]);
  });

  it("appelé directement (tests, ligne de commande), la clé reste facultative", async () => {
    const w = await projectWorld(db());
    const editor = await w.as("leadEditor");
    const replayed = await failure(
      (async () => {
        const idempotencyKey = randomUUID();
        const a = await editor.project.create({ ...w.projectArgs(), idempotencyKey });
        const b = await editor.project.create({ ...w.projectArgs({ title: "Autre" }), idempotencyKey });
        return [a, b];
      })(),
    );
    expect(replayed.code).toBe("CONFLICT");
    await expect(editor.project.create(w.projectArgs())).resolves.toBeTruthy();
  });
});
