import { type Database, type Kysely, recordAudit } from "@trame/db";
import { hashPassword } from "../auth/password.ts";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, type DemoAccount } from "./demo-accounts.data.ts";
import { demoKey } from "./demo-keys.ts";
import type { SeedMarks } from "./seed-marks.ts";

export interface PreparedAccount {
  account: DemoAccount;
  passwordHash: string;
}

/**
 * Hashes the password of each account the seed has not made yet, before the seed's transaction
 * opens: scrypt takes ~50 ms a hash and holding the database meanwhile would stall other writers.
 */
export async function prepareMissingAccounts(marks: SeedMarks): Promise<PreparedAccount[]> {
  const missing = DEMO_ACCOUNTS.filter((account) => !marks.has(demoKey.account(account.email)));
  return Promise.all(missing.map(async (account) => ({ account, passwordHash: await hashPassword(DEMO_PASSWORD) })));
}

/**
 * Creates the prepared accounts and their membership, once: an account the seed made is never made
 * again, whatever has become of it (email, role, password changed, or disabled). An address someone
 * already uses is left to its owner.
 */
export async function insertDemoAccounts(
  trx: Kysely<Database>,
  prepared: readonly PreparedAccount[],
  territoryIdOf: (siren: string) => string | undefined,
  marks: SeedMarks,
): Promise<number> {
  let created = 0;
  for (const { account, passwordHash } of prepared) {
    const key = demoKey.account(account.email);
    if (marks.has(key)) continue;
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
    await marks.record(trx, key, inserted?.id ?? null);
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
