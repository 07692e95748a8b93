import type { ColumnType, Generated } from "kysely";

type Stamp = ColumnType<string, string | undefined, string>;
/** jsonb written as a `::jsonb` expression, read back as parsed JSON. */
type Json = ColumnType<unknown, unknown, unknown>;

/** An uploaded spreadsheet kept until its import is committed (migration 180001). */
export interface ImportUploadsTable {
  id: Generated<string>;
  cooperation_id: string;
  uploaded_by: string;
  file_name: string;
  sha256: string;
  content: Uint8Array;
  created_at: Stamp;
}

/** A row's stable key → the entity its first import created, per cooperation and kind. */
export interface ImportKeysTable {
  cooperation_id: string;
  kind: string;
  key: string;
  entity_id: string;
  created_at: Stamp;
}

/** One committed import: the history line and its full report. */
export interface ImportRunsTable {
  id: Generated<string>;
  cooperation_id: string;
  actor_id: string | null;
  kind: string;
  mode: string;
  file_name: string;
  sha256: string;
  created_count: number;
  updated_count: number;
  skipped_count: number;
  report: Json;
  created_at: Stamp;
}

/** The column mapping last confirmed for a layout of headers (its signature), per cooperation. */
export interface ImportMappingsTable {
  cooperation_id: string;
  signature: string;
  mapping: Json;
  updated_at: Stamp;
}
