import { DomainError } from "@trame/core";
import ExcelJS from "exceljs";
import { zipSync } from "fflate";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decodeCsv, loadWorkbook, readSpreadsheet, sniffDelimiter } from "../src/imports/spreadsheet-reader.ts";

async function workbook(build: (book: ExcelJS.Workbook) => void): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  build(book);
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function refusal(content: Buffer): Promise<string> {
  try {
    await readSpreadsheet(content);
  } catch (error) {
    if (error instanceof DomainError) return error.label.fr;
    throw error;
  }
  throw new Error("the file was accepted");
}

describe("readSpreadsheet (.xlsx)", () => {
  it("reads every sheet, dates, numbers, the cached value of a formula, rich text, and keeps row numbers", async () => {
    const content = await workbook((book) => {
      const sheet = book.addWorksheet("Projets");
      sheet.addRow(["Intitulé", "Début", "Budget"]);
      sheet.addRow(["Plan vélo", new Date(Date.UTC(2026, 10, 26)), 1234.5]);
      sheet.getCell("A4").value = { richText: [{ text: "Cantines " }, { text: "bio" }] };
      // The cached result is what Excel showed; the formula itself is never evaluated.
      sheet.getCell("C4").value = { formula: "C2*1000", result: 99 };
      book.addWorksheet("Actions").addRow(["Date de la réunion"]);
    });
    const sheets = await readSpreadsheet(content);
    expect(sheets.map((sheet) => sheet.name)).toEqual(["Projets", "Actions"]);
    const rows = sheets[0]?.rows ?? [];
    expect(rows[0]).toEqual(["Intitulé", "Début", "Budget"]);
    expect(rows[1]?.[0]).toBe("Plan vélo");
    expect(rows[1]?.[1]).toEqual(new Date(Date.UTC(2026, 10, 26)));
    expect(rows[1]?.[2]).toBe(1234.5);
    expect(rows[2]).toEqual([]);
    expect(rows[3]).toEqual(["Cantines bio", null, 99]);
  });

  it("the in-memory reader (used when exceljs's streaming reader loses its race) gives the very same sheets", async () => {
    const content = await workbook((book) => {
      const sheet = book.addWorksheet("Financements");
      sheet.addRow(["Projet", "Montant", null, null, "Date de dépôt"]);
      sheet.addRow([null, "sollicité", "accordé", "versé", null]);
      sheet.mergeCells("B1:D1");
      sheet.addRow(["Écoles", 250000, { formula: "B3*0.8", result: 200000 }, 50000, new Date(Date.UTC(2026, 2, 15))]);
      sheet.getCell("A5").value = { richText: [{ text: "Cantines " }, { text: "bio" }] };
      book.addWorksheet("Vide");
      book.addWorksheet("Actions").addRow(["Date de la réunion"]);
    });
    const streamed = await readSpreadsheet(content);
    expect(streamed[0]?.rows[0]).toEqual(["Projet", "Montant", null, null, "Date de dépôt"]);
    expect(await loadWorkbook(ExcelJS, content)).toEqual(streamed);
  });

  it("refuses a password-protected (OLE) workbook, a corrupt zip, a zip that is not a workbook and an .ods", async () => {
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]);
    expect(await refusal(ole)).toMatch(/mot de passe/);
    const corrupt = Buffer.concat([Buffer.from("PK\u0003\u0004"), Buffer.alloc(200, 7)]);
    expect(await refusal(corrupt)).toMatch(/illisible/);
    const notWorkbook = Buffer.from(zipSync({ "readme.txt": new TextEncoder().encode("hello") }));
    expect(await refusal(notWorkbook)).toMatch(/n'est pas un classeur/);
    const ods = Buffer.from(
      zipSync({ mimetype: new TextEncoder().encode("application/vnd.oasis.opendocument.spreadsheet") }),
    );
    expect(await refusal(ods)).toMatch(/\.ods/);
  });

  it("refuses a zip bomb from its declared sizes", async () => {
    const bomb = Buffer.from(zipSync({ "xl/workbook.xml": new Uint8Array(40 * 1024 * 1024) }, { level: 9 }));
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(await refusal(bomb)).toMatch(/taille anormale/);
  });

  it("refuses a binary file and a file over 10 MB", async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect(await refusal(png)).toMatch(/n'est pas un classeur/);
    expect(await refusal(Buffer.alloc(10 * 1024 * 1024 + 1, 65))).toMatch(/dépasse 10 Mo/);
  });
});

describe("readSpreadsheet (.csv)", () => {
  it("reads French Excel's Windows-1252 with semicolons", async () => {
    const content = iconv.encode(
      'Intitulé;Montant sollicité\r\nRéseau de chaleur;"1 234 567,50 €"\r\n',
      "windows-1252",
    );
    const [sheet] = await readSpreadsheet(content);
    expect(sheet?.rows).toEqual([
      ["Intitulé", "Montant sollicité"],
      ["Réseau de chaleur", "1 234 567,50 €"],
    ]);
  });

  it("reads UTF-8 with commas and a BOM", async () => {
    const content = Buffer.from('\ufeffIntitulé,Début\n"Plan, vélo",26/11/2026\n,\n', "utf8");
    const [sheet] = await readSpreadsheet(content);
    expect(sheet?.rows).toEqual([
      ["Intitulé", "Début"],
      ["Plan, vélo", "26/11/2026"],
      [null, null],
    ]);
  });

  it("sniffs the delimiter outside quotes and decodes either encoding", async () => {
    expect(sniffDelimiter('"a;b",c,d\n')).toBe(",");
    expect(sniffDelimiter("a;b;c")).toBe(";");
    await expect(decodeCsv(iconv.encode("Élu", "windows-1252"))).resolves.toBe("Élu");
    // 0x80 and 0x9C: Windows-1252's own letters, which a Latin-1 reading would turn into controls.
    await expect(decodeCsv(iconv.encode("Cœur 12 €", "windows-1252"))).resolves.toBe("Cœur 12 €");
    await expect(decodeCsv(Buffer.from("Élu", "utf8"))).resolves.toBe("Élu");
  });

  it("refuses more than 20,000 rows", async () => {
    const content = Buffer.from(`Intitulé\n${"x\n".repeat(20_001)}`);
    expect(await refusal(content)).toMatch(/plus de 20000 lignes/);
  });
});
