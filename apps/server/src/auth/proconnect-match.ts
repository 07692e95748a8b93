import {
  type Database,
  findActiveUserIdByEmail,
  findTerritoryForSiren,
  type Kysely,
  type SiretTerritory,
} from "@trame/db";

/**
 * Who a ProConnect agent is to Trame (ADR 0012):
 * - an account with the same e-mail (ProConnect's e-mail is verified by the agent's identity provider) → signed in;
 * - otherwise, a territory their SIRET belongs to (the SIREN of the territory itself, or of one of its
 *   member communes) → they may ask that territory's admins for access;
 * - otherwise nobody to ask: they are told so.
 */
export type ProConnectMatch =
  | { kind: "account"; userId: string }
  | { kind: "territory"; territory: SiretTerritory }
  | { kind: "unknown" };

/** 14 digits, spaces tolerated (ProConnect sends them bare; some identity providers format them). */
export function sirenOfSiret(siret: string): string | null {
  const digits = siret.replace(/\s/g, "");
  return /^\d{14}$/.test(digits) ? digits.slice(0, 9) : null;
}

export async function matchAgent(
  db: Kysely<Database>,
  agent: { email: string; siret: string },
): Promise<ProConnectMatch> {
  const userId = await findActiveUserIdByEmail(db, agent.email);
  if (userId) return { kind: "account", userId };
  const siren = sirenOfSiret(agent.siret);
  const territory = siren ? await findTerritoryForSiren(db, siren) : undefined;
  return territory ? { kind: "territory", territory } : { kind: "unknown" };
}
