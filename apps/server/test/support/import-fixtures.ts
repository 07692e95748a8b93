import { randomUUID } from "node:crypto";
import type { Database, Kysely } from "@trame/db";
import ExcelJS from "exceljs";
import type { FastifyInstance } from "fastify";
import { multipart } from "./document-fixtures.ts";
import { cookieFor } from "./export-fixtures.ts";
import { callerFor, makeTerritory, makeUser, type TestUser } from "./factories.ts";

export type Cell = string | number | Date | null;

/** A real .xlsx written by exceljs, as Excel or LibreOffice would save it; `merge` merges header cells. */
export async function workbook(
  rows: Cell[][],
  options: { sheet?: string; merge?: string[]; formulas?: { cell: string; formula: string; result: number }[] } = {},
): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(options.sheet ?? "Feuil1");
  for (const row of rows) sheet.addRow(row);
  for (const range of options.merge ?? []) sheet.mergeCells(range);
  for (const f of options.formulas ?? []) sheet.getCell(f.cell).value = { formula: f.formula, result: f.result };
  return Buffer.from(await book.xlsx.writeBuffer());
}

/**
 * Montpellier's cooperation with the Grand Pic Saint-Loup, and Bordeaux Métropole in a cooperation
 * of its own; two territories whose names fold the same (an ambiguity); real sessions for editors.
 */
export async function importWorld(db: Kysely<Database>) {
  const tag = randomUUID().slice(0, 6);
  const [montpellier, picSaintLoup, bordeaux, valA, valB, stranger] = await Promise.all([
    makeTerritory(db, { kind: "METRO", name: `Montpellier Méditerranée Métropole ${tag}` }),
    makeTerritory(db, { kind: "CC", name: `Communauté de communes du Grand Pic Saint-Loup ${tag}` }),
    makeTerritory(db, { kind: "METRO", name: `Bordeaux Métropole ${tag}` }),
    makeTerritory(db, { kind: "CC", name: `Communauté de communes du Val ${tag}` }),
    makeTerritory(db, { kind: "CC", name: `CC du Val ${tag}` }),
    makeTerritory(db, { kind: "CA", name: `Agglomération Étrangère ${tag}` }),
  ]);
  const montpellierAdmin = await makeUser(db, { memberships: [{ territoryId: montpellier.id, role: "admin" }] });
  const editor = await makeUser(db, { memberships: [{ territoryId: montpellier.id, role: "editor" }] });
  const bordeauxEditor = await makeUser(db, { memberships: [{ territoryId: bordeaux.id, role: "admin" }] });
  const admin = await callerFor(db, montpellierAdmin);
  const created = await admin.cooperation.create({
    name: `Coopération Montpellier ${tag}`,
    engagementForm: "contrat_reciprocite",
    leadTerritoryId: montpellier.id,
    startedOn: "2020-01-15",
    themes: ["food"],
  });
  for (const territory of [picSaintLoup, valA, valB]) {
    await admin.cooperation.addMember({
      cooperationId: created.id,
      territoryId: territory.id,
      role: "member",
      joinedOn: "2020-06-01",
    });
  }
  const bordeauxCaller = await callerFor(db, bordeauxEditor);
  const bordeauxCooperation = await bordeauxCaller.cooperation.create({
    name: `Coopération Bordeaux ${tag}`,
    engagementForm: "convention",
    leadTerritoryId: bordeaux.id,
    startedOn: "2021-01-01",
    themes: ["water"],
  });
  return {
    tag,
    montpellier,
    picSaintLoup,
    bordeaux,
    valA,
    valB,
    stranger,
    cooperationId: created.id,
    bordeauxCooperationId: bordeauxCooperation.id,
    editor,
    bordeauxEditor,
    editorCaller: await callerFor(db, editor),
    bordeauxCaller,
  };
}

/** POST /api/imports as the browser sends it: the cooperation's id, then the file. */
export async function uploadFile(
  app: FastifyInstance,
  db: Kysely<Database>,
  user: TestUser,
  cooperationId: string,
  file: { name: string; content: Buffer },
) {
  const body = await multipart([
    ["cooperationId", cooperationId],
    ["file", { name: file.name, content: file.content }],
  ]);
  return app.inject({
    method: "POST",
    url: "/api/imports",
    headers: { ...body.headers, cookie: await cookieFor(db, user) },
    payload: body.payload,
  });
}
