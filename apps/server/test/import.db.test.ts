import type { Database, Kysely } from "@trame/db";
import { sql } from "@trame/db";
import type { FastifyInstance } from "fastify";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../src/http/app.ts";
import { readSpreadsheet } from "../src/imports/spreadsheet-reader.ts";
import { makeProgramme } from "./support/application-fixtures.ts";
import { failure } from "./support/expect-error.ts";
import { cookieFor } from "./support/export-fixtures.ts";
import { importWorld, uploadFile, workbook } from "./support/import-fixtures.ts";
import { useTestDb } from "./support/test-db.ts";

/** Issue 18: projects, actions and funding applications brought in from spreadsheets. */
const testDb = useTestDb();
const db = () => testDb().db;

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildApp({ db: db(), logLevel: "silent" });
});
afterAll(async () => {
  await app.close();
});

async function count(db: Kysely<Database>, query: ReturnType<typeof sql<{ n: number }>>): Promise<number> {
  const { rows } = await query.execute(db);
  return Number(rows[0]?.n ?? 0);
}
const projectsOf = (cooperationId: string) =>
  count(db(), sql<{ n: number }>`select count(*)::int as n from projects where cooperation_id = ${cooperationId}`);
const actionsOf = (cooperationId: string) =>
  count(db(), sql<{ n: number }>`select count(*)::int as n from actions where cooperation_id = ${cooperationId}`);

type World = Awaited<ReturnType<typeof importWorld>>;

async function upload(w: World, name: string, content: Buffer, user = w.editor, cooperationId = w.cooperationId) {
  const response = await uploadFile(app, db(), user, cooperationId, { name, content });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; sha256: string; sheets: { name: string; rowCount: number }[] };
}

const problemsOf = (preview: { rows: { row: number; problems: { header: string; message: { fr: string } }[] }[] }) =>
  Object.fromEntries(preview.rows.map((r) => [r.row, r.problems.map((p) => `${p.header}: ${p.message.fr}`)]));

function projectsFile(w: World) {
  return workbook([
    ["Intitulé", "Chef de file", "Partenaires", "Statut", "Date de début", "Budget (€)", "Thèmes", "Visibilité"],
    [
      "Plan alimentaire territorial",
      w.montpellier.name,
      `${w.picSaintLoup.name.replace("Communauté de communes", "CC")} (co-maître d'ouvrage)`,
      "En cours",
      new Date(Date.UTC(2026, 0, 15)),
      "1 234 567 €",
      "Alimentation; Santé",
      "Réservé aux partenaires",
    ],
    ["Schéma cyclable", w.montpellier.siren, "", "Idée", 46352, "1234567,50", "", ""],
    ["Date impossible", w.montpellier.name, "", "Idée", "31/02/2026", "", "", ""],
    ["Budget abrégé", w.montpellier.name, "", "Idée", "", "1,2 M€", "", ""],
    ["Partenaire inconnu", w.montpellier.name, "Communauté imaginaire", "Idée", "", "", "", ""],
    ["Partenaire ambigu", w.montpellier.name, `Val ${w.tag}`.replace("Val", "CC du Val"), "", "", "", "", ""],
    ["Étranger", w.montpellier.name, w.stranger.name, "Idée", "", "", "", "Réservé aux partenaires"],
    ["Statut hors workflow", w.montpellier.name, "", "En sommeil", "", "", "", ""],
    [null, null, null, null, null, null, null, null],
    ["TOTAL", null, null, null, null, 2469135, null, null],
  ]);
}

describe("import de projets", () => {
  it("prévisualise sans rien écrire : chaque ligne, chaque problème avec sa ligne, sa colonne et sa raison", async () => {
    const w = await importWorld(db());
    const stored = await upload(w, "projets.xlsx", await projectsFile(w));
    const preview = await w.editorCaller.import.preview({ uploadId: stored.id, kind: "projects" });
    expect(preview.headerRow).toBe(1);
    expect(preview.mapping).toEqual({
      0: "title",
      1: "lead",
      2: "partners",
      3: "status",
      4: "startedOn",
      5: "budget",
      6: "themes",
      7: "visibility",
    });
    expect(preview.rows.map((r) => [r.row, r.status])).toEqual([
      [2, "create"],
      [3, "create"],
      [4, "invalid"],
      [5, "invalid"],
      [6, "invalid"],
      [7, "invalid"],
      [8, "invalid"],
      [9, "invalid"],
      [10, "skipped"],
      [11, "skipped"],
    ]);
    const problems = problemsOf(preview);
    expect(problems[4]).toEqual([expect.stringMatching(/^Date de début: « 31\/02\/2026 » n'est pas une date/)]);
    expect(problems[5]).toEqual([expect.stringMatching(/^Budget \(€\): « 1,2 M€ » est un montant abrégé/)]);
    expect(problems[6]).toEqual(["Partenaires: Aucun territoire ne correspond à « Communauté imaginaire »"]);
    expect(problems[7]?.[0]).toContain("Plusieurs territoires correspondent");
    expect(problems[7]?.[0]).toContain(w.valA.siren ?? "");
    expect(problems[8]?.[0]).toContain("n'est pas membre de la coopération");
    expect(problems[9]?.[0]).toMatch(/^Statut: « En sommeil » n'est pas une valeur reconnue/);
    expect(problems[10]).toEqual([": Ligne vide, ignorée"]);
    expect(problems[11]).toEqual([": Ligne de total, ignorée"]);
    const english = preview.rows.find((r) => r.row === 5)?.problems[0]?.message.en;
    expect(english).toContain("abbreviated amount");
    expect(preview.counts).toEqual({ create: 2, update: 0, invalid: 6, skipped: 2 });
    expect(await projectsOf(w.cooperationId)).toBe(0);
  });

  it("tout ou rien : refusé s'il reste une erreur, rien d'écrit ; lignes valides seulement : créées avec journal et chronologie", async () => {
    const w = await importWorld(db());
    const stored = await upload(w, "projets.xlsx", await projectsFile(w));
    const refused = await failure(w.editorCaller.import.commit({ uploadId: stored.id, kind: "projects", mode: "all" }));
    expect(refused.code).toBe("PRECONDITION_FAILED");
    expect(refused.payload.message.fr).toContain("6 ligne(s) en erreur, rien n'a été écrit");
    expect(await projectsOf(w.cooperationId)).toBe(0);

    const result = await w.editorCaller.import.commit({ uploadId: stored.id, kind: "projects", mode: "valid" });
    expect([result.created, result.updated, result.skipped]).toEqual([2, 0, 8]);
    const list = await w.editorCaller.project.list({ cooperationId: w.cooperationId });
    const plan = list.items.find((p) => p.title === "Plan alimentaire territorial");
    expect(plan).toMatchObject({
      status: "in_progress",
      startedOn: "2026-01-15",
      budgetCents: 123_456_700,
      themes: ["food", "health"],
      visibility: "partners",
    });
    const detail = await w.editorCaller.project.get({ id: plan?.id ?? "" });
    expect(detail.partners.map((p) => [p.territory.id, p.role]).sort()).toEqual(
      [
        [w.montpellier.id, "lead"],
        [w.picSaintLoup.id, "co_owner"],
      ].sort(),
    );
    const cycle = list.items.find((p) => p.title === "Schéma cyclable");
    expect(cycle).toMatchObject({ startedOn: "2026-11-26", budgetCents: 123_456_750 });
    // The same services as manual entry: an audit line and a timeline entry per project.
    const audits = await count(
      db(),
      sql<{ n: number }>`select count(*)::int as n from audit_log
        where entity_type = 'project' and action = 'created' and actor_id = ${w.editor.id}`,
    );
    expect(audits).toBe(2);
    const entries = await count(
      db(),
      sql<{ n: number }>`select count(*)::int as n from timeline_entries
        where cooperation_id = ${w.cooperationId} and kind = 'project_status'`,
    );
    expect(entries).toBe(2);
  });

  it("réimporter le même fichier, puis une version corrigée : met à jour ce qu'il a créé, ne duplique rien", async () => {
    const w = await importWorld(db());
    const file = await projectsFile(w);
    const first = await upload(w, "projets.xlsx", file);
    await w.editorCaller.import.commit({ uploadId: first.id, kind: "projects", mode: "valid" });
    expect(await projectsOf(w.cooperationId)).toBe(2);

    const again = await upload(w, "projets.xlsx", file);
    expect(again.sha256).toBe(first.sha256);
    const preview = await w.editorCaller.import.preview({ uploadId: again.id, kind: "projects" });
    expect(preview.counts).toMatchObject({ create: 0, update: 2 });
    const repeat = await w.editorCaller.import.commit({ uploadId: again.id, kind: "projects", mode: "valid" });
    expect([repeat.created, repeat.updated]).toEqual([0, 0]);
    expect(repeat.rows.filter((r) => r.outcome === "unchanged")).toHaveLength(2);
    expect(await projectsOf(w.cooperationId)).toBe(2);

    // Corrected: a new budget and the bad date fixed; the rest as before.
    const corrected = await workbook([
      ["Intitulé", "Chef de file", "Budget", "Date de début"],
      ["Schéma cyclable", w.montpellier.name, "2 000 000 €", "2026-11-26"],
      ["Date impossible", w.montpellier.name, "", "28/02/2026"],
    ]);
    const third = await upload(w, "projets-corrigé.xlsx", corrected);
    const result = await w.editorCaller.import.commit({ uploadId: third.id, kind: "projects", mode: "all" });
    expect([result.created, result.updated]).toEqual([1, 1]);
    expect(await projectsOf(w.cooperationId)).toBe(3);
    const list = await w.editorCaller.project.list({ cooperationId: w.cooperationId });
    expect(list.items.find((p) => p.title === "Schéma cyclable")?.budgetCents).toBe(200_000_000);

    const history = await w.editorCaller.import.history({ cooperationId: w.cooperationId });
    expect(history.map((run) => [run.fileName, run.created, run.updated])).toEqual([
      ["projets-corrigé.xlsx", 1, 1],
      ["projets.xlsx", 0, 0],
      ["projets.xlsx", 2, 0],
    ]);
    expect(history[2]?.sha256).toBe(first.sha256);
    expect(history[0]?.actor?.id).toBe(w.editor.id);

    const report = await app.inject({
      url: `/api/imports/runs/${history[2]?.id}/report`,
      headers: { cookie: await cookieFor(db(), w.editor) },
    });
    expect(report.statusCode).toBe(200);
    expect(report.headers["content-type"]).toContain("text/csv");
    expect(report.body).toContain('"4";"Refusé";"Date impossible";"Date de début"');
    expect(report.body).toContain('"2";"Créé";"Plan alimentaire territorial"');
  });

  it("une colonne d'identifiant est la clé : renommer le projet dans le fichier le met à jour", async () => {
    const w = await importWorld(db());
    const file = (title: string) =>
      workbook([
        ["Référence", "Titre", "Porteur"],
        ["P-001", title, w.montpellier.name],
      ]);
    const first = await upload(w, "a.xlsx", await file("Maison de santé"));
    await w.editorCaller.import.commit({ uploadId: first.id, kind: "projects", mode: "all" });
    const second = await upload(w, "b.xlsx", await file("Maison de santé pluriprofessionnelle"));
    const result = await w.editorCaller.import.commit({ uploadId: second.id, kind: "projects", mode: "all" });
    expect([result.created, result.updated]).toEqual([0, 1]);
    const list = await w.editorCaller.project.list({ cooperationId: w.cooperationId });
    expect(list.items.map((p) => p.title)).toEqual(["Maison de santé pluriprofessionnelle"]);
  });

  it("retient la correspondance des colonnes choisie pour la même disposition d'en-têtes", async () => {
    const w = await importWorld(db());
    const file = () =>
      workbook([
        ["Nom de l'opération", "Collectivité pilote"],
        ["Tiers-lieu", w.montpellier.name],
      ]);
    const first = await upload(w, "a.xlsx", await file());
    const matched = await w.editorCaller.import.preview({ uploadId: first.id, kind: "projects", headerRow: 1 });
    expect(matched.mapping).toEqual({ 0: null, 1: null });
    expect(matched.mappingSource).toBe("matched");
    const mapping = { 0: "title", 1: "lead" };
    await w.editorCaller.import.commit({ uploadId: first.id, kind: "projects", headerRow: 1, mapping, mode: "all" });
    const second = await upload(w, "b.xlsx", await file());
    const remembered = await w.editorCaller.import.preview({ uploadId: second.id, kind: "projects", headerRow: 1 });
    expect(remembered.mappingSource).toBe("remembered");
    expect(remembered.mapping).toEqual(mapping);
    expect(remembered.counts).toMatchObject({ update: 1, invalid: 0 });
  });
});

describe("import d'actions", () => {
  it("lit un CSV d'Excel français (Windows-1252, point-virgule) et toutes les formes de date ; réimport sans doublon", async () => {
    const w = await importWorld(db());
    const project = await w.editorCaller.project.create({
      cooperationId: w.cooperationId,
      title: "Plan alimentaire territorial",
      partners: [
        { territoryId: w.montpellier.id, role: "lead" },
        { territoryId: w.picSaintLoup.id, role: "partner" },
      ],
    });
    const csv = iconv.encode(
      [
        "Date de la réunion;Nature;Objet;Projet concerné;Territoires concernés;Compte rendu",
        `26/11/2026;Réunion;Comité de pilotage;Plan alimentaire territorial;${w.montpellier.siren};Validé`,
        "2026-11-27;Délibération;Délibération cadre;;;",
        "46353;Atelier;Atelier cantines;plan alimentaire TERRITORIAL;;",
        "11/26/2026;Réunion;Date à l'américaine;;;",
        "27/11/2026;Pique-nique;Nature inconnue;;;",
        `28/11/2026;Réunion;Hors projet;Plan alimentaire territorial;${w.valA.siren};`,
        "29/11/2026;Réunion;Projet inconnu;Projet fantôme;;",
      ].join("\r\n"),
      "windows-1252",
    );
    const stored = await upload(w, "actions.csv", csv);
    const preview = await w.editorCaller.import.preview({ uploadId: stored.id, kind: "actions" });
    expect(preview.rows.map((r) => r.status)).toEqual([
      "create",
      "create",
      "create",
      "invalid",
      "invalid",
      "invalid",
      "invalid",
    ]);
    const problems = problemsOf(preview);
    expect(problems[5]?.[0]).toContain("« 11/26/2026 » n'est pas une date");
    expect(problems[6]?.[0]).toContain("« Pique-nique » n'est pas une valeur reconnue");
    expect(problems[7]?.[0]).toContain("n'est pas partenaire du projet");
    expect(problems[8]?.[0]).toContain("Aucun projet de la coopération ne s'appelle « Projet fantôme »");

    const result = await w.editorCaller.import.commit({ uploadId: stored.id, kind: "actions", mode: "valid" });
    expect(result.created).toBe(3);
    const onProject = await w.editorCaller.action.list({ projectId: project.id });
    expect(onProject.items.map((a) => [a.occurredOn, a.kind, a.title]).sort()).toEqual([
      ["2026-11-26", "meeting", "Comité de pilotage"],
      ["2026-11-27", "workshop", "Atelier cantines"],
    ]);
    const copil = onProject.items.find((a) => a.title === "Comité de pilotage");
    expect(copil?.territories.map((t) => t.id)).toEqual([w.montpellier.id]);
    expect(copil?.notes).toBe("Validé");
    const entries = await count(
      db(),
      sql<{ n: number }>`select count(*)::int as n from timeline_entries
        where cooperation_id = ${w.cooperationId} and action_id is not null`,
    );
    expect(entries).toBe(3);

    const again = await upload(w, "actions.csv", csv);
    const repeat = await w.editorCaller.import.commit({ uploadId: again.id, kind: "actions", mode: "valid" });
    expect(repeat.created).toBe(0);
    expect(await actionsOf(w.cooperationId)).toBe(3);
  });
});

describe("import de demandes de financement", () => {
  it("montants sous un en-tête fusionné, dispositif par sigle, statut suivi dans le workflow, versement ; réimport sans doublon", async () => {
    const w = await importWorld(db());
    const programme = await makeProgramme(db());
    await w.editorCaller.project.create({
      cooperationId: w.cooperationId,
      title: "Rénovation des écoles",
      partners: [
        { territoryId: w.montpellier.id, role: "lead" },
        { territoryId: w.picSaintLoup.id, role: "partner" },
      ],
    });
    const file = await workbook(
      [
        ["Projet", "Dispositif", "Montant", null, null, "Date de dépôt", "Statut"],
        [null, null, "sollicité", "accordé", "versé", null, null],
        ["Rénovation des écoles", programme.acronym, "250 000 €", "200 000 €", "50 000 €", "15/03/2026", "Accordée"],
        ["Rénovation des écoles", "Dispositif inconnu", "1000", "", "", "", ""],
        ["Rénovation des écoles", programme.name, "100 €", "200 €", "", "", "Accordée"],
        ["Rénovation des écoles", programme.name, "1000", "", "500", "", ""],
      ],
      { merge: ["C1:E1"] },
    );
    const stored = await upload(w, "financements.xlsx", file);
    const preview = await w.editorCaller.import.preview({ uploadId: stored.id, kind: "applications", headerRow: 2 });
    expect(preview.headers).toEqual([
      "Projet",
      "Dispositif",
      "Montant sollicité",
      "Montant accordé",
      "Montant versé",
      "Date de dépôt",
      "Statut",
    ]);
    expect(preview.rows.map((r) => r.status)).toEqual(["create", "invalid", "invalid", "invalid"]);
    const problems = problemsOf(preview);
    expect(problems[4]?.[0]).toContain("Aucun dispositif du catalogue");
    expect(problems[5]?.[0]).toContain("dépasse le montant sollicité");
    expect(problems[6]?.[0]).toContain("Un montant versé suppose un montant accordé");

    const refused = await failure(
      w.editorCaller.import.commit({ uploadId: stored.id, kind: "applications", headerRow: 2, mode: "all" }),
    );
    expect(refused.code).toBe("PRECONDITION_FAILED");
    const result = await w.editorCaller.import.commit({
      uploadId: stored.id,
      kind: "applications",
      headerRow: 2,
      mode: "valid",
    });
    expect(result.created).toBe(1);
    const id = result.rows.find((r) => r.outcome === "created")?.entityId ?? "";
    const application = await w.editorCaller.funding.getApplication({ id });
    expect(application).toMatchObject({
      status: "granted",
      requestedCents: 25_000_000,
      grantedCents: 20_000_000,
      paidCents: 5_000_000,
      submittedOn: "2026-03-15",
      applicant: { id: w.montpellier.id },
    });

    const again = await upload(w, "financements.xlsx", file);
    const repeat = await w.editorCaller.import.commit({
      uploadId: again.id,
      kind: "applications",
      headerRow: 2,
      mode: "valid",
    });
    expect([repeat.created, repeat.updated]).toEqual([0, 0]);
    const stored2 = await count(
      db(),
      sql<{ n: number }>`select count(*)::int as n from funding_applications where id = ${id} and paid_cents = 5000000`,
    );
    expect(stored2).toBe(1);
    const all = await count(
      db(),
      sql<{ n: number }>`select count(*)::int as n from funding_applications a join projects p on p.id = a.project_id
        where p.cooperation_id = ${w.cooperationId}`,
    );
    expect(all).toBe(1);
  });
});

describe("droits", () => {
  it("un éditeur de Bordeaux ne peut pas importer dans la coopération de Montpellier", async () => {
    const w = await importWorld(db());
    const file = await workbook([
      ["Intitulé", "Chef de file"],
      ["Projet infiltré", w.montpellier.name],
    ]);
    const refused = await uploadFile(app, db(), w.bordeauxEditor, w.cooperationId, { name: "x.xlsx", content: file });
    expect(refused.statusCode).toBe(403);
    // Nor use an upload of Montpellier's editor, nor commit it.
    const stored = await upload(w, "x.xlsx", file);
    const preview = await failure(w.bordeauxCaller.import.preview({ uploadId: stored.id, kind: "projects" }));
    expect(preview.code).toBe("NOT_FOUND");
    const commit = await failure(
      w.bordeauxCaller.import.commit({ uploadId: stored.id, kind: "projects", mode: "valid" }),
    );
    expect(commit.code).toBe("NOT_FOUND");
    const history = await failure(w.bordeauxCaller.import.history({ cooperationId: w.cooperationId }));
    expect(history.code).toBe("FORBIDDEN");
    expect(await projectsOf(w.cooperationId)).toBe(0);
  });

  it("un projet dont le chef de file n'est pas le territoire de l'éditeur est refusé à la ligne", async () => {
    const w = await importWorld(db());
    const file = await workbook([
      ["Intitulé", "Chef de file"],
      ["Projet au nom du voisin", w.picSaintLoup.name],
      ["Projet à mon nom", w.montpellier.name],
    ]);
    const stored = await upload(w, "x.xlsx", file);
    const preview = await w.editorCaller.import.preview({ uploadId: stored.id, kind: "projects" });
    expect(preview.rows.map((r) => r.status)).toEqual(["invalid", "create"]);
    expect(problemsOf(preview)[2]?.[0]).toContain("Vous n'êtes pas éditeur");
  });

  it("refuse ce qui n'est pas un tableur, sans rien garder", async () => {
    const w = await importWorld(db());
    const response = await uploadFile(app, db(), w.editor, w.cooperationId, {
      name: "photo.xlsx",
      content: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.trame.message.fr).toContain("protégé par un mot de passe");
    const uploads = await count(
      db(),
      sql<{ n: number }>`select count(*)::int as n from import_uploads where cooperation_id = ${w.cooperationId}`,
    );
    expect(uploads).toBe(0);
  });
});

describe("modèles", () => {
  it.each(["projects", "actions", "applications"] as const)(
    "le modèle %s a chaque colonne attendue, reconnue à l'import, et une ligne d'exemple",
    async (kind) => {
      const w = await importWorld(db());
      const response = await app.inject({
        url: `/api/imports/templates/${kind}`,
        headers: { cookie: await cookieFor(db(), w.editor) },
      });
      expect(response.statusCode).toBe(200);
      const [sheet] = await readSpreadsheet(response.rawPayload);
      const { importFields, matchHeaders } = await import("@trame/core");
      const headers = (sheet?.rows[0] ?? []).map(String);
      expect(Object.values(matchHeaders(kind, headers))).toEqual(importFields[kind].map((f) => f.key));
      expect(sheet?.rows[1]?.length).toBe(importFields[kind].length);
    },
  );
});
