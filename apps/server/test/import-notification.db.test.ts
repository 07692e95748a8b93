import { addDays, todayInFrance } from "@trame/core";

import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../src/http/app.ts";
import { buildDigests, sendImmediateNotifications } from "../src/jobs/mail-digest.job.ts";
import { callerFor, makeUser } from "./support/factories.ts";
import { importWorld, uploadFile, workbook } from "./support/import-fixtures.ts";
import { useNotificationQueue } from "./support/notification-queue.ts";
import { useTestDb } from "./support/test-db.ts";

/** Issue 14 × 18: an import's new actions reach followers like typed ones, once per place, not per row. */
const testDb = useTestDb();
const db = () => testDb().db;
const { queue, takeJobs, runJobs } = useNotificationQueue(testDb);
const PUBLIC_URL = "https://trame.example.fr";

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildApp({ db: db(), logLevel: "silent" });
});
afterAll(async () => {
  await app.close();
});

const mailsTo = (email: string) =>
  db().selectFrom("mail_outbox").select(["kind", "subject", "text"]).where("to_address", "=", email).execute();

describe("import d'actions : notifications", () => {
  it("300 lignes sur la coopération et un projet réservé : un événement par lieu, un e-mail, rien pour l'auteur ni les non-partenaires", async () => {
    const w = await importWorld(db());
    const author = await callerFor(db(), w.editor, "127.0.0.1", { notifications: queue() });
    const project = await author.project.create({
      cooperationId: w.cooperationId,
      title: "Plan alimentaire territorial",
      visibility: "partners",
      partners: [
        { territoryId: w.montpellier.id, role: "lead" },
        { territoryId: w.picSaintLoup.id, role: "partner" },
      ],
    });
    const partnerViewer = await makeUser(db(), { memberships: [{ territoryId: w.picSaintLoup.id, role: "viewer" }] });
    const memberViewer = await makeUser(db(), { memberships: [{ territoryId: w.valA.id, role: "viewer" }] });
    await takeJobs();

    const rows = Array.from({ length: 300 }, (_, i) => [
      "26/11/2026",
      "Réunion",
      `Atelier n° ${i + 1}`,
      i < 250 ? "" : "Plan alimentaire territorial",
    ]);
    const content = await workbook([["Date de la réunion", "Nature", "Objet", "Projet concerné"], ...rows]);
    const response = await uploadFile(app, db(), w.editor, w.cooperationId, { name: "actions.xlsx", content });
    expect(response.statusCode, response.body).toBe(201);
    const { id } = response.json() as { id: string };
    const result = await author.import.commit({ uploadId: id, kind: "actions", mode: "all" });
    expect(result.created).toBe(300);

    const jobs = await takeJobs();
    expect(jobs.map((j) => j.event).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))).toEqual([
      expect.objectContaining({
        kind: "actions_imported",
        projectId: null,
        importRunId: result.runId,
        count: 250,
        actionTitles: ["Atelier n° 1", "Atelier n° 2", "Atelier n° 3"],
      }),
      expect.objectContaining({
        kind: "actions_imported",
        projectId: project.id,
        count: 50,
        actionTitles: ["Atelier n° 251", "Atelier n° 252", "Atelier n° 253"],
      }),
    ]);
    await runJobs(jobs);

    const partner = await (await callerFor(db(), partnerViewer)).notification.list({});
    expect(partner.items.map((i) => [i.category, i.kind, i.link]).sort()).toEqual(
      [
        ["action", "actions_imported", `/cooperations/${w.cooperationId}`],
        ["action", "actions_imported", `/projets/${project.id}`],
      ].sort(),
    );
    const onProject = partner.items.find((i) => i.event.kind === "actions_imported" && i.event.projectId);
    expect(onProject?.title.fr).toMatch(
      /^Chargée de mission .* a importé 50 actions \(Plan alimentaire territorial\) : « Atelier n° 251 », « Atelier n° 252 », « Atelier n° 253 » et 47 autres$/,
    );
    expect(onProject?.title.en).toContain("imported 50 actions (Plan alimentaire territorial)");
    // A member of the cooperation who is no partner of the restricted project hears of the cooperation's only.
    const member = await (await callerFor(db(), memberViewer)).notification.list({});
    expect(member.items.map((i) => i.event)).toEqual([expect.objectContaining({ projectId: null, count: 250 })]);
    expect(await author.notification.unreadCount()).toBe(0);

    // E-mail: "immediately" means one message per place, not per row; the default (daily) one digest.
    await (await callerFor(db(), memberViewer)).notificationPrefs.set({ category: "action", delivery: "immediately" });
    await sendImmediateNotifications(testDb(), null, PUBLIC_URL);
    expect((await mailsTo(memberViewer.email)).map((m) => m.kind)).toEqual(["notification"]);
    expect(await mailsTo(partnerViewer.email)).toEqual([]);
    await buildDigests(testDb(), null, { period: "daily", today: addDays(todayInFrance(), 1), publicUrl: PUBLIC_URL });
    const digest = await mailsTo(partnerViewer.email);
    expect(digest.map((m) => m.kind)).toEqual(["digest-daily"]);
    expect(digest[0]?.text).toContain("a importé 250 actions");
    expect(digest[0]?.text).toContain("a importé 50 actions");
  }, 180_000);

  it("réimporter le même fichier ne crée rien et ne notifie personne", async () => {
    const w = await importWorld(db());
    const author = await callerFor(db(), w.editor, "127.0.0.1", { notifications: queue() });
    const content = await workbook([
      ["Date de la réunion", "Nature", "Objet"],
      ["26/11/2026", "Réunion", "Comité de pilotage"],
    ]);
    for (const expected of [1, 0]) {
      const response = await uploadFile(app, db(), w.editor, w.cooperationId, { name: "actions.xlsx", content });
      const { id } = response.json() as { id: string };
      const result = await author.import.commit({ uploadId: id, kind: "actions", mode: "valid" });
      expect(result.created).toBe(expected);
      expect(await takeJobs()).toHaveLength(expected);
    }
  });
});
