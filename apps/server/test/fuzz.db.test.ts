import { DomainError, judgePassword } from "@trame/core";
import { sql, toDomainError } from "@trame/db";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { decoyPasswordHash } from "../src/auth/password.ts";
import { failure, fieldsOf } from "./support/expect-error.ts";
import { callerFor, makeTerritory, makeUser } from "./support/factories.ts";
import {
  databaseSnapshot,
  expectHandled,
  type FuzzedProcedure,
  routerProcedures,
  seedFor,
} from "./support/fuzz-harness.ts";
import { invalidInput, plausibleInput } from "./support/fuzz-schema.ts";
import { type Sample, sample } from "./support/fuzz-values.ts";
import { useTestDb } from "./support/test-db.ts";

/**
 * Fixed so a failure replays; fast-check prints the seed, the path and the counterexample. Each
 * procedure and caller derives its own seed from it (see seedFor).
 */
const SEED = 20_261_107;
type Property = "anyInput" | "invalidInput";
/** Anonymous callers mostly stop at the sign-in check: most runs go to the administrator. */
const RUNS: Record<"admin" | "anonymous", Record<Property, number>> = {
  admin: { anyInput: 35, invalidInput: 12 },
  anonymous: { anyInput: 10, invalidInput: 8 },
};
/**
 * Per procedure and caller. Most runs take a few milliseconds; sign-in and password changes hash
 * with scrypt on purpose, so they stop at the budget (after the same first runs on every machine)
 * and keep the whole file under a minute.
 */
const TIME_BUDGET_MS = 1_000;

const testDb = useTestDb();
const db = () => testDb().db;
type Caller = Awaited<ReturnType<typeof callerFor>>;
let callers: Record<"admin" | "anonymous", Caller>;
let ids: string[];
let cooperationId: string;
let partners: Array<{ territoryId: string; role: "lead" | "partner" }>;

/** Up to three ids of every table, so generated inputs also name rows that exist. */
async function storedIds(): Promise<string[]> {
  const tables = await sql<{ name: string }>`
    select table_name as name from information_schema.columns
    where table_schema = current_schema() and column_name = 'id' and data_type = 'uuid'`.execute(db());
  const found: string[] = [];
  for (const { name } of tables.rows) {
    const rows = await sql<{ id: string }>`select id from ${sql.table(name)} limit 3`.execute(db());
    found.push(...rows.rows.map((row) => row.id));
  }
  return found;
}

beforeAll(async () => {
  // The password strength rule loads its dictionaries on first use, as the server does at start:
  // loaded here, the first fuzz run of a password procedure is not the one that pays for it.
  await judgePassword("préchauffage des dictionnaires");
  // Likewise the decoy hash a sign-in with an unknown e-mail verifies against (made once, lazily).
  await decoyPasswordHash();
  // One hashed password only (the administrator's): scrypt is what makes fixtures slow.
  const [lead, partner] = await Promise.all([makeTerritory(db(), { kind: "METRO" }), makeTerritory(db())]);
  const admin = await callerFor(db(), await makeUser(db(), { isInstanceAdmin: true }));
  const cooperation = await admin.cooperation.create({
    name: "Contrat de réciprocité",
    engagementForm: "contrat_reciprocite",
    leadTerritoryId: lead.id,
    startedOn: "2021-03-15",
  });
  cooperationId = cooperation.id;
  partners = [
    { territoryId: lead.id, role: "lead" },
    { territoryId: partner.id, role: "partner" },
  ];
  await admin.cooperation.addMember({ cooperationId, territoryId: partner.id, role: "member", joinedOn: "2022-01-10" });
  const project = await admin.project.create(projectInput("Projet alimentaire territorial"));
  await admin.action.create({ projectId: project.id, occurredOn: "2026-10-02", kind: "meeting", title: "Copil" });
  callers = { admin, anonymous: await callerFor(db(), null, "198.51.100.7") };
  ids = await storedIds();
}, 60_000);

const procedures = routerProcedures();

function projectInput(title: string) {
  return { cooperationId, title, themes: ["food" as const], partners };
}

async function fuzz(procedure: FuzzedProcedure, arbitrary: fc.Arbitrary<Sample>, property: Property) {
  for (const who of ["admin", "anonymous"] as const) {
    await fc.assert(
      fc.asyncProperty(arbitrary, (input) => expectHandled(callers[who], procedure.path, input.value)),
      {
        seed: seedFor(SEED, `${procedure.path} ${who} ${property}`),
        numRuns: RUNS[who][property],
        endOnFailure: true,
        interruptAfterTimeLimit: TIME_BUDGET_MS,
      },
    );
  }
}

describe("fuzzing de chaque procédure du routeur", () => {
  it("trouve toutes les procédures, y compris celles ajoutées depuis", () => {
    expect(procedures.length).toBeGreaterThanOrEqual(60);
    expect(procedures.map((p) => p.path)).toEqual(expect.arrayContaining(["auth.login", "cooperation.create"]));
  });

  it.each(procedures.map((p) => [p.path, p] as const))(
    "%s : jamais de 500, quelle que soit la saisie, connecté ou non",
    async (_path, procedure) => {
      await fuzz(procedure, plausibleInput(procedure.inputs, ids).map(sample), "anyInput");
    },
  );

  // A procedure without input parser ignores its input: no input of it is invalid.
  it.each(procedures.filter((p) => p.inputs.length > 0).map((p) => [p.path, p] as const))(
    "%s : une saisie invalide n'écrit rien",
    async (_path, procedure) => {
      const before = await databaseSnapshot(db());
      await fuzz(procedure, invalidInput(procedure.inputs, ids).map(sample), "invalidInput");
      expect(await databaseSnapshot(db())).toEqual(before);
    },
  );
});

describe("régressions trouvées par le fuzzing", () => {
  // PostgreSQL refuses NUL in text (22021): every search and every text field answered 500.
  it("un caractère nul dans une recherche ou un titre est une saisie invalide, pas une erreur 500", async () => {
    const { admin } = callers;
    const cases = [
      ["query", admin.funding.programmes({ query: "v\u0000E", regionCode: "70" })],
      ["query", admin.territory.search({ query: "a\u0000b" })],
      ["query", admin.project.list({ query: "a\u0000b" })],
      ["query", admin.cooperation.list({ query: "a\u0000b" })],
      ["title", callers.admin.project.create(projectInput("Projet\u0000"))],
    ] as const;
    for (const [field, call] of cases) {
      const { code, payload } = await failure(call);
      expect(code).toBe("BAD_REQUEST");
      expect(fieldsOf(payload)).toEqual([field]);
      expect(payload.fields[0]?.message.fr).toContain("caractère invalide");
    }
  });

  it("un NUL qui atteindrait quand même la base (hors des champs texte) reste une saisie invalide", async () => {
    const error = await sql`select ${"a\u0000b"}::text as t`.execute(db()).catch((e: unknown) => e);
    const mapped = toDomainError(error);
    expect(mapped).toBeInstanceOf(DomainError);
    expect((mapped as DomainError).code).toBe("BAD_REQUEST");
  });

  it("une moitié isolée de caractère UTF-16 est refusée plutôt qu'enregistrée altérée (U+FFFD)", async () => {
    const { code, payload } = await failure(callers.admin.project.create(projectInput("Projet \uD800")));
    expect(code).toBe("BAD_REQUEST");
    expect(fieldsOf(payload)).toEqual(["title"]);
  });
});
