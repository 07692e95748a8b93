import { addDays, todayInFrance } from "@trame/core";
import { beforeAll, describe, expect, it } from "vitest";
import { fundingWorld } from "./support/application-fixtures.ts";
import { failure } from "./support/expect-error.ts";
import { callerFor, makeTerritory, makeUser } from "./support/factories.ts";
import { makeApplication, makeCooperation, makeFundingProject, makeProgramme } from "./support/funding-fixtures.ts";
import { useTestDb } from "./support/test-db.ts";
import { totalsDrift } from "./support/totals-drift.ts";

const testDb = useTestDb();
const db = () => testDb().db;

/**
 * A metropolis with three live projects (one restricted) and an archived one, all shared with its
 * neighbour, and eight applications: seven filed by the metropolis in every status, one by its
 * neighbour. All eight concern both territories (applicationConcerns): each partners the projects.
 */
async function dashboardWorld() {
  const [metro, neighbour, elsewhere] = await Promise.all([
    makeTerritory(db(), { kind: "METRO" }),
    makeTerritory(db(), { kind: "CC" }),
    makeTerritory(db(), { kind: "CA" }),
  ]);
  if (!metro || !neighbour || !elsewhere) throw new Error("fixtures");
  const cooperation = await makeCooperation(db());
  const partners: Array<[string, "lead" | "partner"]> = [
    [metro.id, "lead"],
    [neighbour.id, "partner"],
  ];
  const project = (options: Omit<Parameters<typeof makeFundingProject>[1], "cooperationId" | "partners">) =>
    makeFundingProject(db(), { cooperationId: cooperation.id, partners, ...options });
  const pat = await project({ themes: ["food", "water"], status: "in_progress" });
  await project({ themes: ["food"], status: "planned" });
  const restricted = await project({ themes: ["mobility"], status: "idea", visibility: "partners" });
  await project({ themes: ["culture"], status: "in_progress", archived: true });

  const [dsil, fondsVert, leader, region, agence] = await Promise.all([
    makeProgramme(db(), { name: "DSIL", funderName: "État", funderKind: "state" }),
    makeProgramme(db(), { name: "Fonds vert", funderName: "État transition", funderKind: "state" }),
    makeProgramme(db(), { name: "LEADER", funderName: "Union européenne", funderKind: "eu" }),
    makeProgramme(db(), { name: "Contrat territorial", funderName: "Région", funderKind: "region" }),
    makeProgramme(db(), { name: "Programme eau", funderName: "Agence de l'eau", funderKind: "agency" }),
  ]);
  const today = todayInFrance();
  const base = { projectId: pat.id, applicantTerritoryId: metro.id };
  await makeApplication(db(), {
    ...base,
    programmeId: dsil.id,
    status: "granted",
    requestedCents: 6_000_000,
    grantedCents: 5_000_000,
    payments: [
      ["2025-01-10", 2_000_000],
      ["2025-04-10", 1_000_000],
    ],
  });
  await makeApplication(db(), {
    ...base,
    programmeId: fondsVert.id,
    status: "under_review",
    requestedCents: 4_000_000,
  });
  await makeApplication(db(), {
    ...base,
    programmeId: leader.id,
    status: "closed",
    requestedCents: 1_000_000,
    grantedCents: 1_000_000,
    payments: [["2025-02-01", 1_000_000]],
  });
  await makeApplication(db(), { ...base, programmeId: dsil.id, status: "rejected", requestedCents: 2_000_000 });
  await makeApplication(db(), { ...base, programmeId: region.id, status: "withdrawn", requestedCents: 500_000 });
  const draft = await makeApplication(db(), {
    ...base,
    programmeId: agence.id,
    status: "draft",
    requestedCents: 700_000,
    submissionDeadline: addDays(today, 15),
  });
  await makeApplication(db(), {
    ...base,
    projectId: restricted.id,
    programmeId: dsil.id,
    status: "submitted",
    requestedCents: 900_000,
  });
  await makeApplication(db(), {
    ...base,
    applicantTerritoryId: neighbour.id,
    programmeId: dsil.id,
    status: "granted",
    requestedCents: 8_000_000,
    grantedCents: 8_000_000,
  });
  const member = await callerFor(
    db(),
    await makeUser(db(), { memberships: [{ territoryId: metro.id, role: "viewer" }] }),
  );
  const outsider = await callerFor(
    db(),
    await makeUser(db(), { memberships: [{ territoryId: elsewhere.id, role: "editor" }] }),
  );
  return { metro, neighbour, programmes: { dsil, fondsVert, leader, region, agence }, draft, member, outsider, today };
}

let world: Awaited<ReturnType<typeof dashboardWorld>>;
beforeAll(async () => {
  world = await dashboardWorld();
});

describe("tableau de bord d'un territoire", () => {
  it("compte les projets par statut et par thématique, sans les projets archivés", async () => {
    const board = await world.member.dashboard.territory({ territoryId: world.metro.id });
    expect(board.projects).toEqual({
      byStatus: [
        { status: "idea", count: 1 },
        { status: "in_progress", count: 1 },
        { status: "planned", count: 1 },
      ],
      byTheme: [
        { theme: "food", count: 2 },
        { theme: "mobility", count: 1 },
        { theme: "water", count: 1 },
      ],
      total: 3,
    });
  });

  it("somme les demandes du territoire par type de financeur et par dispositif, au centime", async () => {
    const { funding } = await world.member.dashboard.territory({ territoryId: world.metro.id });
    expect(funding.byFunderKind).toEqual([
      { funderKind: "agency", applicationCount: 1, requestedCents: 700_000, grantedCents: 0, paidCents: 0 },
      { funderKind: "eu", applicationCount: 1, requestedCents: 0, grantedCents: 1_000_000, paidCents: 1_000_000 },
      { funderKind: "region", applicationCount: 1, requestedCents: 0, grantedCents: 0, paidCents: 0 },
      {
        funderKind: "state",
        applicationCount: 5,
        requestedCents: 4_900_000,
        grantedCents: 13_000_000,
        paidCents: 3_000_000,
      },
    ]);
    expect(funding.totals).toEqual({
      applicationCount: 8,
      requestedCents: 5_600_000,
      grantedCents: 14_000_000,
      paidCents: 4_000_000,
    });
    expect(funding.byProgramme.find((p) => p.programme.id === world.programmes.dsil.id)).toEqual({
      programme: { id: world.programmes.dsil.id, name: world.programmes.dsil.name, acronym: "" },
      funder: { name: world.programmes.dsil.funder.name, kind: "state" },
      applicationCount: 4,
      requestedCents: 900_000,
      grantedCents: 13_000_000,
      paidCents: 3_000_000,
    });
    expect(funding.byProgramme).toHaveLength(5);
    expect(funding.byStatus.map((s) => [s.status, s.count])).toEqual([
      ["closed", 1],
      ["draft", 1],
      ["granted", 2],
      ["rejected", 1],
      ["submitted", 1],
      ["under_review", 1],
      ["withdrawn", 1],
    ]);
  });

  it("donne le taux de succès (accordées + soldées) / décidées, et les échéances des 60 jours", async () => {
    const board = await world.member.dashboard.territory({ territoryId: world.metro.id });
    expect(board.funding.successRate).toEqual({ numerator: 3, denominator: 4 });
    expect(board.today).toBe(world.today);
    expect(board.upcomingDeadlines).toEqual([
      expect.objectContaining({
        kind: "submission",
        daysLeft: 15,
        application: expect.objectContaining({ id: world.draft }),
      }),
    ]);
  });

  it("ne compte un projet réservé et ses demandes que pour ses partenaires", async () => {
    const board = await world.outsider.dashboard.territory({ territoryId: world.metro.id });
    expect(board.projects.total).toBe(2);
    expect(board.projects.byTheme.map((t) => t.theme)).not.toContain("mobility");
    const state = board.funding.byFunderKind.find((k) => k.funderKind === "state");
    expect(state).toMatchObject({ applicationCount: 4, requestedCents: 4_000_000 });
  });

  it("« mes demandes » est une seule règle : la page du territoire, le tableau des financements et l'accueil choisissent les mêmes", async () => {
    // The neighbour filed one application; the metropolis filed seven on projects the neighbour partners.
    const neighbourViewer = await callerFor(
      db(),
      await makeUser(db(), { memberships: [{ territoryId: world.neighbour.id, role: "viewer" }] }),
    );
    const page = await neighbourViewer.dashboard.territory({ territoryId: world.neighbour.id });
    const board = await neighbourViewer.funding.applications({ territoryId: world.neighbour.id, limit: 50 });
    const mine = await neighbourViewer.funding.applications({ mine: true, limit: 50 });
    expect(page.funding.totals.applicationCount).toBe(8);
    expect(board.total).toBe(8);
    expect(mine.total).toBe(8);
    const home = await neighbourViewer.financing.deadlines({ days: 60 });
    expect(home.upcoming.map((d) => d.application?.id)).toContain(world.draft);
    expect(page.upcomingDeadlines.map((d) => d.application?.id)).toContain(world.draft);
  });

  it("un territoire sans demande décidée n'a pas de taux de succès", async () => {
    const empty = await makeTerritory(db());
    const board = await world.member.dashboard.territory({ territoryId: empty.id });
    expect(board.funding).toMatchObject({ successRate: null, byFunderKind: [], byProgramme: [], byStatus: [] });
    expect(board.projects).toEqual({ byStatus: [], byTheme: [], total: 0 });
  });

  it("demande une session et un identifiant valide", async () => {
    const anonymous = await callerFor(db(), null);
    expect((await failure(anonymous.dashboard.territory({ territoryId: world.metro.id }))).code).toBe("UNAUTHORIZED");
    expect((await failure(world.member.dashboard.territory({ territoryId: "pas-un-uuid" }))).code).toBe("BAD_REQUEST");
  });
});

describe("totaux tenus à jour par la base (issue 6)", () => {
  it("restent exacts après versements, transitions, partenaires, visibilité, statut et archivage", async () => {
    expect(await totalsDrift(db())).toEqual([]);
    const w = await fundingWorld(db());
    const partnerEditor = await w.as("partnerEditor");
    const leadEditor = await w.as("leadEditor");
    const outsider = await w.as("outsiderEditor");
    const board = async (caller = partnerEditor) =>
      (await caller.dashboard.territory({ territoryId: w.partner.id })).funding;
    const applicationsOf = (caller = partnerEditor, status?: "granted" | "closed") =>
      caller.funding.applications({ applicantTerritoryId: w.partner.id, status, limit: 1 });

    let app = await w.moveTo(await w.createApplication(), "granted");
    const draft = await w.createApplication({ requestedCents: 3_000_000 });
    expect(await totalsDrift(db())).toEqual([]);
    expect((await board()).totals).toEqual({
      applicationCount: 2,
      requestedCents: 3_000_000,
      grantedCents: 12_000_000,
      paidCents: 0,
    });

    app = await partnerEditor.funding.addPayment({
      applicationId: app.id,
      paidOn: "2025-09-01",
      amountCents: 5_000_000,
    });
    expect(app.paidCents).toBe(5_000_000);
    expect(await totalsDrift(db())).toEqual([]);
    expect((await board()).totals.paidCents).toBe(5_000_000);
    app = await partnerEditor.funding.addPayment({
      applicationId: app.id,
      paidOn: "2025-10-01",
      amountCents: 7_000_000,
    });
    expect(app).toMatchObject({ status: "closed", paidCents: 12_000_000 });
    expect(await totalsDrift(db())).toEqual([]);
    expect((await board()).byStatus).toEqual([
      { status: "closed", count: 1 },
      { status: "draft", count: 1 },
    ]);
    // The list's total comes from the same totals: one per filter, and the page agrees.
    expect((await applicationsOf(partnerEditor, "closed")).total).toBe(1);
    expect((await applicationsOf(partnerEditor, "granted")).total).toBe(0);
    expect((await applicationsOf()).total).toBe(2);

    // Partners change: the outsider joins (the cooperation first, as partners must), then the cofunder leaves.
    await w.joinAsAssociate(w.outsider.id);
    let project = await leadEditor.project.setPartners({
      id: w.project.id,
      version: w.project.version,
      partners: [
        { territoryId: w.lead.id, role: "lead" },
        { territoryId: w.partner.id, role: "partner" },
        { territoryId: w.outsider.id, role: "partner" },
      ],
    });
    expect(await totalsDrift(db())).toEqual([]);
    const outsiderProjects = await outsider.dashboard.territory({ territoryId: w.outsider.id });
    expect(outsiderProjects.projects.total).toBe(1);

    // Restricted: still counted for its partners (the outsider is one now), then hidden once it leaves.
    project = await leadEditor.project.update({ id: project.id, version: project.version, visibility: "partners" });
    expect(await totalsDrift(db())).toEqual([]);
    expect((await board(outsider)).totals.applicationCount).toBe(2);
    project = await leadEditor.project.setPartners({
      id: project.id,
      version: project.version,
      partners: [
        { territoryId: w.lead.id, role: "lead" },
        { territoryId: w.partner.id, role: "partner" },
      ],
    });
    expect(await totalsDrift(db())).toEqual([]);
    expect((await board(outsider)).totals.applicationCount).toBe(0);
    expect((await applicationsOf(outsider)).total).toBe(0);
    expect((await board()).totals.applicationCount).toBe(2);
    expect((await applicationsOf()).total).toBe(2);
    const partnerBoard = await partnerEditor.dashboard.territory({ territoryId: w.partner.id });
    expect(partnerBoard.projects.total).toBe(1);
    expect((await outsider.dashboard.territory({ territoryId: w.partner.id })).projects.total).toBe(0);

    // Back to the network, a new status, a withdrawn draft, then archived: the project leaves the counts.
    project = await leadEditor.project.update({ id: project.id, version: project.version, visibility: "network" });
    project = await leadEditor.project.changeStatus({
      id: project.id,
      version: project.version,
      status: "planned",
      changedOn: "2025-01-15",
    });
    await partnerEditor.funding.transition({ id: draft.id, version: draft.version, to: "withdrawn", on: "2025-02-01" });
    expect(await totalsDrift(db())).toEqual([]);
    expect((await outsider.dashboard.territory({ territoryId: w.partner.id })).projects.byStatus).toEqual([
      { status: "planned", count: 1 },
    ]);
    await leadEditor.project.archive({ id: project.id, version: project.version });
    expect(await totalsDrift(db())).toEqual([]);
    expect((await partnerEditor.dashboard.territory({ territoryId: w.partner.id })).projects.total).toBe(0);
    expect((await board()).byStatus).toEqual([
      { status: "closed", count: 1 },
      { status: "withdrawn", count: 1 },
    ]);
  });
});

describe("échéances d'un territoire tenues avec les demandes (issue 17)", () => {
  it("suivent les dates, les statuts et les partenaires du projet, sans écart avec la règle « mes demandes »", async () => {
    const w = await fundingWorld(db());
    const partnerEditor = await w.as("partnerEditor");
    const leadEditor = await w.as("leadEditor");
    const today = todayInFrance();
    // The cofunder partners the project without filing: it sees the application's deadlines too.
    const deadlinesOf = async (territoryId: string) =>
      (await partnerEditor.dashboard.territory({ territoryId })).upcomingDeadlines
        .filter((d) => d.application)
        .map((d) => [d.kind, d.application?.id, d.daysLeft]);

    let app = await w.createApplication({ submissionDeadline: addDays(today, 10) });
    expect(await deadlinesOf(w.cofunder.id)).toEqual([["submission", app.id, 10]]);
    expect(await deadlinesOf(w.partner.id)).toEqual([["submission", app.id, 10]]);
    expect(await deadlinesOf(w.outsider.id)).toEqual([]);

    // A date moved past the 60 days leaves the window, and comes back.
    app = await partnerEditor.funding.updateApplication({
      id: app.id,
      version: app.version,
      submissionDeadline: addDays(today, 90),
    });
    expect(await deadlinesOf(w.cofunder.id)).toEqual([]);
    expect(await totalsDrift(db())).toEqual([]);

    // Granted, its spending date is the deadline now; the filing date no longer counts.
    app = await partnerEditor.funding.updateApplication({
      id: app.id,
      version: app.version,
      submissionDeadline: addDays(today, 3),
    });
    app = await w.moveTo(app, "granted");
    expect(await deadlinesOf(w.cofunder.id)).toEqual([]);
    app = await partnerEditor.funding.updateApplication({
      id: app.id,
      version: app.version,
      spendingDeadline: addDays(today, 20),
    });
    expect(await deadlinesOf(w.cofunder.id)).toEqual([["spending", app.id, 20]]);
    expect(await totalsDrift(db())).toEqual([]);

    // A new partner follows the project's funding, and stops when it leaves.
    await w.joinAsAssociate(w.outsider.id);
    const partners = [
      { territoryId: w.lead.id, role: "lead" as const },
      { territoryId: w.partner.id, role: "partner" as const },
      { territoryId: w.cofunder.id, role: "funder" as const },
    ];
    let project = await leadEditor.project.setPartners({
      id: w.project.id,
      version: w.project.version,
      partners: [...partners, { territoryId: w.outsider.id, role: "partner" }],
    });
    expect(await deadlinesOf(w.outsider.id)).toEqual([["spending", app.id, 20]]);
    expect(await totalsDrift(db())).toEqual([]);
    project = await leadEditor.project.setPartners({ id: project.id, version: project.version, partners });
    expect(await deadlinesOf(w.outsider.id)).toEqual([]);
    expect(await deadlinesOf(w.cofunder.id)).toEqual([["spending", app.id, 20]]);
    expect(await totalsDrift(db())).toEqual([]);
  });
});
