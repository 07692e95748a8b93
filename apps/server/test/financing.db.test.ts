import { addDays, todayInFrance } from "@trame/core";

import { beforeAll, describe, expect, it } from "vitest";
import { failure, fieldsOf } from "./support/expect-error.ts";
import { callerFor, makeUser } from "./support/factories.ts";
import { makeApplication, makeProgramme, type TestProgramme } from "./support/funding-fixtures.ts";
import { projectWorld } from "./support/project-fixtures.ts";
import { useTestDb } from "./support/test-db.ts";

const testDb = useTestDb();
const db = () => testDb().db;

let world: Awaited<ReturnType<typeof projectWorld>>;
let programmes: Record<"dsil" | "fondsVert" | "agence" | "region", TestProgramme>;
beforeAll(async () => {
  world = await projectWorld(db());
  const [dsil, fondsVert, agence, region] = await Promise.all([
    makeProgramme(db(), { name: "DSIL", funderName: "État", funderKind: "state" }),
    makeProgramme(db(), { name: "Fonds vert", funderName: "État (Fonds vert)", funderKind: "state" }),
    makeProgramme(db(), { name: "Programme eau", funderName: "Agence de l'eau", funderKind: "agency" }),
    makeProgramme(db(), { name: "Contrat territorial", funderName: "Région", funderKind: "region" }),
  ]);
  if (!dsil || !fondsVert || !agence || !region) throw new Error("fixtures");
  programmes = { dsil, fondsVert, agence, region };
});

/** 120 000 € of budget; DSIL granted 60 000 € (20 000 € paid), Fonds vert asked 30 000 €, one refusal, one closed. */
async function financedProject(visibility: "network" | "partners" = "network") {
  const project = await world.createProject({ budgetCents: 12_000_000, visibility });
  const base = { projectId: project.id, applicantTerritoryId: world.lead.id };
  await makeApplication(db(), {
    ...base,
    programmeId: programmes.dsil.id,
    status: "granted",
    requestedCents: 6_000_000,
    grantedCents: 6_000_000,
    payments: [["2025-03-01", 2_000_000]],
  });
  await makeApplication(db(), {
    ...base,
    programmeId: programmes.fondsVert.id,
    status: "submitted",
    requestedCents: 3_000_000,
  });
  await makeApplication(db(), {
    ...base,
    programmeId: programmes.agence.id,
    status: "rejected",
    requestedCents: 1_000_000,
  });
  await makeApplication(db(), {
    ...base,
    applicantTerritoryId: world.partner.id,
    programmeId: programmes.region.id,
    status: "closed",
    requestedCents: 1_000_000,
    grantedCents: 1_000_000,
    payments: [["2025-06-01", 1_000_000]],
  });
  return project;
}

describe("plan de financement d'un projet", () => {
  it("additionne les demandes par financeur et dispositif, et avertit sous 20 % et sans couverture", async () => {
    const project = await financedProject();
    const lead = await world.as("leadEditor");
    const plan = await lead.financing.setOwnFunds({
      id: project.id,
      version: project.version,
      isInvestment: true,
      ownFunds: [
        { territoryId: world.lead.id, ownFundsCents: 1_000_000 },
        { territoryId: world.partner.id, ownFundsCents: 500_000 },
      ],
    });
    expect(plan.totals).toEqual({
      requestedCents: 3_000_000,
      grantedCents: 7_000_000,
      paidCents: 3_000_000,
      ownFundsCents: 1_500_000,
      securedCents: 8_500_000,
      publicFinancingCents: 11_500_000,
    });
    expect(plan.lines).toHaveLength(4);
    expect(plan.lines.find((l) => l.programme.name === programmes.dsil.name)).toMatchObject({
      requestedCents: 0,
      grantedCents: 6_000_000,
      paidCents: 2_000_000,
    });
    expect(plan.applications).toHaveLength(4);
    expect(plan.coverageGapCents).toBe(3_500_000);
    expect(plan.ownFunds.map((p) => [p.territoryId, p.shareBasisPoints])).toEqual([
      [world.lead.id, 6667],
      [world.partner.id, 3333],
    ]);
    expect(plan.warnings.map((w) => w.code)).toEqual(["lead_share_below_20", "not_covered"]);

    // 20 % exactly: 4 × L = 10 500 000 €c, so L = 2 625 000 €c; one cent less warns again.
    const exact = await lead.financing.setOwnFunds({
      id: project.id,
      version: plan.project.version,
      ownFunds: [{ territoryId: world.lead.id, ownFundsCents: 2_625_000 }],
    });
    expect(exact.totals.publicFinancingCents).toBe(13_125_000);
    expect(exact.warnings.map((w) => w.code)).toEqual(["not_covered"]);
    const below = await lead.financing.setOwnFunds({
      id: project.id,
      version: exact.project.version,
      ownFunds: [{ territoryId: world.lead.id, ownFundsCents: 2_624_999 }],
    });
    expect(below.warnings.map((w) => w.code)).toEqual(["lead_share_below_20", "not_covered"]);

    const notInvestment = await lead.financing.setOwnFunds({
      id: project.id,
      version: below.project.version,
      isInvestment: false,
    });
    expect(notInvestment.warnings.map((w) => w.code)).toEqual(["not_covered"]);
    const read = await (await world.as("outsiderEditor")).financing.plan({ projectId: project.id });
    expect(read.totals).toEqual(notInvestment.totals);
    expect(read.ownFunds.find((p) => p.territoryId === world.partner.id)?.ownFundsCents).toBe(500_000);
  });

  it("un projet réservé n'a pas de plan pour qui n'en est pas partenaire", async () => {
    const project = await financedProject("partners");
    const outsider = await world.as("outsiderEditor");
    expect((await failure(outsider.financing.plan({ projectId: project.id }))).code).toBe("NOT_FOUND");
    const partner = await world.as("partnerViewer");
    expect((await partner.financing.plan({ projectId: project.id })).lines).toHaveLength(4);
  });
});

describe("saisie des fonds propres", () => {
  it("seul un éditeur du chef de file saisit les fonds propres ; ni un éditeur partenaire, ni un lecteur, ni un autre territoire", async () => {
    const project = await world.createProject();
    const args = {
      id: project.id,
      version: project.version,
      ownFunds: [{ territoryId: world.partner.id, ownFundsCents: 1 }],
    };
    for (const who of ["partnerEditor", "leadViewer", "outsiderEditor"] as const) {
      expect((await failure((await world.as(who)).financing.setOwnFunds(args))).code, who).toBe("FORBIDDEN");
    }
    const restricted = await world.createProject({ visibility: "partners" });
    const hidden = { ...args, id: restricted.id, version: restricted.version };
    expect((await failure((await world.as("outsiderEditor")).financing.setOwnFunds(hidden))).code).toBe("NOT_FOUND");
    const done = await (await world.as("leadEditor")).financing.setOwnFunds(args);
    expect(done.project.version).toBe(project.version + 1);
  });

  it("refuse une version périmée (CONFLICT) et un territoire qui n'est pas partenaire", async () => {
    const project = await world.createProject();
    const lead = await world.as("leadEditor");
    await lead.project.update({ id: project.id, version: project.version, summary: "Modifié par un collègue" });
    const stale = await failure(
      lead.financing.setOwnFunds({ id: project.id, version: project.version, isInvestment: false }),
    );
    expect(stale.code).toBe("CONFLICT");
    expect(stale.payload.current).toMatchObject({ project: { version: project.version + 1, isInvestment: true } });

    const stranger = await failure(
      lead.financing.setOwnFunds({
        id: project.id,
        version: project.version + 1,
        ownFunds: [
          { territoryId: world.lead.id, ownFundsCents: 100 },
          { territoryId: world.outsider.id, ownFundsCents: 100 },
        ],
      }),
    );
    expect(stranger.code).toBe("BAD_REQUEST");
    expect(fieldsOf(stranger.payload)).toEqual(["ownFunds.1.territoryId"]);
    const unchanged = await lead.financing.plan({ projectId: project.id });
    expect(unchanged.project.version).toBe(project.version + 1);
    expect(unchanged.totals.ownFundsCents).toBe(0);
  });

  it("garde dans l'historique qui a saisi quoi, avant et après", async () => {
    const project = await world.createProject();
    const user = await makeUser(db(), { memberships: [{ territoryId: world.lead.id, role: "editor" }] });
    const caller = await callerFor(db(), user);
    await caller.financing.setOwnFunds({
      id: project.id,
      version: project.version,
      isInvestment: false,
      ownFunds: [{ territoryId: world.lead.id, ownFundsCents: 4_200_000 }],
    });
    const audit = await db()
      .selectFrom("audit_log")
      .select(["actor_id", "before", "after"])
      .where("entity_type", "=", "project")
      .where("entity_id", "=", project.id)
      .where("action", "=", "funding_set")
      .executeTakeFirstOrThrow();
    expect(audit.actor_id).toBe(user.id);
    expect(audit.before).toMatchObject({ isInvestment: true, version: project.version });
    expect(audit.after).toMatchObject({
      isInvestment: false,
      version: project.version + 1,
      ownFunds: expect.arrayContaining([{ territoryId: world.lead.id, ownFundsCents: 4_200_000 }]),
    });
  });
});

describe("échéances", () => {
  const today = todayInFrance();
  const inDays = (n: number) => addDays(today, n);

  it("liste les échéances à venir et dépassées d'un territoire, sans les projets réservés hors partenaires", async () => {
    const project = await world.createProject({ endedOn: inDays(20) });
    const restricted = await world.createProject({ visibility: "partners", title: `Projet réservé ${inDays(0)}` });
    const base = { projectId: project.id, applicantTerritoryId: world.lead.id, programmeId: programmes.dsil.id };
    const soon = await makeApplication(db(), {
      ...base,
      status: "draft",
      requestedCents: 1,
      submissionDeadline: inDays(10),
    });
    const late = await makeApplication(db(), {
      ...base,
      status: "draft",
      requestedCents: 1,
      submissionDeadline: inDays(-5),
    });
    const spend = await makeApplication(db(), {
      ...base,
      status: "granted",
      requestedCents: 10,
      grantedCents: 10,
      spendingDeadline: inDays(30),
    });
    const far = await makeApplication(db(), {
      ...base,
      status: "granted",
      requestedCents: 10,
      grantedCents: 10,
      spendingDeadline: inDays(100),
    });
    await makeApplication(db(), { ...base, status: "submitted", requestedCents: 1, submissionDeadline: inDays(3) });
    const secret = await makeApplication(db(), {
      ...base,
      projectId: restricted.id,
      status: "draft",
      requestedCents: 1,
      submissionDeadline: inDays(7),
    });

    const outsider = await world.as("outsiderEditor");
    const seen = await outsider.financing.deadlines({ territoryId: world.lead.id });
    const keys = (list: typeof seen.upcoming) => list.map((d) => `${d.kind}:${d.application?.id ?? d.project.id}`);
    expect(seen.today).toBe(today);
    expect(keys(seen.upcoming)).toEqual([`submission:${soon}`, `project_end:${project.id}`, `spending:${spend}`]);
    expect(keys(seen.overdue)).toContain(`submission:${late}`);
    expect(seen.overdue.find((d) => d.application?.id === late)).toMatchObject({
      daysLeft: -5,
      project: { id: project.id, title: project.title },
      application: { status: "draft", programme: { name: programmes.dsil.name }, applicant: { id: world.lead.id } },
    });
    expect(seen.upcoming[0]?.daysLeft).toBe(10);

    const lead = await world.as("leadViewer");
    const mine = await lead.financing.deadlines({ days: 120 });
    expect(keys(mine.upcoming)).toEqual(
      expect.arrayContaining([`submission:${secret}`, `spending:${far}`, `submission:${soon}`]),
    );
    expect(keys(mine.upcoming)).toHaveLength(keys(seen.upcoming).length + 2);
  });

  it("sans territoire, réunit les échéances de tous les territoires de l'utilisateur", async () => {
    const project = await world.createProject();
    const base = {
      projectId: project.id,
      programmeId: programmes.region.id,
      status: "draft" as const,
      requestedCents: 1,
    };
    const byLead = await makeApplication(db(), {
      ...base,
      applicantTerritoryId: world.lead.id,
      submissionDeadline: inDays(2),
    });
    const byPartner = await makeApplication(db(), {
      ...base,
      applicantTerritoryId: world.partner.id,
      submissionDeadline: inDays(4),
    });
    const both = await makeUser(db(), {
      memberships: [
        { territoryId: world.lead.id, role: "viewer" },
        { territoryId: world.partner.id, role: "viewer" },
      ],
    });
    const lateByLead = await makeApplication(db(), {
      ...base,
      applicantTerritoryId: world.lead.id,
      submissionDeadline: inDays(-3),
    });
    const lateByPartner = await makeApplication(db(), {
      ...base,
      applicantTerritoryId: world.partner.id,
      submissionDeadline: inDays(-1),
    });
    const lists = await (await callerFor(db(), both)).financing.deadlines({ days: 5 });
    const ids = lists.upcoming.map((d) => d.application?.id);
    expect(ids).toEqual(expect.arrayContaining([byLead, byPartner]));
    // Each application concerns both of the user's territories: listed once, in date order, the
    // upcoming soonest first and the overdue latest first.
    const overdue = lists.overdue.map((d) => d.application?.id);
    for (const list of [ids, overdue]) expect(new Set(list).size).toBe(list.length);
    expect(ids.indexOf(byLead)).toBeLessThan(ids.indexOf(byPartner));
    expect(overdue.indexOf(lateByPartner)).toBeGreaterThanOrEqual(0);
    expect(overdue.indexOf(lateByPartner)).toBeLessThan(overdue.indexOf(lateByLead));
    // "Mine" is one rule (issue 15): a partner follows the lead's applications on their joint project.
    const partnerOnly = await (await world.as("partnerViewer")).financing.deadlines({ days: 5 });
    expect(partnerOnly.upcoming.map((d) => d.application?.id)).toEqual(expect.arrayContaining([byLead, byPartner]));
    const outsider = await (await world.as("outsiderEditor")).financing.deadlines({ days: 5 });
    expect(outsider.upcoming.map((d) => d.application?.id)).not.toContain(byLead);
    expect(outsider.upcoming.map((d) => d.application?.id)).not.toContain(byPartner);
    const nobody = await (await callerFor(db(), await makeUser(db()))).financing.deadlines({});
    expect(nobody).toMatchObject({ upcoming: [], overdue: [] });
  });

  it("refuse une fenêtre hors de 1 à 365 jours", async () => {
    const caller = await world.as("leadViewer");
    expect((await failure(caller.financing.deadlines({ days: 0 }))).code).toBe("BAD_REQUEST");
    expect((await failure(caller.financing.deadlines({ days: 366 }))).code).toBe("BAD_REQUEST");
  });
});
