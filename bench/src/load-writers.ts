import { randomUUID } from "node:crypto";
import { type Database, insertSession, type Kysely, sql, upsertMembership } from "@trame/db";
import { hashSessionToken, newSessionToken } from "@trame/server/src/auth/session-token.ts";
import type { RawQuery } from "./bench-db.ts";
import { LoadClient } from "./load-client.ts";

/** One writer: an editor of a territory, writing on a project that territory leads. */
interface Writer {
  token: string;
  userId: string;
  territoryId: string;
  projectId: string;
  cooperationId: string;
}

export interface WritersFigure {
  writers: number;
  seconds: number;
  /** action.create through the production server (tRPC, session cookie, audit, timeline entry). */
  apiActionsPerSecond: number;
  apiErrors: number;
  /** The same rows inserted by plain SQL on the driver, one transaction per action. */
  sqlActionsPerSecond: number;
  sqlErrors: number;
}

/** `count` writers on as many different territories (issue 17: writers of different territories must not wait for each other). */
async function writersOnDistinctTerritories(
  db: Kysely<Database>,
  count: number,
  passwordHash: string,
): Promise<Writer[]> {
  const { rows } = await sql<{ project_id: string; territory_id: string; cooperation_id: string }>`
    select distinct on (pp.territory_id) pp.project_id, pp.territory_id, p.cooperation_id
    from project_partners pp join projects p on p.id = pp.project_id
    where pp.role = 'lead' and p.archived_at is null
    order by pp.territory_id, pp.project_id limit ${count}`.execute(db);
  if (rows.length < count) throw new Error(`the dataset has only ${rows.length} lead territories`);
  const writers: Writer[] = [];
  for (const [i, row] of rows.entries()) {
    const { id } = await db
      .insertInto("users")
      .values({
        email: `writer-${i}-${Date.now()}@bench.trame.fr`,
        name: `Rédacteur ${i}`,
        password_hash: passwordHash,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await upsertMembership(db, { userId: id, territoryId: row.territory_id, role: "editor" });
    const token = newSessionToken();
    await insertSession(db, {
      tokenHash: hashSessionToken(token),
      userId: id,
      expiresAt: new Date(Date.now() + 3_600_000),
    });
    writers.push({
      token,
      userId: id,
      territoryId: row.territory_id,
      projectId: row.project_id,
      cooperationId: row.cooperation_id,
    });
  }
  return writers;
}

/**
 * What action.create writes, as one statement per action in its own transaction: the action, its
 * timeline entry (numbered, with its writer's transaction id by default, and the territories it
 * shows), the entry's territory link, the audit line and the idempotency key with its stored answer:
 * the floor the API is compared with. One
 * statement outside any explicit transaction is one transaction.
 */
const RAW_ACTION = `
with a as (
  insert into actions (cooperation_id, project_id, occurred_on, kind, title, created_by)
  values ($1, $2, '2026-11-26', 'meeting', $4, $5) returning id, cooperation_id, project_id, occurred_on, kind, title
), e as (
  insert into timeline_entries (occurred_on, kind, title, cooperation_id, project_id, action_id, seq, territories)
  select occurred_on, kind, title, cooperation_id, project_id, id, nextval('timeline_entry_seq'),
    (select jsonb_build_array(jsonb_build_object('id', t.id, 'name', t.name)) from territories t where t.id = $3)
  from a
  returning id, occurred_on
), l as (
  insert into timeline_entry_territories (entry_id, territory_id, occurred_on) select id, $3, occurred_on from e
  returning entry_id
), k as (
  insert into idempotency_keys (user_id, key, procedure, request_hash, result)
  select $5, gen_random_uuid()::text, 'action.create', md5(title), jsonb_build_object('id', id, 'title', title) from a
  returning key
)
insert into audit_log (entity_type, entity_id, action, actor_id, after)
select 'action', id::text, 'created', $5, jsonb_build_object('title', title) from a`;

async function forSeconds(seconds: number, step: () => Promise<boolean>): Promise<{ ok: number; errors: number }> {
  const deadline = Date.now() + seconds * 1000;
  let ok = 0;
  let errors = 0;
  while (Date.now() < deadline) {
    if (await step()) ok++;
    else errors++;
  }
  return { ok, errors };
}

/**
 * Actions created per second by `count` concurrent writers on different territories through the
 * server, then the same rows by plain SQL from as many connections, in the same run.
 */
export async function measureWriters(
  db: Kysely<Database>,
  raw: RawQuery,
  baseUrl: string,
  passwordHash: string,
  count = 32,
  seconds = 10,
): Promise<WritersFigure> {
  const writers = await writersOnDistinctTerritories(db, count, passwordHash);
  const api = await Promise.all(
    writers.map((writer, i) => {
      const client = new LoadClient(baseUrl, writer.token);
      let n = 0;
      return forSeconds(seconds, async () => {
        const created = await client.call("mutation", "action.create", {
          idempotencyKey: randomUUID(),
          projectId: writer.projectId,
          occurredOn: "2026-11-26",
          kind: "meeting",
          title: `Action concurrente ${i}-${++n}`,
        });
        return created.ok;
      });
    }),
  );
  const direct = await Promise.all(
    writers.map((writer, i) => {
      let n = 0;
      return forSeconds(seconds, () =>
        raw(RAW_ACTION, [
          writer.cooperationId,
          writer.projectId,
          writer.territoryId,
          `Action SQL ${i}-${++n}`,
          writer.userId,
        ]).then(
          () => true,
          () => false,
        ),
      );
    }),
  );
  const apiOk = api.reduce((sum, r) => sum + r.ok, 0);
  return {
    writers: count,
    seconds,
    apiActionsPerSecond: Math.round(apiOk / seconds),
    apiErrors: api.reduce((sum, r) => sum + r.errors, 0),
    sqlActionsPerSecond: Math.round(direct.reduce((sum, r) => sum + r.ok, 0) / seconds),
    sqlErrors: direct.reduce((sum, r) => sum + r.errors, 0),
  };
}
