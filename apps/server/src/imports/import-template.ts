import { type ImportKind, importFields } from "@trame/core";
import { loadExcelJs } from "./spreadsheet-reader.ts";

const TITLES: Record<ImportKind, string> = {
  projects: "Projets",
  actions: "Actions",
  applications: "Demandes de financement",
};

export const templateFileName = (kind: ImportKind) =>
  `modele-import-${TITLES[kind].toLowerCase().replace(/ /g, "-")}.xlsx`;

/**
 * The workbook to fill for one kind: its expected columns under their French names (what the
 * header matching reads first), a filled example row, and a second sheet saying what each column
 * takes, so nobody has to guess a format.
 */
export async function importTemplate(kind: ImportKind): Promise<Buffer> {
  const { default: ExcelJS } = await loadExcelJs();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Trame";
  const sheet = workbook.addWorksheet(TITLES[kind]);
  const fields = importFields[kind];
  sheet.columns = fields.map((field) => ({ header: field.label.fr, key: field.key, width: 28 }));
  sheet.addRow(Object.fromEntries(fields.map((field) => [field.key, field.example])));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  const help = workbook.addWorksheet("Aide");
  help.columns = [
    { header: "Colonne", key: "column", width: 28 },
    { header: "Obligatoire", key: "required", width: 12 },
    { header: "En anglais", key: "english", width: 28 },
    { header: "Autres en-têtes reconnus", key: "synonyms", width: 80 },
  ];
  for (const field of fields) {
    help.addRow({
      column: field.label.fr,
      required: field.required ? "oui" : "non",
      english: field.label.en,
      synonyms: field.synonyms.join(", "),
    });
  }
  help.getRow(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
