import { randomUUID } from "node:crypto";
import { sql } from "@trame/db";
import { beforeAll, describe, expect, it } from "vitest";
import { CURATED_PROGRAMMES, seedFundingCatalogue } from "../src/seed/seed-funding-catalogue.ts";
import { importDepartements } from "../src/territories/import-departements.ts";
import { failure, fieldsOf } from "./support/expect-error.ts";
import { makeTerritory } from "./support/factories.ts";
import { projectWorld } from "./support/project-fixtures.ts";
import { snapshot } from "./support/table-snapshot.ts";
import { useTestDb } from "./support/test-db.ts";

const testDb = useTestDb();
const db = () => testDb().db;

let firstRun: Awaited<ReturnType<typeof seedFundingCatalogue>>;
beforeAll(async () => {
  firstRun = await seedFundingCatalogue(db());
});

const count = async (table: "funding_programmes" | "funders" | "departements") =>
  Number(
    (
      await db()
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe("catalogue des dispositifs : données de référence", () => {
  it("charge les 30 dispositifs réels une fois, et un second passage ne change rien", async () => {
    expect(firstRun.programmes).toBe(30);
    expect(firstRun.funders).toBeGreaterThan(5);
    const before = await db().selectFrom("funding_programmes").select(["id", "external_ref", "version"]).execute();
    expect(await seedFundingCatalogue(db())).toEqual({ funders: 0, programmes: 0 });
    const after = await db().selectFrom("funding_programmes").select(["id", "external_ref", "version"]).execute();
    expect(after.sort((a, b) => a.id.localeCompare(b.id))).toEqual(before.sort((a, b) => a.id.localeCompare(b.id)));
    expect(after.map((p) => p.external_ref).sort()).toEqual(CURATED_PROGRAMMES.map((p) => p.id).sort());
    expect(await count("funding_programmes")).toBe(30);
  });

  it("un passage sans changement des données n'écrit rien", async () => {
    const before = await snapshot(db(), { rowVersions: true });
    await seedFundingCatalogue(db());
    const after = await snapshot(db(), { rowVersions: true });
    for (const table of ["funders", "funding_programmes", "departements"]) {
      expect(after.tables[table], table).toEqual(before.tables[table]);
    }
  });

  it("une nouvelle version des données met à jour sur place, sans défaire la correction d'un administrateur", async () => {
    const [corrected, outdated] = CURATED_PROGRAMMES.slice(0, 2).map((row) => row.id);
    const idOf = async (ref = "") =>
      await db()
        .selectFrom("funding_programmes")
        .select(["id", "version"])
        .where("external_ref", "=", ref)
        .executeTakeFirstOrThrow();
    const admin = await (await projectWorld(db())).as("instanceAdmin");
    const target = await idOf(corrected);
    await admin.funding.updateProgramme({
      id: target.id,
      version: target.version,
      name: "Intitulé corrigé par l'instance",
    });
    // Both rows as a previous version of the data left them: another name and other notes.
    for (const ref of [corrected, outdated]) {
      await db()
        .updateTable("funding_programmes")
        .set((eb) => ({
          notes: "Anciennes notes",
          reference: sql`${eb.ref("reference")} || ${JSON.stringify({ name: "Ancien intitulé", notes: "Anciennes notes" })}::jsonb`,
        }))
        .where("external_ref", "=", ref ?? "")
        .execute();
    }
    await db()
      .updateTable("funding_programmes")
      .set({ name: "Ancien intitulé" })
      .where("external_ref", "=", outdated ?? "")
      .execute();

    expect(await seedFundingCatalogue(db())).toEqual({ funders: 0, programmes: 0 });

    const rows = await db()
      .selectFrom("funding_programmes")
      .select(["external_ref", "name", "notes"])
      .where("external_ref", "in", [corrected ?? "", outdated ?? ""])
      .execute();
    const byRef = new Map(rows.map((row) => [row.external_ref, row]));
    const curated = new Map(CURATED_PROGRAMMES.map((row) => [row.id, row]));
    expect(byRef.get(corrected ?? "")?.name).toBe("Intitulé corrigé par l'instance");
    expect(byRef.get(outdated ?? "")?.name).toBe(curated.get(outdated ?? "")?.nom_officiel);
    for (const ref of [corrected, outdated]) expect(byRef.get(ref ?? "")?.notes).not.toBe("Anciennes notes");
  });

  it("garde les lignes non vérifiées, signalées comme telles, avec leur source et leurs notes", async () => {
    const caller = await (await projectWorld(db())).as("leadViewer");
    const { items, total } = await caller.funding.programmes({ limit: 100 });
    expect(total).toBe(30);
    const uncertain = items.filter((p) => p.confidence === "uncertain").map((p) => p.externalRef);
    expect(uncertain.sort()).toEqual(
      CURATED_PROGRAMMES.filter((p) => p.confidence === "uncertain")
        .map((p) => p.id)
        .sort(),
    );
    const fondsVert = items.find((p) => p.externalRef === "FR-FONDS-VERT");
    expect(fondsVert).toMatchObject({
      acronym: "Fonds vert",
      funder: { name: "État", kind: "state" },
      perimeter: { national: true, regions: [], departements: [] },
      sourceUrl: "https://aides-territoires.beta.gouv.fr/programmes/fonds-vert/",
      confidence: "confirmed",
    });
    expect(fondsVert?.eligibleThemes).toEqual(expect.arrayContaining(["water", "energy", "climate_adaptation"]));
    expect(fondsVert?.notes).toContain("circulaire du 14/12/2022");
    const adourGaronne = items.find((p) => p.externalRef === "AE-AG");
    expect(adourGaronne).toMatchObject({
      funder: { name: "Agence de l'eau Adour-Garonne", kind: "agency" },
      perimeter: {
        national: false,
        regions: [
          { code: "75", name: "Nouvelle-Aquitaine" },
          { code: "76", name: "Occitanie" },
        ],
      },
    });
    expect(items.find((p) => p.externalRef === "DEP-45-CDSPS")?.perimeter).toEqual({
      national: false,
      regions: [],
      departements: [{ code: "45", name: "Loiret" }],
    });
    const funders = await caller.funding.funders();
    expect(funders.map((f) => [f.name, f.kind])).toEqual(
      expect.arrayContaining([
        ["Banque des Territoires (Caisse des Dépôts)", "banque_territoires"],
        ["ADEME", "agency"],
        ["Région Grand Est", "region"],
        ["Département du Loiret", "departement"],
        ["Union européenne", "eu"],
      ]),
    );
  });

  it("importe les départements avec leur région, sans doublon au second passage", async () => {
    const total = await count("departements");
    expect(total).toBe(109);
    expect(await importDepartements(db())).toBe(109);
    expect(await count("departements")).toBe(109);
    const gironde = await db()
      .selectFrom("departements")
      .selectAll()
      .where("code", "=", "33")
      .executeTakeFirstOrThrow();
    expect(gironde).toEqual({ code: "33", name: "Gironde", region_code: "75", region_name: "Nouvelle-Aquitaine" });
  });

  it("filtre par type de financeur, thématique, texte, périmètre national ou région", async () => {
    const caller = await (await projectWorld(db())).as("leadViewer");
    const refs = async (input: Parameters<typeof caller.funding.programmes>[0]) =>
      (await caller.funding.programmes({ limit: 100, ...input })).items.map((p) => p.externalRef);
    expect((await refs({ funderKind: "agency", theme: "water" })).sort()).toEqual([
      "AE-AG",
      "AE-LB",
      "AE-RM",
      "AE-RMC",
    ]);
    expect(await refs({ query: "FONDS VERT" })).toEqual(["FR-FONDS-VERT"]);
    const grandEstOnly = await refs({ regionCode: "44", national: false });
    expect(grandEstOnly.sort()).toEqual(["AE-RM", "EU-FEDER-GE", "EU-INTERREG-RS", "FR-SERM", "REG-GE-PTRTE"]);
    const centre = await refs({ regionCode: "24" });
    expect(centre).toEqual(expect.arrayContaining(["DEP-45-CDSPS", "AE-LB", "FR-DSIL"]));
    expect(centre).not.toContain("REG-GE-PTRTE");
    expect((await refs({ national: true })).every((ref) => ref?.startsWith("FR-") || ref?.startsWith("EU-"))).toBe(
      true,
    );
  });
});

describe("dispositifs adaptés à un projet", () => {
  it("propose à un projet eau en Gironde l'Agence de l'eau Adour-Garonne et le Fonds vert, pas Rhin-Meuse", async () => {
    const w = await projectWorld(db());
    const project = await w.createProject({ themes: ["water"] });
    const fitting = await (await w.as("partnerViewer")).funding.fittingProgrammes({ projectId: project.id });
    const refs = fitting.map((p) => p.externalRef);
    expect(refs).toEqual(expect.arrayContaining(["AE-AG", "FR-FONDS-VERT", "FR-BDT"]));
    // Other basins and other régions' programmes: Rhin-Meuse (Grand Est), FEDER Occitanie.
    expect(refs).not.toContain("AE-RM");
    expect(refs).not.toContain("EU-FEDER-OCC");
    expect(refs).not.toContain("DEP-45-CDSPS");
    // No water in its themes.
    expect(refs).not.toContain("FR-ADEME-FC");
    // Régional programmes first: the closest perimeter.
    expect(fitting[0]?.perimeter.national).toBe(false);
  });

  it("suit les départements de tous les partenaires : un partenaire du Loiret ouvre le contrat départemental", async () => {
    const w = await projectWorld(db());
    const loiret = await makeTerritory(db(), { departements: ["45"] });
    await w.joinAsAssociate(loiret.id);
    const project = await w.createProject({
      themes: ["food"],
      partners: [
        { territoryId: w.lead.id, role: "lead" },
        { territoryId: loiret.id, role: "partner" },
      ],
    });
    const refs = (await (await w.as("leadEditor")).funding.fittingProgrammes({ projectId: project.id })).map(
      (p) => p.externalRef,
    );
    expect(refs).toEqual(expect.arrayContaining(["DEP-45-CDSPS", "FR-PNA-PAT"]));
  });

  it("cache un projet réservé à qui n'en est pas partenaire", async () => {
    const w = await projectWorld(db());
    const project = await w.createProject({ themes: ["water"], visibility: "partners" });
    const hidden = await failure((await w.as("outsiderEditor")).funding.fittingProgrammes({ projectId: project.id }));
    expect(hidden.code).toBe("NOT_FOUND");
    expect(fieldsOf(hidden.payload)).toEqual(["projectId"]);
  });
});

describe("catalogue des dispositifs : administration", () => {
  const newProgramme = {
    name: `Appel à projets mobilités rurales ${randomUUID().slice(0, 6)}`,
    acronym: "AAP mobilités",
    newFunder: { name: `Région test ${randomUUID().slice(0, 6)}`, kind: "region" as const },
    eligibleThemes: ["mobility" as const],
    perimeter: { national: false, regions: ["24"] },
    sourceUrl: "https://www.centre-valdeloire.fr/",
  };

  it("seuls les administrateurs de l'instance ajoutent et modifient un dispositif, audit compris", async () => {
    const w = await projectWorld(db());
    for (const who of ["leadAdmin", "leadEditor"] as const) {
      const refused = await failure((await w.as(who)).funding.createProgramme(newProgramme));
      expect(refused.code).toBe("FORBIDDEN");
    }
    const admin = await w.as("instanceAdmin");
    const created = await admin.funding.createProgramme(newProgramme);
    expect(created).toMatchObject({
      acronym: "AAP mobilités",
      funder: { name: newProgramme.newFunder.name, kind: "region" },
      perimeter: { national: false, regions: [{ code: "24", name: "Centre-Val de Loire" }], departements: [] },
      confidence: "confirmed",
      version: 1,
    });
    const refused = await failure(
      (await w.as("leadAdmin")).funding.updateProgramme({ id: created.id, version: 1, name: "Autre" }),
    );
    expect(refused.code).toBe("FORBIDDEN");
    const updated = await admin.funding.updateProgramme({ id: created.id, version: 1, confidence: "uncertain" });
    expect(updated).toMatchObject({ confidence: "uncertain", version: 2 });
    const stale = await failure(admin.funding.updateProgramme({ id: created.id, version: 1, name: "Autre" }));
    expect(stale.code).toBe("CONFLICT");
    expect(stale.payload.current).toMatchObject({ version: 2 });
    const history = await admin.audit.history({ entityType: "funding_programme", entityId: created.id });
    expect(history.map((h) => h.action)).toEqual(["updated", "created"]);

    const archived = await admin.funding.updateProgramme({ id: created.id, version: 2, archived: true });
    expect(archived.archived).toBe(true);
    const listed = await admin.funding.programmes({ query: newProgramme.name, limit: 10 });
    expect(listed.total).toBe(0);
  });

  it("refuse un financeur inconnu, un périmètre incohérent et une adresse de source invalide en nommant le champ", async () => {
    const admin = await (await projectWorld(db())).as("instanceAdmin");
    const { newFunder: _newFunder, ...rest } = newProgramme;
    const unknown = await failure(admin.funding.createProgramme({ ...rest, funderId: randomUUID() }));
    expect(unknown.code).toBe("NOT_FOUND");
    expect(fieldsOf(unknown.payload)).toEqual(["funderId"]);
    const bad = await failure(
      admin.funding.createProgramme({
        ...newProgramme,
        perimeter: { national: true, regions: ["24"] },
        sourceUrl: "javascript:alert(1)",
      }),
    );
    expect(bad.code).toBe("BAD_REQUEST");
    expect(fieldsOf(bad.payload).sort()).toEqual(["perimeter.national", "sourceUrl"]);
    const missing = await failure(admin.funding.programme({ id: randomUUID() }));
    expect(missing.code).toBe("NOT_FOUND");
  });
});
