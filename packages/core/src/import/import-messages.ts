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
  "import.territory.notMember": {
    fr: "« {value} » n'est pas membre de la coopération : ajoutez-le d'abord comme membre ou associé",
    en: "“{value}” is not a member of the cooperation: add it as a member or associate first",
  },
  "import.territory.notEditor": {
    fr: "Vous n'êtes pas éditeur pour « {value} » : seul un éditeur du chef de file peut créer ce projet",
    en: "You are not an editor for “{value}”: only an editor of the lead can create this project",
  },
  "import.project.unknown": {
    fr: "Aucun projet de la coopération ne s'appelle « {value} »",
    en: "No project of the cooperation is called “{value}”",
  },
  "import.project.ambiguous": {
    fr: "Plusieurs projets de la coopération s'appellent « {value} »",
    en: "Several projects of the cooperation are called “{value}”",
  },
  "import.programme.unknown": {
    fr: "Aucun dispositif du catalogue ne correspond à « {value} »",
    en: "No programme of the catalogue matches “{value}”",
  },
  "import.programme.ambiguous": {
    fr: "Plusieurs dispositifs correspondent à « {value} » : {candidates}. Précisez le financeur.",
    en: "Several programmes match “{value}”: {candidates}. Give the funder.",
  },
  "import.applicant.notPartner": {
    fr: "« {value} » n'est pas partenaire du projet",
    en: "“{value}” is not a partner of the project",
  },
  "import.amount.grantedAboveRequested": {
    fr: "Le montant accordé ({granted}) dépasse le montant sollicité ({requested})",
    en: "The granted amount ({granted}) is above the requested amount ({requested})",
  },
  "import.amount.paidAboveGranted": {
    fr: "Le montant versé ({paid}) dépasse le montant accordé ({granted})",
    en: "The amount paid ({paid}) is above the granted amount ({granted})",
  },
  "import.amount.paidWithoutGrant": {
    fr: "Un montant versé suppose un montant accordé",
    en: "An amount paid needs a granted amount",
  },
  "import.status.needsGrant": {
    fr: "Le statut « {value} » suppose un montant accordé",
    en: "The status “{value}” needs a granted amount",
  },
  "import.status.unreachable": {
    fr: "Le statut ne peut pas passer de « {from} » à « {value} »",
    en: "The status cannot move from “{from}” to “{value}”",
  },
  "import.date.endBeforeStart": {
    fr: "La date de fin précède la date de début",
    en: "The end date is before the start date",
  },
  "import.row.duplicateKey": {
    fr: "Même identifiant que la ligne {row} : la ligne est ignorée pour ne rien créer en double",
    en: "Same identifier as row {row}: the row is skipped so nothing is created twice",
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
