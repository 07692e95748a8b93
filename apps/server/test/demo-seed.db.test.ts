import { APPLICATION_STATUSES } from "@trame/core";
import { type Database, findTerritoryBySiren, type Kysely, listSeedMarks, sql } from "@trame/db";
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_APPLICATIONS } from "../src/seed/demo-applications.data.ts";
import { DEMO_PREFIX, demoKey, expectedDemoKeys } from "../src/seed/demo-keys.ts";
import { DEMO_PROJECTS } from "../src/seed/demo-projects.data.ts";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, type SeedDemoResult, seedDemo } from "../src/seed/demo-seed.ts";
import { COOPERATION_STRUCTURES } from "../src/seed/seed-data.ts";
import { seedFundingCatalogue } from "../src/seed/seed-funding-catalogue.ts";
import { callerFor, makeUser } from "./support/factories.ts";
import { useTestDb } from "./support/test-db.ts";

const testDb = useTestDb();
const db = () => testDb().db;

const TABLES = [
  "territories",
  "communes",
  "territory_neighbours",
  "users",
  "memberships",
  "cooperations",
  "cooperation_members",
  "cooperation_form_history",
  "audit_log",
  "projects",
  "project_partners",
  "project_status_history",
  "actions",
  "timeline_entries",
  "timeline_entry_territories",
  "funding_applications",
  "funding_transitions",
  "funding_payments",
] as const satisfies ReadonlyArray<keyof Database>;

async function rowCounts(database: Kysely<Database>): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of TABLES) {
    const row = await database
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  return counts;
}

const VERIFIED = COOPERATION_STRUCTURES.filter((s) => s.confidence !== "uncertain").length;
const BORDEAUX = "243300316";

describe("données de démonstration", () => {
  let first: SeedDemoResult;
  let second: SeedDemoResult;
  let countsAfterFirst: Record<string, number>;
  let countsAfterSecond: Record<string, number>;

  beforeAll(async () => {
    // At start-up the catalogue (reference data) is seeded before the demo, which files on its programmes.
    await seedFundingCatalogue(db());
    first = await seedDemo(db(), { currentYear: 2026 });
    countsAfterFirst = await rowCounts(db());
    second = await seedDemo(db(), { currentYear: 2026 });
    countsAfterSecond = await rowCounts(db());
  }, 120_000);

  it("importe d'abord le référentiel quand la base n'a aucun EPCI", () => {
    expect(countsAfterFirst.communes).toBeGreaterThan(34_800);
    expect(first.created).toMatchObject({ cooperations: VERIFIED, accounts: DEMO_ACCOUNTS.length });
  });

  it("un second passage ne change rien et ne duplique rien", () => {
    expect(countsAfterSecond).toEqual(countsAfterFirst);
    expect(second.created).toEqual({ territories: 0, neighbourLinks: 0, cooperations: 0, projects: 0, accounts: 0 });
    expect(second.accounts).toEqual(first.accounts);
  });

  it("marque chaque pièce de la démo sous une clé à elle, unique, et un second passage ne lit que ces marques", async () => {
    const expected = expectedDemoKeys();
    expect(new Set(expected).size).toBe(expected.length);
    const marks = await listSeedMarks(db(), DEMO_PREFIX);
    expect([...marks.keys()].sort()).toEqual([...expected].sort());
    const project = DEMO_PROJECTS[0];
    const projectId = marks.get(demoKey.project(project?.key ?? ""));
    const stored = await db()
      .selectFrom("projects")
      .select("title")
      .where("id", "=", projectId ?? "")
      .executeTakeFirst();
    expect(stored?.title).toBe(project?.title);
  });

  it("une base semée avant les marques est reprise telle quelle : rien n'est recréé", async () => {
    // The demo's marks only: the reference data's (EPCI contiguity) are not the seed's.
    const marks = await db().selectFrom("seed_marks").selectAll().where("key", "like", `${DEMO_PREFIX}%`).execute();
    await db().deleteFrom("seed_marks").where("key", "like", `${DEMO_PREFIX}%`).execute();
    const renamed = marks.find((m) => m.key === demoKey.project(DEMO_PROJECTS[0]?.key ?? ""));
    await db()
      .updateTable("projects")
      .set({ title: "Titre changé avant la mise à jour" })
      .where("id", "=", renamed?.entity_id ?? "")
      .execute();
    const before = await rowCounts(db());
    const adopted = await seedDemo(db(), { currentYear: 2026 });
    expect(adopted.created).toEqual({ territories: 0, neighbourLinks: 0, cooperations: 0, projects: 0, accounts: 0 });
    expect(await rowCounts(db())).toEqual(before);
    expect((await listSeedMarks(db(), DEMO_PREFIX)).size).toBe(marks.length);
    await db()
      .updateTable("projects")
      .set({ title: DEMO_PROJECTS[0]?.title ?? "" })
      .where("id", "=", renamed?.entity_id ?? "")
      .execute();
  });

  it("crée chaque structure vérifiée, avec exactement un chef de file, un historique de forme et une ligne d'audit", async () => {
    const cooperations = await db()
      .selectFrom("cooperations as c")
      .select((eb) => [
        "c.id",
        "c.external_ref",
        "c.is_demo",
        eb
          .selectFrom("cooperation_members as m")
          .select((m) => m.fn.countAll<number>().as("n"))
          .whereRef("m.cooperation_id", "=", "c.id")
          .where("m.role", "=", "lead")
          .where("m.left_on", "is", null)
          .as("leads"),
        eb
          .selectFrom("cooperation_form_history as h")
          .select((h) => h.fn.countAll<number>().as("n"))
          .whereRef("h.cooperation_id", "=", "c.id")
          .as("forms"),
        eb
          .selectFrom("audit_log as a")
          .select((a) => a.fn.countAll<number>().as("n"))
          .whereRef("a.entity_id", "=", eb.cast("c.id", "text"))
          .where("a.entity_type", "=", "cooperation")
          .where("a.action", "=", "seeded")
          .where("a.actor_id", "is", null)
          .as("audits"),
      ])
      .execute();
    expect(cooperations).toHaveLength(VERIFIED);
    for (const c of cooperations) {
      expect({ ref: c.external_ref, demo: c.is_demo, leads: Number(c.leads), audits: Number(c.audits) }).toEqual({
        ref: c.external_ref,
        demo: true,
        leads: 1,
        audits: 1,
      });
      expect(Number(c.forms)).toBeGreaterThanOrEqual(1);
    }
  });

  it("traduit les données : forme, dates, fin de contrat, thématiques et source", async () => {
    const rows = await db()
      .selectFrom("cooperations")
      .select([
        "external_ref",
        "engagement_form",
        "status",
        "started_on",
        "ended_on",
        "themes",
        "source_url",
        "confidence",
      ])
      .where("external_ref", "in", ["MTP-CR-VALLEEHERAULT", "BDX-PROT-VGA", "BDX-SCOT-SYSDAU"])
      .orderBy("external_ref")
      .execute();
    expect(rows).toEqual([
      expect.objectContaining({
        external_ref: "BDX-PROT-VGA",
        engagement_form: "protocole",
        status: "ended",
        ended_on: "2020-12-31",
      }),
      expect.objectContaining({
        external_ref: "BDX-SCOT-SYSDAU",
        engagement_form: "scot",
        started_on: "2014-02-13",
        confidence: "inferred",
      }),
      expect.objectContaining({
        external_ref: "MTP-CR-VALLEEHERAULT",
        engagement_form: "contrat_reciprocite",
        status: "active",
        started_on: "2022-06-22",
        themes: ["mobility", "economy", "tourism", "culture"],
        source_url: expect.stringMatching(/^https:\/\/www\.cc-vallee-herault\.fr\//),
      }),
    ]);
  });

  it("Bordeaux Métropole a ses voisins limitrophes et fonctionnels, avec leur source", async () => {
    const bordeaux = await findTerritoryBySiren(db(), BORDEAUX);
    const caller = await callerFor(db(), await makeUser(db()));
    const neighbours = await caller.territory.neighbours({ id: bordeaux?.id ?? "" });
    const bySiren = new Map(neighbours.map((n) => [n.territory.siren, n]));
    expect(neighbours.filter((n) => n.kind === "contiguous")).toHaveLength(9);
    expect(neighbours.filter((n) => n.kind === "functional")).toHaveLength(18);
    expect(bySiren.get("243301264")).toMatchObject({
      kind: "contiguous",
      source: expect.stringContaining("IGN Admin Express, contiguïté communale (3 paires de communes)"),
    });
    expect(bySiren.get("200030674")).toMatchObject({ kind: "functional", source: "lié par BDX-PROT-VGA, BDX-MOB-NAM" });
  });

  it("les partenaires allemands de l'Eurodistrict sont des partenaires étrangers, associés", async () => {
    const members = await db()
      .selectFrom("cooperation_members as m")
      .innerJoin("cooperations as c", "c.id", "m.cooperation_id")
      .innerJoin("territories as t", "t.id", "m.territory_id")
      .select(["t.name", "t.kind", "t.country", "m.role"])
      .where("c.external_ref", "=", "STR-EURODISTRICT")
      .execute();
    expect(members).toContainEqual({
      name: "Ortenaukreis (DE)",
      kind: "foreign_partner",
      country: "DE",
      role: "associate",
    });
    expect(members).toContainEqual({ name: "Eurométropole de Strasbourg", kind: "METRO", country: "FR", role: "lead" });
    const kehl = await db().selectFrom("territories").select("id").where("name", "=", "Ville de Kehl (DE)").execute();
    expect(kehl).toHaveLength(1);
  });

  it("l'administratrice de démo se connecte, et chaque compte est rattaché au territoire annoncé", async () => {
    const anonymous = await callerFor(db(), null, "10.9.9.9");
    const admin = await anonymous.auth.login({ email: "admin@trame.demo", password: DEMO_PASSWORD });
    expect(admin).toMatchObject({ email: "admin@trame.demo", isInstanceAdmin: true, memberships: [] });
    const bordeaux = await anonymous.auth.login({ email: "bordeaux@trame.demo", password: DEMO_PASSWORD });
    expect(bordeaux?.memberships).toEqual([
      expect.objectContaining({ territoryName: "Bordeaux Métropole", role: "admin" }),
    ]);

    const memberships = await db()
      .selectFrom("users as u")
      .leftJoin("memberships as m", "m.user_id", "u.id")
      .leftJoin("territories as t", "t.id", "m.territory_id")
      .select(["u.email", "u.name", "t.name as territory", "m.role"])
      .where("u.email", "like", "%@trame.demo")
      .execute();
    const expected = DEMO_ACCOUNTS.map((a) => ({
      email: a.email,
      name: a.name,
      territory: a.territoryName,
      role: a.role === "instance_admin" ? null : a.role,
    }));
    expect(memberships).toEqual(expect.arrayContaining(expected));
    expect(memberships).toHaveLength(DEMO_ACCOUNTS.length);
  });

  it("chaque métropole de l'étude a une frise nourrie de projets et d'actions, sur plusieurs années", async () => {
    expect(first.created.projects).toBe(DEMO_PROJECTS.length);
    const reader = await callerFor(db(), await makeUser(db()));
    for (const siren of ["243300316", "243400017", "244500468", "246700488"]) {
      const territory = await findTerritoryBySiren(db(), siren);
      if (!territory) throw new Error(siren);
      const page = await reader.timeline.territory({ territoryId: territory.id, limit: 100 });
      const years = new Set(page.items.map((i) => i.occurredOn.slice(0, 4)));
      expect(page.items.length, territory.name).toBeGreaterThanOrEqual(5);
      expect(years.size, territory.name).toBeGreaterThanOrEqual(3);
      expect(page.items.some((i) => i.kind === "project_status")).toBe(true);
    }
  });

  it("le projet réservé de démonstration n'apparaît pas hors de ses partenaires", async () => {
    const reader = await callerFor(db(), await makeUser(db()));
    const list = await reader.project.list({ query: "Titre de transport combiné" });
    expect(list.items).toEqual([]);
  });

  it("dépose des demandes de financement sur de vrais dispositifs, dans chaque statut, avec leur historique", async () => {
    const applications = await db()
      .selectFrom("funding_applications as a")
      .innerJoin("funding_programmes as pr", "pr.id", "a.programme_id")
      .select((eb) => [
        "a.id",
        "a.status",
        "a.is_demo",
        "pr.external_ref",
        eb
          .selectFrom("funding_transitions as ft")
          .select((ft) => ft.fn.countAll<number>().as("n"))
          .whereRef("ft.application_id", "=", "a.id")
          .as("transitions"),
        eb
          .selectFrom("timeline_entries as te")
          .select((te) => te.fn.countAll<number>().as("n"))
          .where("te.kind", "=", "funding_status")
          .where(sql<boolean>`te.detail->>'applicationId' = a.id::text`)
          .as("timeline"),
      ])
      .execute();
    // Every programme the demo files on is in the curated catalogue, uncertain ones included.
    expect(applications).toHaveLength(DEMO_APPLICATIONS.length);
    expect(new Set(applications.map((a) => a.status))).toEqual(new Set(APPLICATION_STATUSES));
    for (const ref of ["FR-FONDS-VERT", "FR-DSIL", "AE-AG", "EU-LEADER", "EU-INTERREG-RS"]) {
      expect(applications.map((a) => a.external_ref)).toContain(ref);
    }
    for (const a of applications) {
      expect(a.is_demo).toBe(true);
      expect(Number(a.transitions)).toBeGreaterThanOrEqual(1);
      expect(Number(a.timeline)).toBe(Number(a.transitions));
    }
    expect(countsAfterFirst.funding_payments).toBeGreaterThan(0);
  });

  it("les plans de financement de démonstration montrent les deux avertissements, et Bordeaux a des échéances", async () => {
    const reader = await callerFor(db(), await makeUser(db()));
    const lez = await reader.project.list({ query: "Ressource en eau du Lez" });
    const plan = await reader.financing.plan({ projectId: lez.items[0]?.id ?? "" });
    expect(plan.warnings.map((w) => w.code)).toEqual(["lead_share_below_20", "not_covered"]);
    expect(plan.totals.paidCents).toBe(17_440_000);
    const bordeaux = await findTerritoryBySiren(db(), BORDEAUX);
    const deadlines = await reader.financing.deadlines({ territoryId: bordeaux?.id ?? "" });
    expect(deadlines.upcoming.map((d) => d.kind)).toContain("submission");
  });
});
