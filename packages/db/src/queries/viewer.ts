import { type RawBuilder, sql } from "kysely";

/** Who reads: restricted projects (and everything attached to them) reach only their partners' members. */
export interface Viewer {
  isInstanceAdmin: boolean;
  /** Every territory the user belongs to, whatever the role: viewers read too. */
  territoryIds: readonly string[];
}

/**
 * The viewer's territories as one `uuid[]` parameter, to meet a partners array with `&&`: one
 * statement text whatever their number, so it stays one named statement.
 */
export function viewerTerritories(viewer: Viewer): RawBuilder<string[]> {
  return uuidArray(viewer.territoryIds);
}

/** Ids as one `uuid[]` parameter: one statement text whatever their number. */
export function uuidArray(ids: readonly string[]): RawBuilder<string[]> {
  return sql<string[]>`${[...ids]}::uuid[]`;
}
