import type { MembershipRole } from "@trame/core";
import { type Database, type Kysely, recordAudit } from "@trame/db";
import { hashPassword } from "../auth/password.ts";

/** Public on purpose: printed at start and in the README. Demo accounts exist only on a demo instance. */
export const DEMO_PASSWORD = "trame-demo-2026";

export interface DemoAccount {
  email: string;
  name: string;
  /** The territory the account works for; null for the instance administrator. */
  territorySiren: string | null;
  territoryName: string | null;
  role: MembershipRole | "instance_admin";
}

/** One account per study metropolis (Bordeaux's is its admin, so the demo shows one) and a few neighbours. */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    email: "admin@trame.demo",
    name: "Administratrice de l'instance (démo)",
    territorySiren: null,
    territoryName: null,
    role: "instance_admin",
  },
  {
    email: "bordeaux@trame.demo",
    name: "Chargée de mission coopérations, Bordeaux Métropole (démo)",
    territorySiren: "243300316",
    territoryName: "Bordeaux Métropole",
    role: "admin",
  },
  {
    email: "montpellier@trame.demo",
    name: "Chargé de mission coopérations, Montpellier Méditerranée Métropole (démo)",
    territorySiren: "243400017",
    territoryName: "Montpellier Méditerranée Métropole",
    role: "editor",
  },
  {
    email: "orleans@trame.demo",
    name: "Chargée de mission coopérations, Orléans Métropole (démo)",
    territorySiren: "244500468",
    territoryName: "Orléans Métropole",
    role: "editor",
  },
  {
    email: "strasbourg@trame.demo",
    name: "Chargé de mission coopérations, Eurométropole de Strasbourg (démo)",
    territorySiren: "246700488",
    territoryName: "Eurométropole de Strasbourg",
    role: "editor",
  },
  {
    email: "montesquieu@trame.demo",
    name: "Directrice générale des services, CC de Montesquieu (démo)",
    territorySiren: "243301264",
    territoryName: "CC de Montesquieu",
    role: "editor",
  },
  {
    email: "vallee-herault@trame.demo",
    name: "Chargé de développement, CC Vallée de l'Hérault (démo)",
    territorySiren: "243400694",
    territoryName: "CC Vallée de l'Hérault",
    role: "editor",
  },
  {
    email: "loges@trame.demo",
    name: "Élue référente, CC des Loges (démo)",
    territorySiren: "244500427",
    territoryName: "CC des Loges",
    role: "viewer",
  },
  {
    email: "kochersberg@trame.demo",
    name: "Chargée de mission, CC du Kochersberg (démo)",
    territorySiren: "200034635",
    territoryName: "CC du Kochersberg",
    role: "editor",
  },
];

export interface PreparedAccount {
  account: DemoAccount;
  passwordHash: string;
}

/**
 * Hashes the password of each account not yet created, before the seed's transaction opens: scrypt
 * takes ~50 ms a hash and holding the database meanwhile would stall other writers.
 */
export async function prepareMissingAccounts(db: Kysely<Database>): Promise<PreparedAccount[]> {
  const emails = DEMO_ACCOUNTS.map((account) => account.email);
  const existing = await db.selectFrom("users").select("email").where("email", "in", emails).execute();
  const known = new Set(existing.map((row) => row.email));
  const missing = DEMO_ACCOUNTS.filter((account) => !known.has(account.email));
  return Promise.all(missing.map(async (account) => ({ account, passwordHash: await hashPassword(DEMO_PASSWORD) })));
}

/**
 * Creates the prepared accounts and their membership. An account that already exists is left as it
 * is, role included: someone may have changed it on purpose since the first seed.
 */
export async function insertDemoAccounts(
  trx: Kysely<Database>,
  prepared: readonly PreparedAccount[],
  territoryIdOf: (siren: string) => string | undefined,
): Promise<number> {
  let created = 0;
  for (const { account, passwordHash } of prepared) {
    const territoryId = account.territorySiren ? territoryIdOf(account.territorySiren) : undefined;
    if (account.territorySiren && !territoryId)
      throw new Error(`Demo account ${account.email}: no territory ${account.territorySiren}`);
    const isInstanceAdmin = account.role === "instance_admin";
    const inserted = await trx
      .insertInto("users")
      .values({
        email: account.email,
        name: account.name,
        password_hash: passwordHash,
        is_instance_admin: isInstanceAdmin,
      })
      .onConflict((oc) => oc.column("email").doNothing())
      .returning("id")
      .executeTakeFirst();
    if (!inserted) continue;
    if (territoryId && account.role !== "instance_admin") {
      await trx
        .insertInto("memberships")
        .values({ user_id: inserted.id, territory_id: territoryId, role: account.role })
        .execute();
    }
    await recordAudit(trx, {
      entityType: "user",
      entityId: inserted.id,
      action: "seeded",
      actorId: null,
      before: null,
      after: {
        id: inserted.id,
        email: account.email,
        name: account.name,
        isInstanceAdmin,
        territoryId,
        role: account.role,
      },
    });
    created++;
  }
  return created;
}
