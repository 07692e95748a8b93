import { randomUUID } from "node:crypto";
import type { MembershipRole } from "@trame/core";
import { type Database, type Kysely, sql } from "@trame/db";
import { callerFor, makeTerritory, makeUser } from "./factories.ts";

type Caller = Awaited<ReturnType<typeof callerFor>>;
export type CreateCooperationArgs = Parameters<Caller["cooperation"]["create"]>[0];

const ROLES = {
  leadAdmin: ["lead", "admin"],
  leadEditor: ["lead", "editor"],
  leadViewer: ["lead", "viewer"],
  neighbourAdmin: ["neighbour", "admin"],
  neighbourEditor: ["neighbour", "editor"],
  outsiderAdmin: ["outsider", "admin"],
  instanceAdmin: null,
} as const satisfies Record<string, readonly [string, MembershipRole] | null>;
export type WorldRole = keyof typeof ROLES;

/**
 * A metropolis leading, a neighbour that will join and a territory outside the cooperation, with a
 * signed-in user for each role the test names (password hashing is slow, so only those), plus the
 * lead's admin, who creates the cooperations and adds the neighbour.
 */
export async function cooperationWorld<K extends WorldRole>(db: Kysely<Database>, roles: readonly K[]) {
  const [lead, neighbour, outsider] = await Promise.all([
    makeTerritory(db, { kind: "METRO", name: `Bordeaux Métropole ${randomUUID().slice(0, 6)}` }),
    makeTerritory(db, { kind: "CC" }),
    makeTerritory(db, { kind: "CA" }),
  ]);
  const territories = { lead, neighbour, outsider };
  const wanted = [...new Set<WorldRole>([...roles, "leadAdmin"])];
  const callers = await Promise.all(
    wanted.map(async (name) => {
      const grant = ROLES[name];
      const user = grant
        ? await makeUser(db, { memberships: [{ territoryId: territories[grant[0]].id, role: grant[1] }] })
        : await makeUser(db, { isInstanceAdmin: true });
      return [name, await callerFor(db, user)] as const;
    }),
  );
  const as = Object.fromEntries(callers) as Record<K | "leadAdmin", Caller>;
  const { leadAdmin } = as;

  /** A cooperation led by `lead`, created by its admin, so every test starts from a stored state. */
  const createCooperation = (overrides: Partial<CreateCooperationArgs> = {}, by: Caller = leadAdmin) =>
    by.cooperation.create({
      name: `Contrat de réciprocité ${randomUUID().slice(0, 8)}`,
      engagementForm: "contrat_reciprocite",
      leadTerritoryId: lead.id,
      startedOn: "2021-03-15",
      themes: ["food", "mobility"],
      ...overrides,
    });

  /** The same cooperation with the neighbour as a plain member. */
  const createWithNeighbour = async (overrides: Partial<CreateCooperationArgs> = {}) => {
    const created = await createCooperation(overrides);
    return leadAdmin.cooperation.addMember({
      cooperationId: created.id,
      territoryId: neighbour.id,
      role: "member",
      joinedOn: "2022-01-10",
    });
  };

  return { lead, neighbour, outsider, as, createCooperation, createWithNeighbour };
}

/**
 * Makes every audit line for `entityId` fail, as a stand-in for any failure late in a multi-row
 * change: the rows written before it must roll back with it.
 */
export async function installAuditFailure(db: Kysely<Database>): Promise<(entityId: string) => Promise<void>> {
  await sql`create table if not exists test_audit_failures (entity_id text primary key)`.execute(db);
  await sql`create or replace function test_fail_audit() returns trigger language plpgsql as $$
    begin
      if exists (select 1 from test_audit_failures where entity_id = new.entity_id) then
        raise exception 'audit refused for this test';
      end if;
      return new;
    end $$`.execute(db);
  await sql`drop trigger if exists test_fail_audit on audit_log`.execute(db);
  await sql`create trigger test_fail_audit before insert on audit_log for each row execute function test_fail_audit()`.execute(
    db,
  );
  return async (entityId) => {
    await sql`insert into test_audit_failures (entity_id) values (${entityId})`.execute(db);
  };
}
