import type { Label } from "../enums/label.ts";

/**
 * Why a cell, a row or a file was refused by the spreadsheet import, in both languages. Kept beside
 * the import rules rather than in the API messages table: these are per-cell findings shown in a
 * preview, not errors thrown by a procedure.
 */
export const importMessages = {
  "import.date.invalid": {
    fr: "« {value} » n'est pas une date (attendu : 26/11/2026, 2026-11-26 ou une date Excel)",
    en: "“{value}” is not a date (expected 26/11/2026, 2026-11-26 or an Excel date)",
  },
  "import.date.outOfRange": {
    fr: "La date « {value} » doit être comprise entre 1950 et 2100",
    en: "The date “{value}” must be between 1950 and 2100",
  },
  "import.amount.invalid": {
    fr: "« {value} » n'est pas un montant en euros (attendu : 1 234 567 € ou 1234567,50)",
    en: "“{value}” is not an amount in euros (expected 1 234 567 € or 1234567,50)",
  },
  "import.amount.abbreviated": {
    fr: "« {value} » est un montant abrégé (k€, M€) : écrivez le montant exact en euros pour éviter une erreur d'arrondi",
    en: "“{value}” is an abbreviated amount (k€, M€): write the exact amount in euros to avoid a rounding error",
  },
  "import.amount.negative": {
    fr: "Le montant « {value} » ne peut pas être négatif",
    en: "The amount “{value}” cannot be negative",
  },
  "import.amount.tooPrecise": {
    fr: "Le montant « {value} » a plus de deux décimales",
    en: "The amount “{value}” has more than two decimals",
  },
  "import.choice.unknown": {
    fr: "« {value} » n'est pas une valeur reconnue (valeurs possibles : {allowed})",
    en: "“{value}” is not a recognised value (allowed: {allowed})",
  },
  "import.required": { fr: "Ce champ est obligatoire", en: "This field is required" },
  "import.tooLong": {
    fr: "Le texte dépasse {max} caractères",
    en: "The text is longer than {max} characters",
  },
  "import.formulaError": {
    fr: "La cellule contient une erreur de formule ({value})",
    en: "The cell holds a formula error ({value})",
  },
  "import.row.empty": { fr: "Ligne vide, ignorée", en: "Empty row, skipped" },
  "import.row.total": { fr: "Ligne de total, ignorée", en: "Total row, skipped" },
  "import.territory.unknown": {
    fr: "Aucun territoire ne correspond à « {value} »",
    en: "No territory matches “{value}”",
  },
  "import.territory.ambiguous": {
    fr: "Plusieurs territoires correspondent à « {value} » : {candidates}. Précisez le SIREN.",
    en: "Several territories match “{value}”: {candidates}. Give the SIREN.",
  },
} as const satisfies Record<string, Label>;

export type ImportMessageKey = keyof typeof importMessages;
export type ImportMessageParams = Record<string, string | number>;

export function translateImport(key: ImportMessageKey, params: ImportMessageParams = {}): Label {
  const fill = (template: string) =>
    template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  const label = importMessages[key];
  return { fr: fill(label.fr), en: fill(label.en) };
}
