import { randomUUID } from "node:crypto";
import { addDays, type CooperationHealth, type HealthIndicatorKey, todayInFrance } from "@trame/core";

import { parse } from "csv-parse/sync";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../src/http/app.ts";
import { makeProgramme } from "./support/application-fixtures.ts";
import { failure } from "./support/expect-error.ts";
import { cookieFor } from "./support/export-fixtures.ts";
import { callerFor, makeUser } from "./support/factories.ts";
import { projectWorld } from "./support/project-fixtures.ts";
import { useTestDb } from "./support/test-db.ts";

const testDb = useTestDb();
const db = () => testDb().db;
const today = todayInFrance();
const daysAgo = (n: number) => addDays(today, -n);

/**
 * A metropolis and a neighbour cooperating since 2020 with an adopted narrative and half a post of
 * metropolis staff; an open project led by the metropolis and a project restricted to the two
 * partners, led by the neighbour, each with actions and one application; an outsider who reads.
 */
async function healthWorld() {
  const w = await projectWorld(db());
  const [leadEditor, partnerEditor] = await Promise.all([w.as("leadEditor"), w.as("partnerEditor")]);
  await leadEditor.cooperation.update({
    id: w.cooperation.id,
    version: w.cooperation.version,
    narrativeText: "Un bassin de vie et une ressource en eau partagés",
    narrativeAdoptedOn: "2021-01-10",
    engineeringFte: 0.5,
    engineeringKind: "metropolis_staff",
    engineeringProviderId: w.lead.id,
  });
  const open = await w.createProject({ title: `Cantines ${randomUUID().slice(0, 6)}`, status: "in_progress" });
  const restricted = await partnerEditor.project.create(
    w.projectArgs({
      title: `Captage réservé ${randomUUID().slice(0, 6)}`,
      themes: ["water"],
      status: "in_progress",
      visibility: "partners",
      partners: [
        { territoryId: w.partner.id, role: "lead" },
        { territoryId: w.lead.id, role: "partner" },
      ],
    }),
  );
  const log = (
    caller: typeof leadEditor,
    target: { projectId?: string; cooperationId?: string },
    n: number,
    kind = "meeting" as const,
  ) => caller.action.create({ ...target, occurredOn: daysAgo(n), kind, title: `Réunion ${n}` });
  await log(leadEditor, { projectId: open.id }, 30);
  await log(leadEditor, { cooperationId: w.cooperation.id }, 120);
  await log(partnerEditor, { projectId: restricted.id }, 60);
  await partnerEditor.action.create({
    projectId: restricted.id,
    occurredOn: daysAgo(90),
    kind: "workshop",
    title: "Atelier captage",
  });

  const [openProgramme, secretProgramme] = await Promise.all([makeProgramme(db()), makeProgramme(db())]);
  await leadEditor.funding.createApplication({
    projectId: open.id,
    applicantTerritoryId: w.lead.id,
    programmeId: openProgramme.id,
    requestedCents: 8_000_000,
  });
  await partnerEditor.funding.createApplication({
    projectId: restricted.id,
    applicantTerritoryId: w.partner.id,
    programmeId: secretProgramme.id,
    requestedCents: 5_000_000,
  });
  return { ...w, open, restricted, secretProgramme };
}

const indicator = (sheet: CooperationHealth, key: HealthIndicatorKey) => {
  const found = sheet.indicators.find((i) => i.key === key);
  if (!found) throw new Error(`no indicator ${key}`);
  return found;
};
const fact = (sheet: CooperationHealth, key: HealthIndicatorKey, factKey: string) =>
  indicator(sheet, key).basis.find((f) => f.key === factKey)?.value;

let world: Awaited<ReturnType<typeof healthWorld>>;
beforeAll(async () => {
  world = await healthWorld();
}, 60_000);

describe("santé d'une coopération : droits", () => {
  it("un visiteur anonyme est refusé, pour la fiche comme pour la comparaison", async () => {
    const anonymous = await callerFor(db(), null);
    expect((await failure(anonymous.health.cooperation({ cooperationId: world.cooperation.id }))).code).toBe(
      "UNAUTHORIZED",
    );
    expect((await failure(anonymous.health.compare({ territoryId: world.lead.id }))).code).toBe("UNAUTHORIZED");
  });

  it("tout utilisateur connecté lit la fiche, même d'un territoire hors de la coopération", async () => {
    const sheet = await (await world.as("outsiderEditor")).health.cooperation({ cooperationId: world.cooperation.id });
    expect(sheet.cooperation.id).toBe(world.cooperation.id);
    expect(sheet.indicators).toHaveLength(13);
  });

  it("une coopération ou un territoire inconnus sont introuvables", async () => {
    const reader = await world.as("leadViewer");
    expect((await failure(reader.health.cooperation({ cooperationId: randomUUID() }))).code).toBe("NOT_FOUND");
    expect((await failure(reader.health.compare({ territoryId: randomUUID() }))).code).toBe("NOT_FOUND");
  });
});

describe("santé d'une coopération : valeurs", () => {
  it("calcule les indicateurs à partir de ce qui est enregistré", async () => {
    const sheet = await (await world.as("partnerViewer")).health.cooperation({ cooperationId: world.cooperation.id });
    expect(sheet.asOf).toBe(today);
    expect(sheet.metropolis).toMatchObject({ territoryId: world.lead.id, basis: "metropolis_kind" });
    expect(indicator(sheet, "narrative").status).toBe("good");
    expect(fact(sheet, "narrative", "adoptedOn")).toBe("2021-01-10");
    expect(fact(sheet, "narrative", "lastRevisedOn")).toBe(today);
    expect(indicator(sheet, "engineering")).toMatchObject({ status: "good", value: { kind: "fte", fte: 0.5 } });
    expect(fact(sheet, "engineering", "metropolisLends")).toBe(true);
    expect(indicator(sheet, "age")).toMatchObject({ status: "good", period: { from: "2020-01-15", to: today } });
    expect(fact(sheet, "cadence", "meetings")).toBe(4);
    expect(indicator(sheet, "breadth").value).toMatchObject({ kind: "share", numerator: 2, denominator: 2 });
    expect(fact(sheet, "balance", "metropolisLed")).toBe(2);
    expect(fact(sheet, "balance", "neighbourLed")).toBe(3);
    expect(fact(sheet, "balance", "unattributed")).toBe(1);
    expect(fact(sheet, "fragmentation", "fundedProjects")).toBe(2);
    expect(indicator(sheet, "results").value).toMatchObject({ kind: "share", numerator: 2, denominator: 2 });
    expect(indicator(sheet, "successRate").insufficient).toMatchObject({ reason: "too_few_decided", have: 0 });
  });

  it("une date de référence passée recalcule la fiche pour ce jour-là", async () => {
    const reader = await world.as("partnerViewer");
    const sheet = await reader.health.cooperation({ cooperationId: world.cooperation.id, asOf: "2022-01-15" });
    expect(indicator(sheet, "age").value).toEqual({ kind: "months", months: 24 });
    expect(fact(sheet, "results", "projects")).toBe(0);
  });

  it("les données d'un projet réservé sont cachées à qui n'en est pas partenaire", async () => {
    const outsider = await (await world.as("outsiderEditor")).health.cooperation({
      cooperationId: world.cooperation.id,
    });
    expect(fact(outsider, "cadence", "meetings")).toBe(2);
    expect(fact(outsider, "results", "projects")).toBe(1);
    expect(fact(outsider, "fragmentation", "fundedProjects")).toBe(1);
    expect(fact(outsider, "balance", "neighbourLed")).toBe(0);
    expect(JSON.stringify(outsider)).not.toContain(world.secretProgramme.name);
    const admin = await (await world.as("instanceAdmin")).health.cooperation({ cooperationId: world.cooperation.id });
    expect(fact(admin, "results", "projects")).toBe(2);
  });
});

describe("comparaison des coopérations d'un territoire", () => {
  it("liste les coopérations dont le territoire est membre aujourd'hui, par nom, sans les archivées ni celles qu'il a quittées", async () => {
    const leadAdmin = await world.as("leadAdmin");
    const instanceAdmin = await world.as("instanceAdmin");
    const tag = randomUUID().slice(0, 6);
    const second = await leadAdmin.cooperation.create({
      name: `Alpha convention ${tag}`,
      engagementForm: "convention",
      leadTerritoryId: world.lead.id,
      startedOn: "2024-02-01",
    });
    const archived = await leadAdmin.cooperation.create({
      name: `Archivée ${tag}`,
      engagementForm: "informal",
      leadTerritoryId: world.lead.id,
    });
    await leadAdmin.cooperation.archive({ id: archived.id, version: archived.version });
    const elsewhere = await instanceAdmin.cooperation.create({
      name: `Quittée ${tag}`,
      engagementForm: "entente",
      leadTerritoryId: world.outsider.id,
    });
    const joined = await instanceAdmin.cooperation.addMember({
      cooperationId: elsewhere.id,
      territoryId: world.lead.id,
      role: "member",
      joinedOn: "2023-01-01",
    });
    const membership = joined.members.find((m) => m.territory.id === world.lead.id);
    if (!membership) throw new Error("member not added");
    await instanceAdmin.cooperation.removeMember({
      memberId: membership.id,
      version: membership.version,
      leftOn: "2024-01-01",
    });

    const comparison = await (await world.as("partnerViewer")).health.compare({ territoryId: world.lead.id });
    expect(comparison.territory).toEqual({ id: world.lead.id, name: world.lead.name });
    expect(comparison.cooperations.map((c) => c.cooperation.id)).toEqual([second.id, world.cooperation.id]);
    expect(
      comparison.cooperations.every((c) => c.indicators.length === 13 && c.indicators.every((i) => i.trend === null)),
    ).toBe(true);
    const partnerSide = await (await world.as("partnerViewer")).health.compare({ territoryId: world.partner.id });
    expect(partnerSide.cooperations.map((c) => c.cooperation.id)).toEqual([world.cooperation.id]);
  });
});

describe("export CSV de la santé", () => {
  let app: FastifyInstance;
  let partnerCookie: string;
  let outsiderCookie: string;
  beforeAll(async () => {
    app = await buildApp({ db: db(), logLevel: "silent" });
    const [partner, outsider] = await Promise.all([
      makeUser(db(), { memberships: [{ territoryId: world.partner.id, role: "viewer" }] }),
      makeUser(db(), { memberships: [{ territoryId: world.outsider.id, role: "viewer" }] }),
    ]);
    [partnerCookie, outsiderCookie] = await Promise.all([cookieFor(db(), partner), cookieFor(db(), outsider)]);
  });
  afterAll(() => app?.close());

  const get = (query: string, cookie?: string) =>
    app.inject({ url: `/api/exports/health.csv?${query}`, headers: cookie ? { cookie } : {} });
  const rowsOf = (body: string): Array<Record<string, string>> =>
    parse(body, { bom: true, delimiter: ";", columns: true });

  it("une ligne par indicateur, lisible par un tableur français", async () => {
    const response = await get(`cooperationId=${world.cooperation.id}`, partnerCookie);
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(response.headers["content-disposition"]).toMatch(
      /^attachment; filename="sante-cooperation-interterritoriale-[a-z0-9-]+\.csv"$/,
    );
    const rows = rowsOf(response.body);
    expect(rows).toHaveLength(13);
    const narrative = rows.find((r) => r.Indicateur === "Récit commun");
    expect(narrative).toMatchObject({
      Statut: "Bon",
      Famille: "Récit commun",
      "Valeur (nombre)": "1",
      "Période au": today.split("-").reverse().join("/"),
    });
    expect(narrative?.["Pourquoi c'est important"]).toContain("Sciences Po");
    expect(rows.find((r) => r.Indicateur === "Ingénierie dédiée")).toMatchObject({
      Valeur: "0,5 ETP",
      "Valeur (nombre)": "0,5",
      Unité: "ETP",
    });
    expect(rows.find((r) => r.Indicateur === "Taux de succès des demandes")?.["Données insuffisantes"]).toBe(
      "0 demande(s) décidée(s) ; il en faut au moins 3.",
    );
  });

  it("la comparaison d'un territoire donne treize lignes par coopération, sans les données réservées", async () => {
    const rows = rowsOf((await get(`territoryId=${world.partner.id}`, outsiderCookie)).body);
    expect(rows).toHaveLength(13);
    expect(rows.find((r) => r.Indicateur === "Résultats des projets")?.Données).toContain("Projets : 1");
    expect(JSON.stringify(rows)).not.toContain(world.secretProgramme.name);
  });

  it("refuse un appel sans session, sans périmètre ou avec deux périmètres", async () => {
    expect((await get(`cooperationId=${world.cooperation.id}`)).statusCode).toBe(401);
    expect((await get("", partnerCookie)).statusCode).toBe(400);
    const both = await get(`cooperationId=${world.cooperation.id}&territoryId=${world.lead.id}`, partnerCookie);
    expect(both.statusCode).toBe(400);
    expect((await get(`cooperationId=${randomUUID()}`, partnerCookie)).statusCode).toBe(404);
  });
});
