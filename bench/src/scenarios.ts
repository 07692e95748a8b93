import { encodeCursor, territoryTimelineInputSchema } from "@trame/core";
import { type Database, type Kysely, sql, timelineQuery } from "@trame/db";
import { createContextInner } from "@trame/server/src/context.ts";
import { createCaller } from "@trame/server/src/root.ts";
import type { RawQuery } from "./bench-db.ts";

export interface Scenario {
  name: string;
  /** Through tRPC as a signed-in user: context (session + memberships) and the procedure. */
  api: () => Promise<unknown>;
  /** The same statement the procedure sends, straight to the driver. */
  raw: () => Promise<unknown>;
}

const noCookie = { set() {}, clear() {} };

export async function timelineScenarios(
  db: Kysely<Database>,
  raw: RawQuery,
  session: { token: string; userId: string; territory: { id: string } },
): Promise<Scenario[]> {
  const territoryId = session.territory.id;
  const { rows } = await sql<{ entry_id: string; occurred_on: string; total: number }>`
    select entry_id, occurred_on, count(*) over () as total from timeline_entry_territories
    where territory_id = ${territoryId} order by occurred_on desc, entry_id desc`.execute(db);
  const depth = Math.min(10_000, Math.floor(rows.length / 2));
  const at = rows[depth - 1];
  const deepCursor = at ? encodeCursor({ occurredOn: at.occurred_on, id: at.entry_id }) : undefined;

  type Input = { territoryId: string; limit: number; cursor?: string | undefined };
  const api = async (input: Input) => {
    const ctx = await createContextInner({
      db,
      sessionToken: session.token,
      clientAddress: "127.0.0.1",
      cookie: noCookie,
    });
    return createCaller(ctx).timeline.territory(input);
  };
  const rawFor = (input: Input) => {
    const { territoryId: id, ...filters } = territoryTimelineInputSchema.parse(input);
    const viewer = { isInstanceAdmin: false, territoryIds: [id] };
    const compiled = timelineQuery(db, { territoryId: id }, filters, viewer).compile();
    return () => raw(compiled.sql, compiled.parameters);
  };

  const first: Input = { territoryId, limit: 50 };
  const deep: Input = { territoryId, limit: 50, cursor: deepCursor };
  return [
    { name: "timeline.territory, page 1", api: () => api(first), raw: rawFor(first) },
    {
      name: `timeline.territory, ${depth.toLocaleString("fr-FR")} entrées plus loin`,
      api: () => api(deep),
      raw: rawFor(deep),
    },
  ];
}
