import type { ColumnType } from "kysely";

/** A piece of demo content the seed created, under the seed's own key (migration 190001). */
export interface SeedMarksTable {
  key: string;
  /** The row it created; null when adopted from a database seeded before marks existed. */
  entity_id: string | null;
  created_at: ColumnType<string, string | undefined, never>;
}

/** What the reference import last wrote, as stored (`reference` columns, migration 190001). */
export type ReferenceValues = Record<string, unknown>;
export type ReferenceColumn = ColumnType<ReferenceValues | null, string | null | undefined, string | null>;
