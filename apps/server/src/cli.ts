import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { createUserInputSchema, DomainError, fieldErrorsFromZod, membershipRoleLabels } from "@trame/core";
import { createDb, type DbHandle, migrateToLatest } from "@trame/db";
import { type DataSummary, exportPgliteData, importPgliteData } from "./backup/pglite-backup.ts";
import { openDatabase } from "./database.ts";
import { type Env, parseEnv } from "./env.ts";
import { DEMO_PASSWORD, seedDemo } from "./seed/demo-seed.ts";
import { seedFundingCatalogue } from "./seed/seed-funding-catalogue.ts";
import { createUser } from "./services/user.service.ts";
import { importTerritories } from "./territories/import-territories.ts";

/** Operator commands: `pnpm trame <command>`. Messages in French then English, like the product. */
const USAGE = `Usage : pnpm trame <commande>   /   Usage: pnpm trame <command>

  migrate              met le schéma à jour / brings the schema up to date
  import-territories   importe ou met à jour les EPCI, communes et départements officiels
                       et le catalogue des dispositifs de financement
                       imports or updates the official EPCI, communes and départements
                       and the funding programmes catalogue
  seed-demo            ajoute les données et comptes de démonstration / adds the demo data and accounts
  create-admin --email <e-mail> --name <nom>
                       crée un administrateur de l'instance / creates an instance administrator
                       mot de passe : TRAME_ADMIN_PASSWORD ou saisi au clavier
                       password: TRAME_ADMIN_PASSWORD or typed in
  export-data --file <trame.tar.gz> [--force]
                       sauvegarde la base PGlite dans une archive ; arrêtez le serveur d'abord
                       backs up the PGlite database to an archive; stop the server first
                       (--force : base restée marquée ouverte par un serveur tué / left marked open by a killed server)
  import-data --file <trame.tar.gz> [--force]
                       restaure une archive dans TRAME_DATA_DIR, vérifiée et migrée
                       restores an archive into TRAME_DATA_DIR, checked and migrated
                       (--force : remplace une base existante / replaces an existing database)
                       PostgreSQL : pg_dump / pg_restore, voir le README / see the README

Base : DATABASE_URL (PostgreSQL), sinon PGlite dans TRAME_DATA_DIR (défaut ./.data/pglite)
Database: DATABASE_URL (PostgreSQL), else PGlite in TRAME_DATA_DIR (default ./.data/pglite)`;

class UsageError extends Error {}

const say = (fr: string, en: string) => console.log(`${fr}\n  ${en}`);
const count = (n: number) => ({ fr: n.toLocaleString("fr-FR"), en: n.toLocaleString("en-GB") });
const seconds = (ms: number) => ({ fr: (ms / 1000).toFixed(1).replace(".", ","), en: (ms / 1000).toFixed(1) });

/** Where the command writes, without the credentials a DATABASE_URL may carry. */
function describeTarget(env: Env): string {
  if (!env.DATABASE_URL) return `PGlite (${env.TRAME_DATA_DIR})`;
  const url = new URL(env.DATABASE_URL);
  return `PostgreSQL (${url.host}${url.pathname})`;
}

async function withDatabase<T>(env: Env, run: (handle: DbHandle) => Promise<T>): Promise<T> {
  console.log(`Base / Database: ${describeTarget(env)}`);
  const handle = await openDatabase(env);
  try {
    return await run(handle);
  } finally {
    await handle.close();
  }
}

async function migrate(env: Env): Promise<void> {
  console.log(`Base / Database: ${describeTarget(env)}`);
  const handle = await createDb({ databaseUrl: env.DATABASE_URL, dataDir: env.TRAME_DATA_DIR, poolSize: 1 });
  try {
    const applied = await migrateToLatest(handle.db);
    if (applied.length === 0) say("Schéma déjà à jour.", "Schema already up to date.");
    else say(`Migrations appliquées : ${applied.join(", ")}`, `Migrations applied: ${applied.join(", ")}`);
  } finally {
    await handle.close();
  }
}

async function runImport(env: Env): Promise<void> {
  await withDatabase(env, async ({ db }) => {
    const started = performance.now();
    const { epci, communes, contiguity } = await importTerritories(db);
    const [e, c, p, s] = [count(epci), count(communes), count(contiguity), seconds(performance.now() - started)];
    say(
      `Référentiel importé : ${e.fr} EPCI, ${c.fr} communes et ${p.fr} paires d'EPCI contiguës en ${s.fr} s (@etalab/decoupage-administratif, IGN Admin Express).`,
      `Reference data imported: ${e.en} EPCI, ${c.en} communes and ${p.en} pairs of contiguous EPCI in ${s.en} s (@etalab/decoupage-administratif, IGN Admin Express).`,
    );
    const added = await seedFundingCatalogue(db);
    say(
      `Catalogue des financements : ${added.programmes} dispositifs et ${added.funders} financeurs ajoutés.`,
      `Funding catalogue: ${added.programmes} programmes and ${added.funders} funders added.`,
    );
  });
}

async function runSeed(env: Env): Promise<void> {
  await withDatabase(env, async ({ db }) => {
    const { accounts, created } = await seedDemo(db);
    if (Object.values(created).every((n) => n === 0)) {
      say("Démo déjà en place : rien à ajouter.", "Demo already in place: nothing to add.");
    } else {
      say(
        `Démo ajoutée : ${created.cooperations} coopérations, ${created.projects} projets, ${created.neighbourLinks} liens de voisinage, ${created.territories} organismes, ${created.accounts} comptes.`,
        `Demo added: ${created.cooperations} cooperations, ${created.projects} projects, ${created.neighbourLinks} neighbour links, ${created.territories} bodies, ${created.accounts} accounts.`,
      );
    }
    say(`Comptes de démonstration (mot de passe : ${DEMO_PASSWORD}) :`, `Demo accounts (password: ${DEMO_PASSWORD}):`);
    for (const account of accounts) {
      const role =
        account.role === "instance_admin"
          ? { fr: "Administrateur de l'instance", en: "Instance administrator" }
          : membershipRoleLabels[account.role];
      const where = account.territoryName ? ` — ${account.territoryName}` : "";
      console.log(`  ${account.email.padEnd(27)} ${role.fr} / ${role.en}${where}`);
    }
  });
}

async function runCreateAdmin(env: Env, args: string[]): Promise<void> {
  const values = parseOptions(args);
  if (!values.email || !values.name)
    throw new UsageError("create-admin: --email et --name sont requis / --email and --name are required");
  const password = env.TRAME_ADMIN_PASSWORD ?? (await promptNewPassword());
  const parsed = await createUserInputSchema.safeParseAsync({
    email: values.email,
    name: values.name,
    password,
    isInstanceAdmin: true,
  });
  if (!parsed.success) {
    const lines = fieldErrorsFromZod(parsed.error).map((f) => `  ${f.field}: ${f.message.fr} / ${f.message.en}`);
    throw new Error(`Saisie invalide / Invalid input:\n${lines.join("\n")}`);
  }
  await withDatabase(env, async ({ db }) => {
    const taken = await db.selectFrom("users").select("id").where("email", "=", parsed.data.email).executeTakeFirst();
    if (taken)
      throw new Error(
        `Un compte existe déjà pour ${parsed.data.email} / An account already exists for ${parsed.data.email}`,
      );
    const user = await createUser(db, null, parsed.data);
    say(`Administrateur créé : ${user.email} (${user.name}).`, `Administrator created: ${user.email} (${user.name}).`);
  });
}

/** PGlite only: on PostgreSQL, pg_dump and pg_restore do this better (README, "Sauvegarde et restauration"). */
function requirePglite(env: Env, command: string): void {
  if (env.DATABASE_URL)
    throw new Error(
      `${command} concerne la base PGlite ; avec DATABASE_URL, utilisez pg_dump / pg_restore (voir le README)\n` +
        `${command} is for the PGlite database; with DATABASE_URL, use pg_dump / pg_restore (see the README)`,
    );
}

function parseBackupOptions(command: string, args: string[]): { file: string; force: boolean } {
  let values: { file?: string | undefined; force?: boolean | undefined };
  try {
    values = parseArgs({
      args,
      options: { file: { type: "string" }, force: { type: "boolean" } },
      strict: true,
    }).values;
  } catch (error) {
    throw new UsageError(`${command}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!values.file) throw new UsageError(`${command}: --file est requis / --file is required`);
  return { file: values.file, force: values.force ?? false };
}

function describeSummary(summary: DataSummary): { fr: string; en: string } {
  const { territories, users, cooperations, projects, documents } = summary;
  return {
    fr: `${territories} territoires, ${users} comptes, ${cooperations} coopérations, ${projects} projets, ${documents} documents`,
    en: `${territories} territories, ${users} accounts, ${cooperations} cooperations, ${projects} projects, ${documents} documents`,
  };
}

async function runExportData(env: Env, args: string[]): Promise<void> {
  requirePglite(env, "export-data");
  const { file, force } = parseBackupOptions("export-data", args);
  console.log(`Base / Database: ${describeTarget(env)}`);
  const exported = await exportPgliteData({ dataDir: env.TRAME_DATA_DIR, file, force });
  const [what, size] = [describeSummary(exported), (exported.bytes / 1_048_576).toFixed(1)];
  say(
    `Sauvegarde écrite : ${file} (${size.replace(".", ",")} Mo) — ${what.fr}.`,
    `Backup written: ${file} (${size} MB) — ${what.en}.`,
  );
}

async function runImportData(env: Env, args: string[]): Promise<void> {
  requirePglite(env, "import-data");
  const { file, force } = parseBackupOptions("import-data", args);
  console.log(`Base / Database: ${describeTarget(env)}`);
  const imported = await importPgliteData({ dataDir: env.TRAME_DATA_DIR, file, force });
  const what = describeSummary(imported);
  say(`Sauvegarde restaurée : ${what.fr}.`, `Backup restored: ${what.en}.`);
  if (imported.migrations.length > 0)
    say(
      `Migrations appliquées : ${imported.migrations.join(", ")}`,
      `Migrations applied: ${imported.migrations.join(", ")}`,
    );
}

function parseOptions(args: string[]): { email?: string | undefined; name?: string | undefined } {
  try {
    return parseArgs({ args, options: { email: { type: "string" }, name: { type: "string" } }, strict: true }).values;
  } catch (error) {
    throw new UsageError(`create-admin: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Asked twice on a terminal, without echo; read from the first line when piped (scripts, CI). */
async function promptNewPassword(): Promise<string> {
  if (!process.stdin.isTTY) return readFirstLine();
  const first = await readHidden("Mot de passe (12 caractères min.) / Password (min. 12 characters): ");
  const second = await readHidden("Confirmez / Confirm: ");
  if (first !== second) throw new Error("Les mots de passe diffèrent / The passwords differ");
  return first;
}

function readFirstLine(): Promise<string> {
  return new Promise((resolve) => {
    const lines = createInterface({ input: process.stdin });
    let answered = false;
    lines.once("line", (line) => {
      answered = true;
      lines.close();
      resolve(line);
    });
    lines.once("close", () => {
      if (!answered) resolve("");
    });
  });
}

/** Raw mode so the password never appears on screen nor in the terminal's scrollback. */
function readHidden(prompt: string): Promise<string> {
  const input = process.stdin;
  process.stderr.write(prompt);
  return new Promise((resolve, reject) => {
    let value = "";
    const finish = () => {
      input.off("data", onData);
      input.setRawMode(false);
      input.pause();
      process.stderr.write("\n");
    };
    const onData = (chunk: Buffer) => {
      for (const char of chunk.toString("utf8")) {
        if (char === "\r" || char === "\n") {
          finish();
          resolve(value);
          return;
        }
        if (char === "\u0003" || char === "\u0004") {
          finish();
          reject(new Error("Interrompu / Interrupted"));
          return;
        }
        value = char === "\u007f" || char === "\b" ? value.slice(0, -1) : value + char;
      }
    };
    input.setRawMode(true);
    input.resume();
    input.on("data", onData);
  });
}

async function main(argv: string[]): Promise<void> {
  const [command, ...args] = argv;
  if (!command || command === "help" || command === "--help" || command === "-h") {
    console.log(USAGE);
    return;
  }
  const env = parseEnv();
  switch (command) {
    case "migrate":
      return migrate(env);
    case "import-territories":
      return runImport(env);
    case "seed-demo":
      return runSeed(env);
    case "create-admin":
      return runCreateAdmin(env, args);
    case "export-data":
      return runExportData(env, args);
    case "import-data":
      return runImportData(env, args);
    default:
      throw new UsageError(`Commande inconnue / Unknown command: ${command}`);
  }
}

try {
  await main(process.argv.slice(2));
} catch (error) {
  if (error instanceof UsageError) {
    console.error(`${error.message}\n\n${USAGE}`);
    process.exitCode = 2;
  } else if (error instanceof DomainError) {
    console.error(`Erreur : ${error.label.fr}\nError: ${error.label.en}`);
    process.exitCode = 1;
  } else {
    console.error(`Échec / Failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
