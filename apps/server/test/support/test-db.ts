import type { DbHandle } from "@trame/db";
import { createTestDb } from "@trame/db/testing";
import { afterAll, beforeAll } from "vitest";

/** One fresh database per test file (PGlite, or PostgreSQL with TEST_DATABASE_URL); tests use unique fixtures. */
export function useTestDb(): () => DbHandle {
  let handle: DbHandle | undefined;
  beforeAll(async () => {
    handle = await createTestDb();
  }, 60_000);
  afterAll(async () => {
    await handle?.close();
  });
  return () => {
    if (!handle) throw new Error("test database not ready");
    return handle;
  };
}
