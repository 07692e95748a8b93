import { resolve } from "node:path";
import { createDb, type DbHandle, migrateToLatest, NamedStatements, POSTGRES_SESSION_OPTIONS } from "@trame/db";
import pg from "pg";
import type { BenchSettings } from "./env.ts";

/** Runs a statement's text and parameters directly on the driver, bypassing Kysely and tRPC. */
export type RawQuery = (sqlText: string, parameters: readonly unknown[]) => Promise<unknown>;

export interface BenchDatabase {
  handle: DbHandle;
  raw: RawQuery;
  label: string;
  /** The bench database's URL when on PostgreSQL (the throughput run starts servers on it). */
  url?: string;
  /** The PGlite data directory when embedded (the latency run starts the server on it). */
  dataDir?: string;
  close(): Promise<void>;
}

/**
 * The bench works in its own database (`trame_bench_<scale>` on the server named by DATABASE_URL,
 * or a PGlite directory per scale), so it never touches application data and a generated dataset
 * is reused by later runs until `--fresh`.
 */
export async function openBenchDatabase(settings: BenchSettings): Promise<BenchDatabase> {
  if (!settings.databaseUrl) {
    // Absolute: the server the latency run starts works from another directory.
    const dataDir = resolve(`${settings.dataDir}-${settings.scaleName}`);
    if (settings.fresh) {
      const { rmSync } = await import("node:fs");
      rmSync(dataDir, { recursive: true, force: true });
    }
    const handle = await createDb({ dataDir });
    await migrateToLatest(handle.db);
    const pglite = handle.pglite;
    if (!pglite) throw new Error("PGlite handle expected");
    return {
      handle,
      raw: (text, parameters) => pglite.query(text, [...parameters]),
      label: `PGlite (${dataDir})`,
      dataDir,
      close: () => handle.close(),
    };
  }
  const name = `trame_bench_${settings.scaleName.replace(/\W/g, "_")}`;
  const admin = new pg.Client({ connectionString: settings.databaseUrl });
  await admin.connect();
  if (settings.fresh) await admin.query(`drop database if exists ${name} with (force)`);
  const exists = await admin.query("select 1 from pg_database where datname = $1", [name]);
  if (exists.rowCount === 0) await admin.query(`create database ${name}`);
  const { rows } = await admin.query<{ server_version: string }>("show server_version");
  await admin.end();

  const url = new URL(settings.databaseUrl);
  url.pathname = `/${name}`;
  const handle = await createDb({ databaseUrl: url.toString(), poolSize: 40 });
  await migrateToLatest(handle.db);
  // "SQL alone" replays on the server's connection settings: with PostgreSQL's default JIT, the
  // dashboard's aggregate of a metropolis spent 412 of its 506 ms compiling (national bench, 2026-12-07).
  const direct = new pg.Pool({ connectionString: url.toString(), max: 40, options: POSTGRES_SESSION_OPTIONS });
  // Replayed as the server sends them: repeated statements prepared under a name (ADR 0016).
  const statements = new NamedStatements();
  return {
    handle,
    raw: (text, parameters) => {
      const name = statements.nameOf(text, parameters);
      return direct.query(name ? { name, text, values: [...parameters] } : { text, values: [...parameters] });
    },
    label: `PostgreSQL ${rows[0]?.server_version ?? ""} (${name})`,
    url: url.toString(),
    close: async () => {
      await direct.end();
      await handle.close();
    },
  };
}
