import { randomUUID } from "node:crypto";
import { type Actor, addMemberInputSchema, createCooperationInputSchema } from "@trame/core";
import { createDb, insertTerritory, insertUser, migrateToLatest, upsertMembership } from "@trame/db";
import { previewImport, storeUpload } from "@trame/server/src/imports/import.service.ts";
import { createCooperation } from "@trame/server/src/services/cooperation.service.ts";
import { addCooperationMember } from "@trame/server/src/services/cooperation-member.service.ts";
import ExcelJS from "exceljs";

/**
 * `pnpm bench:import`: a workbook of 5,000 projects in French (dates as Excel dates, 26/11/2026 and
 * ISO; amounts like 1 234 567 €; a tenth of the rows with a problem) previewed three times on an
 * embedded PGlite database; prints each run and the median. The preview reads the file again and
 * checks every row against the cooperation's territories, projects and earlier imports.
 */
const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 5_000);
const RUNS = 3;

async function main(): Promise<void> {
  const handle = await createDb({ dataDir: "memory://" });
  const db = handle.db;
  await migrateToLatest(db);
  const [lead, partner] = await Promise.all([
    insertTerritory(db, {
      name: "Montpellier Méditerranée Métropole",
      kind: "METRO",
      siren: "243400017",
      population: 500_000,
      departements: ["34"],
      source: "manual",
    }),
    insertTerritory(db, {
      name: "Communauté de communes du Grand Pic Saint-Loup",
      kind: "CC",
      siren: "243400694",
      population: 50_000,
      departements: ["34"],
      source: "manual",
    }),
  ]);
  const user = await insertUser(db, {
    email: `bench-${randomUUID()}@example.fr`,
    name: "Bench",
    passwordHash: "x",
    isInstanceAdmin: false,
  });
  await upsertMembership(db, { userId: user.id, territoryId: lead.id, role: "admin" });
  const actor: Actor = {
    userId: user.id,
    isInstanceAdmin: false,
    memberships: [{ territoryId: lead.id, role: "admin" }],
  };
  const cooperation = await createCooperation(
    db,
    actor,
    createCooperationInputSchema.parse({
      name: "Coopération de bench",
      engagementForm: "convention",
      leadTerritoryId: lead.id,
      startedOn: "2020-01-01",
      themes: ["food"],
    }),
  );
  await addCooperationMember(
    db,
    actor,
    addMemberInputSchema.parse({
      cooperationId: cooperation.id,
      territoryId: partner.id,
      role: "member",
      joinedOn: "2020-06-01",
    }),
  );

  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Projets");
  sheet.addRow([
    "Référence",
    "Intitulé",
    "Chef de file",
    "Partenaires",
    "Statut",
    "Date de début",
    "Date de fin",
    "Budget (€)",
    "Thèmes",
  ]);
  for (let i = 0; i < ROWS; i++) {
    const bad = i % 10 === 9;
    sheet.addRow([
      `P-${i}`,
      `Projet ${i}`,
      i % 2 === 0 ? lead.name : lead.siren,
      `CC du Grand Pic Saint-Loup (partenaire)`,
      i % 3 === 0 ? "En cours" : "Idée",
      i % 3 === 0 ? new Date(Date.UTC(2026, 0, 1 + (i % 28))) : i % 3 === 1 ? "26/11/2026" : "2026-11-26",
      bad ? "31/02/2027" : "31/12/2027",
      bad ? "1,2 M€" : `${(i * 1234) % 9_000_000} €`,
      "Alimentation; Santé",
    ]);
  }
  const content = Buffer.from(await book.xlsx.writeBuffer());
  const upload = await storeUpload(db, actor, { cooperationId: cooperation.id, fileName: "bench.xlsx", content });
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    const preview = await previewImport(db, actor, { uploadId: upload.id, kind: "projects", sheet: 0 });
    const ms = performance.now() - start;
    times.push(ms);
    console.log(
      `run ${run + 1}: ${preview.rows.length} rows (${preview.counts.create} to create, ${preview.counts.invalid} with problems) in ${(ms / 1000).toFixed(2)} s`,
    );
  }
  times.sort((a, b) => a - b);
  console.log(
    `import preview, ${ROWS} rows, ${(content.length / 1024).toFixed(0)} KiB xlsx, PGlite: median of ${RUNS} = ${((times[1] ?? 0) / 1000).toFixed(2)} s`,
  );
  await handle.close();
}

await main();
