import type { Kysely } from "kysely";
import { Migrator } from "kysely/migration";
import { migrations } from "./migrations/index.ts";
import type { Database } from "./schema.ts";

/** Brings the schema up to date; Kysely's migrator takes a lock, so two instances starting together are safe. */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  // Features land from parallel branches: a database migrated by an earlier build may lack a migration
  // whose name sorts before ones it already ran. Each migration touches only its own objects, so the
  // missing ones are applied rather than refused.
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    allowUnorderedMigrations: true,
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}
