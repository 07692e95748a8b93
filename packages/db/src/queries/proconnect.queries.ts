import type { MembershipRole } from "@trame/core";
import { type Kysely, sql } from "kysely";
import type { Database } from "../schema.ts";
import type { ProConnectIdentity } from "../schema-proconnect.ts";

/** A sign-in attempt lives this long between the button and the end of the access request page. */
export const PROCONNECT_FLOW_MINUTES = 15;

export async function insertProConnectFlow(
  db: Kysely<Database>,
  values: { idHash: string; state: string; nonce: string; codeVerifier: string },
): Promise<void> {
  await db
    .insertInto("proconnect_flows")
    .values({ id_hash: values.idHash, state: values.state, nonce: values.nonce, code_verifier: values.codeVerifier })
    .execute();
}

/** The flow behind a cookie, if it is still fresh; older ones count as absent. */
export async function findProConnectFlow(db: Kysely<Database>, idHash: string) {
  return db
    .selectFrom("proconnect_flows")
    .selectAll()
    .where("id_hash", "=", idHash)
    .where("created_at", ">", sql<string>`now() - make_interval(mins => ${PROCONNECT_FLOW_MINUTES})`)
    .executeTakeFirst();
}

export async function setProConnectFlowIdentity(
  db: Kysely<Database>,
  idHash: string,
  identity: ProConnectIdentity,
): Promise<void> {
  await db
    .updateTable("proconnect_flows")
    .set({ identity: JSON.stringify(identity) })
    .where("id_hash", "=", idHash)
    .execute();
}

export async function deleteProConnectFlow(db: Kysely<Database>, idHash: string): Promise<void> {
  await db.deleteFrom("proconnect_flows").where("id_hash", "=", idHash).execute();
}

export async function deleteStaleProConnectFlows(db: Kysely<Database>): Promise<void> {
  await db
    .deleteFrom("proconnect_flows")
    .where("created_at", "<=", sql<string>`now() - make_interval(mins => ${PROCONNECT_FLOW_MINUTES})`)
    .execute();
}

/** An active account with this e-mail (stored lower-case, as the sign-in form sends it). */
export async function findActiveUserIdByEmail(db: Kysely<Database>, email: string): Promise<string | undefined> {
  const row = await db
    .selectFrom("users")
    .select("id")
    .where(sql<string>`lower(email)`, "=", email.toLowerCase())
    .where("disabled_at", "is", null)
    .executeTakeFirst();
  return row?.id;
}

export interface SiretTerritory {
  id: string;
  name: string;
  /** How the SIREN was recognised: the territory's own, or one of its member communes'. */
  via: "territory" | "commune";
  communeName: string | null;
}

/**
 * The territory a SIRET belongs to: its SIREN (first 9 digits) is a territory's own (an EPCI, or a
 * body an administrator added with its SIREN), or a member commune's, which leads to its EPCI.
 */
export async function findTerritoryForSiren(db: Kysely<Database>, siren: string): Promise<SiretTerritory | undefined> {
  const own = await db
    .selectFrom("territories")
    .select(["id", "name"])
    .where("siren", "=", siren)
    .where("archived_at", "is", null)
    .executeTakeFirst();
  if (own) return { id: own.id, name: own.name, via: "territory", communeName: null };
  const commune = await db
    .selectFrom("communes as c")
    .innerJoin("territories as t", "t.id", "c.territory_id")
    .select(["t.id", "t.name", "c.name as commune_name"])
    .where("c.siren", "=", siren)
    .where("t.archived_at", "is", null)
    .executeTakeFirst();
  return commune && { id: commune.id, name: commune.name, via: "commune", communeName: commune.commune_name };
}

export async function countCommunesWithoutSiren(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom("communes")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("siren", "is", null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function setSessionLogoutUrl(db: Kysely<Database>, tokenHash: string, url: string): Promise<void> {
  await db.updateTable("sessions").set({ proconnect_logout_url: url }).where("token_hash", "=", tokenHash).execute();
}

export async function findSessionLogoutUrl(db: Kysely<Database>, tokenHash: string): Promise<string | null> {
  const row = await db
    .selectFrom("sessions")
    .select("proconnect_logout_url")
    .where("token_hash", "=", tokenHash)
    .executeTakeFirst();
  return row?.proconnect_logout_url ?? null;
}

export interface AccessRequestRow {
  id: string;
  territoryId: string;
  territoryName: string;
  email: string;
  name: string;
  siret: string;
  status: "pending" | "accepted" | "refused";
  role: MembershipRole | null;
  userId: string | null;
  createdAt: string;
}

/**
 * Files a pending request, or returns the one already pending for this e-mail and territory
 * (the partial unique index makes a resent or concurrent request write nothing).
 */
export async function insertAccessRequest(
  db: Kysely<Database>,
  values: { territoryId: string; email: string; name: string; siret: string },
): Promise<{ id: string; created: boolean }> {
  const inserted = await db
    .insertInto("access_requests")
    .values({ territory_id: values.territoryId, email: values.email, name: values.name, siret: values.siret })
    .onConflict((oc) => oc.columns(["email", "territory_id"]).where("status", "=", "pending").doNothing())
    .returning("id")
    .executeTakeFirst();
  if (inserted) return { id: inserted.id, created: true };
  const pending = await db
    .selectFrom("access_requests")
    .select("id")
    .where("email", "=", values.email)
    .where("territory_id", "=", values.territoryId)
    .where("status", "=", "pending")
    .executeTakeFirstOrThrow();
  return { id: pending.id, created: false };
}

function accessRequestQuery(db: Kysely<Database>) {
  return db
    .selectFrom("access_requests as r")
    .innerJoin("territories as t", "t.id", "r.territory_id")
    .select([
      "r.id",
      "r.territory_id",
      "t.name as territory_name",
      "r.email",
      "r.name",
      "r.siret",
      "r.status",
      "r.role",
      "r.user_id",
      "r.created_at",
    ]);
}

type AccessRequestSelected = Awaited<ReturnType<ReturnType<typeof accessRequestQuery>["executeTakeFirstOrThrow"]>>;

function toAccessRequest(row: AccessRequestSelected): AccessRequestRow {
  return {
    id: row.id,
    territoryId: row.territory_id,
    territoryName: row.territory_name,
    email: row.email,
    name: row.name,
    siret: row.siret,
    status: row.status,
    role: row.role,
    userId: row.user_id,
    createdAt: row.created_at,
  };
}

/** Pending requests of these territories (null: every territory), oldest first. */
export async function listPendingAccessRequests(
  db: Kysely<Database>,
  territoryIds: string[] | null,
): Promise<AccessRequestRow[]> {
  if (territoryIds?.length === 0) return [];
  let query = accessRequestQuery(db).where("r.status", "=", "pending");
  if (territoryIds) query = query.where("r.territory_id", "in", territoryIds);
  const rows = await query.orderBy("r.created_at").orderBy("r.id").execute();
  return rows.map(toAccessRequest);
}

/** One request, locked until the end of the transaction so two admins cannot both decide it. */
export async function lockAccessRequest(db: Kysely<Database>, id: string): Promise<AccessRequestRow | undefined> {
  const row = await accessRequestQuery(db).where("r.id", "=", id).forUpdate("r").executeTakeFirst();
  return row && toAccessRequest(row);
}

export async function closeAccessRequest(
  db: Kysely<Database>,
  values: {
    id: string;
    status: "accepted" | "refused";
    role: MembershipRole | null;
    decidedBy: string;
    userId: string | null;
  },
): Promise<void> {
  await db
    .updateTable("access_requests")
    .set({
      status: values.status,
      role: values.role,
      decided_by: values.decidedBy,
      decided_at: sql<string>`now()`,
      user_id: values.userId,
    })
    .where("id", "=", values.id)
    .execute();
}
