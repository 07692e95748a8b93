import type { PartnerRole, Visibility } from "../enums/project.ts";
import { type Actor, hasRoleInAny, hasTerritoryRole } from "./access.rules.ts";

export interface StoredProjectAccess {
  visibility: Visibility;
  partners: ReadonlyArray<{ territoryId: string; role: PartnerRole }>;
}

const partnerIds = (project: StoredProjectAccess) => project.partners.map((p) => p.territoryId);

/** A restricted project exists only for its partners' members (and instance administrators). */
export function canViewProject(actor: Actor, project: StoredProjectAccess): boolean {
  return project.visibility === "network" || hasRoleInAny(actor, partnerIds(project), "viewer");
}

/** Editors of any partner edit the project and log its actions. */
export function canEditProject(actor: Actor, project: StoredProjectAccess): boolean {
  return hasRoleInAny(actor, partnerIds(project), "editor");
}

/** Only the lead's editors change who the partners are: it commits the lead's name to every partner. */
export function canSetPartners(actor: Actor, project: StoredProjectAccess): boolean {
  const lead = project.partners.find((p) => p.role === "lead");
  return lead !== undefined && hasTerritoryRole(actor, lead.territoryId, "editor");
}
