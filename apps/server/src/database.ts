import { createDb, type DbHandle, migrateToLatest } from "@trame/db";
import type { Env } from "./env.ts";

/** The database the settings name (PostgreSQL with DATABASE_URL, else embedded PGlite), migrated to the latest schema. */
export async function openDatabase(env: Env): Promise<DbHandle> {
  const handle = await createDb({
    databaseUrl: env.DATABASE_URL,
    dataDir: env.TRAME_DATA_DIR,
    poolSize: env.DATABASE_POOL_SIZE,
  });
  try {
    await migrateToLatest(handle.db);
  } catch (error) {
    await handle.close();
    throw error;
  }
  return handle;
}
