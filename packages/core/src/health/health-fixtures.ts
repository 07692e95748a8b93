import type { CooperationHealthInput, HealthEngineering } from "./health.types.ts";
import { healthContext } from "./health-context.ts";
import { DEFAULT_HEALTH_THRESHOLDS, type HealthThresholds } from "./health-thresholds.ts";

/**
 * Small hand-made cooperations for the rule tests (not exported from the package): a metropolis
 * leading two communautés de communes since 2020, nothing else recorded unless a test says so.
 */

export const AS_OF = "2026-06-30";
export const METRO = "t-metro";
export const CC_A = "t-cc-a";
export const CC_B = "t-cc-b";

type Input = CooperationHealthInput;
type Member = Input["members"][number];
type Project = Input["projects"][number];
type Action = Input["actions"][number];
type Application = Input["applications"][number];

export const NO_ENGINEERING: HealthEngineering = { providerId: null, providerName: null, fte: null, kind: "none" };

export function member(territoryId: string, overrides: Partial<Member> = {}): Member {
  const names: Record<string, string> = {
    [METRO]: "Métropole Test",
    [CC_A]: "CC du Val",
    [CC_B]: "CC des Coteaux",
  };
  return {
    territoryId,
    name: names[territoryId] ?? territoryId,
    kind: territoryId === METRO ? "METRO" : "CC",
    role: territoryId === METRO ? "lead" : "member",
    joinedOn: "2020-01-01",
    leftOn: null,
    ...overrides,
  };
}

export function project(id: string, overrides: Partial<Project> = {}): Project {
  return {
    id,
    status: "in_progress",
    themes: ["water"],
    startedOn: "2022-01-01",
    leadTerritoryId: METRO,
    coOwnerTerritoryIds: [],
    engineering: NO_ENGINEERING,
    statusChanges: [],
    ...overrides,
  };
}

let actionCount = 0;
export function action(occurredOn: string, overrides: Partial<Action> = {}): Action {
  actionCount += 1;
  return {
    id: `a-${actionCount}`,
    occurredOn,
    kind: "meeting",
    projectId: null,
    territoryIds: [METRO, CC_A, CC_B],
    ...overrides,
  };
}

let applicationCount = 0;
/** An application to a call (FR-DSIL) unless the programme says otherwise. */
export function application(projectId: string, overrides: Partial<Application> = {}): Application {
  applicationCount += 1;
  return {
    id: `app-${applicationCount}`,
    projectId,
    status: "submitted",
    programme: { id: "prog-dsil", name: "DSIL", acronym: "DSIL", externalRef: "FR-DSIL" },
    funder: { id: "f-etat", name: "État" },
    grantedCents: null,
    filedOn: "2025-01-15",
    decidedOn: null,
    ...overrides,
  };
}

export const DEDICATED = {
  id: "prog-cto",
  name: "Contrat territorial Occitanie",
  acronym: "CTO",
  externalRef: "REG-OCC-CTO",
};
export const FONDS_VERT = { id: "prog-fv", name: "Fonds vert", acronym: "FV", externalRef: "FR-FONDS-VERT" };
export const AGENCY = { id: "f-agence", name: "Agence de l'eau" };

export function healthInput(
  overrides: Partial<Omit<Input, "cooperation">> & { cooperation?: Partial<Input["cooperation"]> } = {},
): Input {
  const { cooperation, ...rest } = overrides;
  return {
    cooperation: {
      id: "coop-1",
      name: "Contrat de réciprocité Test",
      engagementForm: "contrat_reciprocite",
      status: "active",
      startedOn: "2020-01-01",
      createdOn: "2020-01-01",
      themes: ["water", "food", "mobility"],
      narrative: { text: "", adoptedOn: null, revisedOn: [] },
      engineering: NO_ENGINEERING,
      ...cooperation,
    },
    members: [member(METRO), member(CC_A), member(CC_B)],
    projects: [],
    actions: [],
    applications: [],
    ...rest,
  };
}

export function contextOf(input: Input, asOf = AS_OF, thresholds: HealthThresholds = DEFAULT_HEALTH_THRESHOLDS) {
  return healthContext(input, asOf, thresholds);
}

/** A fact's value by key, for assertions that read like the sheet. */
export function basisOf(indicator: { basis: ReadonlyArray<{ key: string; value: unknown }> }): Record<string, unknown> {
  return Object.fromEntries(indicator.basis.map((f) => [f.key, f.value]));
}
