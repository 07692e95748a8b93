import { encodeCursor } from "@trame/core";
import { type DbHandle, sql } from "@trame/db";
import { capturingDb } from "@trame/db/testing-capture";
import type { SessionCache } from "@trame/server/src/auth/session-cache.ts";
import { type Context, createContextInner } from "@trame/server/src/context.ts";
import { createCaller } from "@trame/server/src/root.ts";
import type { RawQuery } from "./bench-db.ts";

export interface Scenario {
  name: string;
  /** Through tRPC as a signed-in user: context (session + memberships) and the procedure. */
  api: () => Promise<unknown>;
  /** The statements the procedure sent, replayed straight on the driver. */
  raw: () => Promise<unknown>;
  statements: ReadonlyArray<{ sql: string; parameters: readonly unknown[] }>;
}

export interface BenchSession {
  token: string;
  /** The server's cache of signed-in users, fed by its LISTEN connection, as in production. */
  sessions: SessionCache;
  userId: string;
  territory: { id: string; name: string; entries: number };
}

type Caller = ReturnType<typeof createCaller>;
const noCookie = { set() {}, clear() {} };

/**
 * One scenario per procedure call: the API side builds a fresh context per call (authentication
 * included, as over HTTP, through the server's session cache); the raw side replays the SQL the
 * procedure itself sent, captured once.
 */
async function scenario(
  handle: DbHandle,
  raw: RawQuery,
  session: BenchSession,
  name: string,
  invoke: (caller: Caller) => Promise<unknown>,
): Promise<Scenario> {
  const context = (db = handle.db): Promise<Context> =>
    createContextInner({
      db,
      sessionToken: session.token,
      clientAddress: "127.0.0.1",
      cookie: noCookie,
      sessions: session.sessions,
    });
  const capture = capturingDb(handle);
  const ctx = await context();
  await invoke(createCaller({ ...ctx, db: capture.db }));
  const statements = [...capture.captured];
  return {
    name,
    statements,
    api: async () => invoke(createCaller(await context())),
    raw: async () => {
      for (const statement of statements) await raw(statement.sql, statement.parameters);
    },
  };
}

/**
 * The cursor of the page 10,000 entries down the territory's feed (less on a small dataset: as deep
 * as one full page still fits), where a keyset page must cost what the first one does.
 */
export async function deepPage(handle: DbHandle, session: BenchSession): Promise<{ label: string; cursor?: string }> {
  const depth = Math.max(0, Math.min(10_000, session.territory.entries - 51));
  const { rows } = await sql<{ entry_id: string; occurred_on: string }>`
    select entry_id, occurred_on from timeline_entry_territories where territory_id = ${session.territory.id}
    order by occurred_on desc, entry_id desc offset ${Math.max(0, depth - 1)} limit 1`.execute(handle.db);
  const at = rows[0];
  return {
    label: `timeline.territory, ${depth.toLocaleString("fr-FR")} entrées plus loin`,
    ...(at ? { cursor: encodeCursor({ occurredOn: at.occurred_on, id: at.entry_id }) } : {}),
  };
}

export async function benchScenarios(handle: DbHandle, raw: RawQuery, session: BenchSession): Promise<Scenario[]> {
  const territoryId = session.territory.id;
  const deep = await deepPage(handle, session);

  return Promise.all([
    scenario(handle, raw, session, "timeline.territory, page 1", (c) =>
      c.timeline.territory({ territoryId, limit: 50 }),
    ),
    scenario(handle, raw, session, deep.label, (c) =>
      c.timeline.territory({ territoryId, limit: 50, cursor: deep.cursor }),
    ),
    scenario(handle, raw, session, "project.list (territoire + statut + thème)", (c) =>
      c.project.list({ territoryId, status: "in_progress", theme: "water", limit: 20 }),
    ),
    scenario(handle, raw, session, "territory.search « saint »", (c) =>
      c.territory.search({ query: "saint", limit: 20 }),
    ),
    scenario(handle, raw, session, "funding.applications (demandeur, accordées)", (c) =>
      c.funding.applications({ applicantTerritoryId: territoryId, status: "granted", limit: 20 }),
    ),
    scenario(handle, raw, session, "dashboard.territory", (c) => c.dashboard.territory({ territoryId })),
  ]);
}
