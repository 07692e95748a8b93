import { randomUUID } from "node:crypto";
import type { ApplicationStatus } from "@trame/core";
import { type Database, findOrInsertFunder, insertProgramme, type Kysely } from "@trame/db";
import { callerFor, makeTerritory, makeUser } from "./factories.ts";
import { type Caller, projectWorld } from "./project-fixtures.ts";

export type CreateApplicationArgs = Parameters<Caller["funding"]["createApplication"]>[0];
type Application = Awaited<ReturnType<Caller["funding"]["createApplication"]>>;

/** A programme of its own for each test, so no test depends on the seeded catalogue. */
export async function makeProgramme(
  db: Kysely<Database>,
  overrides: Partial<Parameters<typeof insertProgramme>[1]> = {},
): Promise<{ id: string; name: string; acronym: string }> {
  const tag = randomUUID().slice(0, 8);
  const funderId = await findOrInsertFunder(db, { name: `État ${tag}`, kind: "state" });
  const acronym = `Fonds vert ${tag}`;
  const name = `Fonds d'accélération de la transition écologique ${tag}`;
  const id = await insertProgramme(db, {
    funderId,
    name,
    acronym,
    instrument: "subvention",
    beneficiaries: "collectivités",
    eligibleThemes: ["water", "food"],
    perimeter: { national: true, regions: [], departements: [] },
    period: "depuis 2023",
    sourceUrl: null,
    confidence: "confirmed",
    notes: "",
    ...overrides,
  });
  return { id, name, acronym };
}

/** The steps from a draft to each state, with dates in order. */
const PATHS: Record<ApplicationStatus, ReadonlyArray<readonly [ApplicationStatus, string]>> = {
  draft: [],
  submitted: [["submitted", "2025-03-01"]],
  under_review: [
    ["submitted", "2025-03-01"],
    ["under_review", "2025-03-15"],
  ],
  granted: [
    ["submitted", "2025-03-01"],
    ["under_review", "2025-03-15"],
    ["granted", "2025-06-01"],
  ],
  rejected: [
    ["submitted", "2025-03-01"],
    ["under_review", "2025-03-15"],
    ["rejected", "2025-06-01"],
  ],
  withdrawn: [["withdrawn", "2025-02-01"]],
  closed: [
    ["submitted", "2025-03-01"],
    ["under_review", "2025-03-15"],
    ["granted", "2025-06-01"],
    ["closed", "2025-12-31"],
  ],
};

/**
 * The project world (a metropolis leading, a neighbour partnering, an outsider) plus a third
 * partner that is neither applicant nor lead, a programme, and an application filed by the
 * neighbour (the applicant) for 200 000 € on a 500 000 € eligible base.
 */
export async function fundingWorld(db: Kysely<Database>) {
  const w = await projectWorld(db);
  const cofunder = await makeTerritory(db, { kind: "departement", departements: ["45"] });
  const cofunderEditor = await callerFor(
    db,
    await makeUser(db, { memberships: [{ territoryId: cofunder.id, role: "editor" }] }),
  );
  const programme = await makeProgramme(db);
  await w.joinAsAssociate(cofunder.id);
  const project = await w.createProject({
    themes: ["water"],
    partners: [
      { territoryId: w.lead.id, role: "lead" },
      { territoryId: w.partner.id, role: "partner" },
      { territoryId: cofunder.id, role: "funder" },
    ],
  });

  const applicationArgs = (overrides: Partial<CreateApplicationArgs> = {}): CreateApplicationArgs => ({
    projectId: project.id,
    applicantTerritoryId: w.partner.id,
    programmeId: programme.id,
    callReference: "FV-2025-033",
    eligibleBaseCents: 50_000_000,
    requestedCents: 20_000_000,
    submissionDeadline: "2025-03-31",
    ...overrides,
  });
  /** Filed by the applicant's editor, so every test starts from a stored state. */
  const createApplication = async (overrides: Partial<CreateApplicationArgs> = {}) =>
    (await w.as("partnerEditor")).funding.createApplication(applicationArgs(overrides));

  /** Walks an application to `status` through the public procedure, granting 120 000 €. */
  const moveTo = async (application: Application, status: ApplicationStatus, by?: Caller): Promise<Application> => {
    const caller = by ?? (await w.as("partnerEditor"));
    let current = application;
    for (const [to, on] of PATHS[status]) {
      current = await caller.funding.transition({
        id: current.id,
        version: current.version,
        to,
        on,
        comment: to === "closed" ? "Solde déclaré définitif" : "",
        ...(to === "granted" ? { grantedCents: 12_000_000 } : {}),
      });
    }
    return current;
  };

  return { ...w, cofunder, cofunderEditor, programme, project, applicationArgs, createApplication, moveTo };
}
