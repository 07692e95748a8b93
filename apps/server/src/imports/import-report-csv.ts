import type { ReportRow } from "./import.service.ts";

const OUTCOMES: Record<ReportRow["outcome"], string> = {
  created: "Créé",
  updated: "Mis à jour",
  unchanged: "Déjà à jour",
  skipped: "Ignoré",
  refused: "Refusé",
};

const quote = (value: string | number) => `"${String(value).replace(/"/g, '""')}"`;

/**
 * The report of a committed import as CSV for Excel in French: `;` between fields and a BOM so
 * accents survive; one line per problem, one per row without any.
 */
export function reportCsv(rows: readonly ReportRow[]): string {
  const lines = [["Ligne", "Résultat", "Élément", "Colonne", "Problème", "Problem"].map(quote).join(";")];
  for (const row of rows) {
    const base = [row.row, OUTCOMES[row.outcome], row.label];
    if (row.problems.length === 0) lines.push([...base, "", "", ""].map(quote).join(";"));
    for (const problem of row.problems) {
      lines.push([...base, problem.header, problem.message.fr, problem.message.en].map(quote).join(";"));
    }
  }
  return `\ufeff${lines.join("\r\n")}\r\n`;
}
