import { randomUUID } from "node:crypto";
import { parse } from "csv-parse/sync";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../src/http/app.ts";
import { cookieFor } from "./support/export-fixtures.ts";
import { makeTerritory, makeUser } from "./support/factories.ts";
import { makeApplication, makeCooperation, makeFundingProject, makeProgramme } from "./support/funding-fixtures.ts";
import { useTestDb } from "./support/test-db.ts";

const testDb = useTestDb();
const db = () => testDb().db;
let app: FastifyInstance;

const get = (url: string, cookie?: string) => app.inject({ url, headers: cookie ? { cookie } : {} });
/** csv-parse, not our code, reads the file back: what a spreadsheet would see. */
const readCsv = (body: string): Array<Record<string, string>> =>
  parse(body, { bom: true, delimiter: ";", columns: true });

/** Orléans files two applications on an open project and one on a project restricted to its partners. */
async function applicationsWorld() {
  const tag = randomUUID().slice(0, 6);
  const [orleans, sologne, elsewhere] = await Promise.all([
    makeTerritory(db(), { kind: "METRO", name: `Orléans Métropole ${tag}` }),
    makeTerritory(db(), { name: `CC des Portes de Sologne ${tag}` }),
    makeTerritory(db(), { name: `CC Cœur de Loire ${tag}` }),
  ]);
  const cooperation = await makeCooperation(db());
  const partners: Array<[string, "lead" | "partner"]> = [
    [orleans.id, "lead"],
    [sologne.id, "partner"],
  ];
  const open = await makeFundingProject(db(), {
    cooperationId: cooperation.id,
    partners,
    title: "Légumerie intercommunale",
  });
  const restricted = await makeFundingProject(db(), {
    cooperationId: cooperation.id,
    partners,
    visibility: "partners",
    title: "Étude réservée aux partenaires",
  });
  const dsil = await makeProgramme(db(), { name: "DSIL", funderName: "Préfecture du Loiret", funderKind: "state" });
  const leader = await makeProgramme(db(), { name: "LEADER", funderName: "Union européenne", funderKind: "eu" });
  await makeApplication(db(), {
    projectId: open.id,
    applicantTerritoryId: orleans.id,
    programmeId: dsil.id,
    status: "granted",
    eligibleBaseCents: 10_000_000,
    requestedCents: 4_550_000,
    grantedCents: 4_000_000,
    submissionDeadline: "2025-01-31",
    submittedOn: "2025-01-15",
    decisionOn: "2025-05-02",
    spendingDeadline: "2027-12-31",
    callReference: "=SOMME(A1:A9)",
    payments: [["2025-07-01", 123_450]],
  });
  await makeApplication(db(), {
    projectId: open.id,
    applicantTerritoryId: sologne.id,
    programmeId: leader.id,
    status: "under_review",
    requestedCents: 2_000_001,
    submittedOn: "2025-03-03",
  });
  await makeApplication(db(), {
    projectId: restricted.id,
    applicantTerritoryId: orleans.id,
    programmeId: dsil.id,
    status: "draft",
    requestedCents: 100,
  });
  const partner = await makeUser(db(), { memberships: [{ territoryId: sologne.id, role: "viewer" }] });
  const outsider = await makeUser(db(), { memberships: [{ territoryId: elsewhere.id, role: "viewer" }] });
  return {
    orleans,
    dsil,
    open,
    restricted,
    partnerCookie: await cookieFor(db(), partner),
    outsiderCookie: await cookieFor(db(), outsider),
  };
}

let world: Awaited<ReturnType<typeof applicationsWorld>>;
beforeAll(async () => {
  app = await buildApp({ db: db(), logLevel: "silent" });
  world = await applicationsWorld();
});
afterAll(() => app?.close());

describe("export CSV des demandes de financement", () => {
  it("s'ouvre dans un tableur français : BOM, point-virgule, montants à virgule, dates françaises, statut en clair", async () => {
    const response = await get(`/api/exports/applications.csv?territoryId=${world.orleans.id}`, world.partnerCookie);
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(response.headers["content-disposition"]).toMatch(
      /^attachment; filename="demandes-de-financement-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    expect([...response.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(response.body).toMatch(
      /^\uFEFFProjet;Dispositif;Financeur;Type de financeur;Demandeur;Statut;Référence de l'appel;Assiette éligible \(€\);/,
    );
    const rows = readCsv(response.body);
    expect(rows).toHaveLength(3);
    expect(rows.find((r) => r.Dispositif === world.dsil.name && r.Projet === world.open.title)).toEqual({
      Projet: "Légumerie intercommunale",
      Dispositif: world.dsil.name,
      Financeur: world.dsil.funder.name,
      "Type de financeur": "État",
      Demandeur: world.orleans.name,
      Statut: "Accordée",
      "Référence de l'appel": "'=SOMME(A1:A9)",
      "Assiette éligible (€)": "100000,00",
      "Montant demandé (€)": "45500,00",
      "Montant accordé (€)": "40000,00",
      "Montant versé (€)": "1234,50",
      "Taux demandé (%)": "45,5",
      "Taux accordé (%)": "40",
      "Date limite de dépôt": "31/01/2025",
      "Déposée le": "15/01/2025",
      "Décision le": "02/05/2025",
      "Convention signée le": "",
      "Date limite des dépenses": "31/12/2027",
    });
    expect(rows.find((r) => r.Statut === "En instruction")).toMatchObject({
      "Type de financeur": "Union européenne",
      "Montant demandé (€)": "20000,01",
      "Montant accordé (€)": "",
      "Taux demandé (%)": "",
    });
  });

  it("applique le filtre de statut, et cache les demandes d'un projet réservé à qui n'en est pas partenaire", async () => {
    const url = `/api/exports/applications.csv?territoryId=${world.orleans.id}`;
    const drafts = readCsv((await get(`${url}&status=draft`, world.partnerCookie)).body);
    expect(drafts.map((r) => r.Projet)).toEqual([world.restricted.title]);
    const outsiderBody = (await get(url, world.outsiderCookie)).body;
    expect(readCsv(outsiderBody)).toHaveLength(2);
    expect(outsiderBody).not.toContain(world.restricted.title);
  });

  it("« mine=true » ne garde que les demandes qui concernent les territoires du lecteur", async () => {
    const mine = "/api/exports/applications.csv?mine=true";
    expect(readCsv((await get(mine, world.partnerCookie)).body)).toHaveLength(3);
    const outsider = await get(mine, world.outsiderCookie);
    expect(outsider.statusCode).toBe(200);
    expect(readCsv(outsider.body)).toHaveLength(0);
    const bad = await get("/api/exports/applications.csv?mine=peut-etre", world.partnerCookie);
    expect(bad.json().error.trame.fields.map((f: { field: string }) => f.field)).toEqual(["mine"]);
  });

  it("répond 400 en nommant les champs fautifs, et 401 sans session", async () => {
    const bad = await get("/api/exports/applications.csv?territoryId=nope&status=payee", world.partnerCookie);
    expect(bad.statusCode).toBe(400);
    const fields = bad.json().error.trame.fields.map((f: { field: string }) => f.field);
    expect(fields.sort()).toEqual(["status", "territoryId"]);
    expect((await get(`/api/exports/applications.csv?territoryId=${world.orleans.id}`)).statusCode).toBe(401);
  });
});
