import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { createDb, type DbHandle, migrateToLatest, sql } from "@trame/db";

/** A refusal or failure the operator can act on, worded in French then English like every CLI message. */
export class BackupError extends Error {
  constructor(fr: string, en: string) {
    super(`${fr}\n${en}`);
  }
}

/** What an archive holds, so the operator sees at a glance that it is the database they meant. */
export interface DataSummary {
  territories: number;
  users: number;
  cooperations: number;
  projects: number;
  documents: number;
}

async function summarise(handle: DbHandle): Promise<DataSummary> {
  const { rows } = await sql<DataSummary>`select
      (select count(*)::int from territories) as territories,
      (select count(*)::int from users) as users,
      (select count(*)::int from cooperations) as cooperations,
      (select count(*)::int from projects) as projects,
      (select count(*)::int from documents) as documents`.execute(handle.db);
  const summary = rows[0];
  if (!summary) throw new Error("no row from a count query");
  return summary;
}

/**
 * PostgreSQL writes this file while the data directory is open and removes it on a clean close.
 * PGlite takes no lock of its own, so this is the only sign a running server holds the directory.
 */
const IN_USE_MARKER = "postmaster.pid";

/**
 * Writes the whole PGlite data directory as a gzipped tarball (PGlite's own `dumpDataDir`). The
 * directory must not be open elsewhere: two PGlite instances on one directory would each write
 * without seeing the other, so stop the server first. `force` exports anyway, for a directory left
 * marked by a server that was killed rather than stopped.
 */
export async function exportPgliteData(options: {
  dataDir: string;
  file: string;
  force?: boolean;
}): Promise<DataSummary & { bytes: number }> {
  const dataDir = resolve(options.dataDir);
  if (!existsSync(join(dataDir, "PG_VERSION"))) {
    throw new BackupError(`Aucune base PGlite dans ${dataDir}.`, `No PGlite database in ${dataDir}.`);
  }
  if (existsSync(join(dataDir, IN_USE_MARKER)) && !options.force) {
    throw new BackupError(
      `La base ${dataDir} semble ouverte par un serveur : arrêtez-le d'abord (ou --force s'il a été tué sans fermer la base).`,
      `The database in ${dataDir} looks open in a server: stop it first (or --force if it was killed without closing the database).`,
    );
  }
  const handle = await createDb({ dataDir });
  let archive: Blob;
  let summary: DataSummary;
  try {
    summary = await summarise(handle);
    if (!handle.pglite) throw new Error("createDb without DATABASE_URL must open PGlite");
    archive = await handle.pglite.dumpDataDir("gzip");
  } finally {
    await handle.close();
  }
  const file = resolve(options.file);
  const bytes = new Uint8Array(await archive.arrayBuffer());
  // Written aside then renamed, so a failed export never leaves a truncated file under the final name.
  const partial = `${file}.partial-${process.pid}`;
  await mkdir(dirname(file), { recursive: true });
  try {
    await writeFile(partial, bytes);
    await rename(partial, file);
  } finally {
    await rm(partial, { force: true });
  }
  return { ...summary, bytes: bytes.byteLength };
}

async function isEmptyDir(path: string): Promise<boolean> {
  if (!existsSync(path)) return true;
  return (await readdir(path)).length === 0;
}

/**
 * Restores an archive made by `exportPgliteData` into `dataDir`. The archive is unpacked beside the
 * target, opened and migrated to the current schema (an older backup is brought up to date) before
 * anything is replaced: a corrupt file or a failed migration leaves the existing directory as it
 * was. A non-empty directory is replaced only with `force`, and the server must be stopped.
 */
export async function importPgliteData(options: {
  dataDir: string;
  file: string;
  force?: boolean;
}): Promise<DataSummary & { migrations: string[] }> {
  const dataDir = resolve(options.dataDir);
  const file = resolve(options.file);
  if (!existsSync(file)) throw new BackupError(`Fichier introuvable : ${file}`, `File not found: ${file}`);
  if (!(await isEmptyDir(dataDir)) && !options.force) {
    throw new BackupError(
      `Le dossier ${dataDir} n'est pas vide : arrêtez le serveur et ajoutez --force pour remplacer la base qu'il contient.`,
      `The directory ${dataDir} is not empty: stop the server and add --force to replace the database it holds.`,
    );
  }

  const stamp = `${process.pid}-${Date.now()}`;
  const staging = `${dataDir}.import-${stamp}`;
  await mkdir(staging, { recursive: true });
  try {
    await unpack(await readFile(file), staging, file);
    const handle = await createDb({ dataDir: staging });
    let result: DataSummary & { migrations: string[] };
    try {
      const migrations = await migrateToLatest(handle.db);
      result = { ...(await summarise(handle)), migrations };
    } finally {
      await handle.close();
    }
    await swapInto(staging, dataDir, `${dataDir}.replaced-${stamp}`);
    return result;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

async function unpack(archive: Uint8Array, staging: string, file: string): Promise<void> {
  try {
    const loaded = await PGlite.create(staging, { loadDataDir: new Blob([archive]) });
    await loaded.close();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new BackupError(
      `${file} ne s'ouvre pas comme une sauvegarde PGlite de Trame (${reason}).`,
      `${file} does not open as a Trame PGlite backup (${reason}).`,
    );
  }
}

/** Two renames on one filesystem: a crash in between leaves both directories on disk, never neither. */
async function swapInto(staging: string, dataDir: string, aside: string): Promise<void> {
  await mkdir(dirname(dataDir), { recursive: true });
  const replacing = existsSync(dataDir);
  if (replacing) await rename(dataDir, aside);
  await rename(staging, dataDir);
  if (replacing) await rm(aside, { recursive: true, force: true });
}
