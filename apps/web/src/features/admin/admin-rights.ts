import type { MembershipRole } from "@trame/core";

interface SessionUser {
  isInstanceAdmin: boolean;
  memberships: ReadonlyArray<{ territoryId: string; territoryName: string; role: MembershipRole }>;
}

export interface AdminRights {
  /** Accounts, other public bodies, neighbour links, and every membership. */
  instance: boolean;
  /** The territories whose memberships this user manages (all of them for the instance). */
  territories: ReadonlyArray<{ territoryId: string; territoryName: string }>;
}

/** What the administration screens offer; the server checks the same against what it stores. */
export function adminRightsOf(user: SessionUser | null | undefined): AdminRights {
  if (!user) return { instance: false, territories: [] };
  return {
    instance: user.isInstanceAdmin,
    territories: user.memberships.filter((m) => m.role === "admin"),
  };
}

export function canAdminister(rights: AdminRights): boolean {
  return rights.instance || rights.territories.length > 0;
}

export function managesTerritory(rights: AdminRights, territoryId: string): boolean {
  return rights.instance || rights.territories.some((t) => t.territoryId === territoryId);
}
