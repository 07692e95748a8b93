import { randomBytes } from "node:crypto";
import pg from "pg";
import { createDb, type DbHandle } from "../create-db.ts";
import { migrateToLatest } from "../migrate.ts";

/**
 * A fresh, migrated, empty database for one test file: in-memory PGlite by default, or a new
 * database on the server named by TEST_DATABASE_URL (dropped on close), so CI runs the same tests
 * on both backends and no test sees another's rows.
 */
export async function createTestDb(): Promise<DbHandle> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const handle = await createDb({ dataDir: "memory://" });
    await migrateToLatest(handle.db);
    return handle;
  }
  const name = `trame_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await createDb({ databaseUrl: url.toString(), poolSize: 5 });
  await migrateToLatest(handle.db);
  return {
    ...handle,
    close: async () => {
      await handle.close();
      const dropper = new pg.Client({ connectionString: serverUrl });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}

export function testDatabaseUrl(): string | undefined {
  return process.env.TEST_DATABASE_URL;
}
