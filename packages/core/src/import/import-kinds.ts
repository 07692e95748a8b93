import type { Label } from "../enums/label.ts";
import { foldLabel } from "./import-values.ts";

export const IMPORT_KINDS = ["projects", "actions", "applications"] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export type ImportFieldType = "key" | "text" | "date" | "amount" | "choice" | "choices" | "territory" | "territories";

export interface ImportField {
  key: string;
  label: Label;
  type: ImportFieldType;
  required: boolean;
  /** Headers seen in real workbooks, French and English; compared folded (accents, case, spacing). */
  synonyms: readonly string[];
  /** What the template's example row holds. */
  example: string;
}

const idField: ImportField = {
  key: "externalId",
  label: { fr: "Identifiant", en: "Identifier" },
  type: "key",
  required: false,
  synonyms: ["Identifiant", "Id", "Référence", "Ref", "N°", "Numéro", "Code", "Identifier", "Reference"],
  example: "P-001",
};

export const importFields: Record<ImportKind, readonly ImportField[]> = {
  projects: [
    idField,
    {
      key: "title",
      label: { fr: "Intitulé", en: "Title" },
      type: "text",
      required: true,
      synonyms: ["Intitulé", "Titre", "Nom du projet", "Projet", "Libellé", "Intitulé du projet", "Title", "Project"],
      example: "Plan alimentaire territorial",
    },
    {
      key: "summary",
      label: { fr: "Description", en: "Summary" },
      type: "text",
      required: false,
      synonyms: ["Description", "Résumé", "Objet", "Présentation", "Summary", "Notes"],
      example: "Structurer l'approvisionnement local des cantines.",
    },
    {
      key: "themes",
      label: { fr: "Thématiques", en: "Themes" },
      type: "choices",
      required: false,
      synonyms: ["Thématiques", "Thématique", "Thèmes", "Thème", "Domaine", "Themes", "Theme"],
      example: "Alimentation; Santé",
    },
    {
      key: "status",
      label: { fr: "Statut", en: "Status" },
      type: "choice",
      required: false,
      synonyms: ["Statut", "État", "Etat d'avancement", "Avancement", "Status", "Stage"],
      example: "En cours",
    },
    {
      key: "startedOn",
      label: { fr: "Date de début", en: "Start date" },
      type: "date",
      required: false,
      synonyms: ["Date de début", "Début", "Date début", "Démarrage", "Start", "Start date"],
      example: "15/01/2026",
    },
    {
      key: "endedOn",
      label: { fr: "Date de fin", en: "End date" },
      type: "date",
      required: false,
      synonyms: ["Date de fin", "Fin", "Date fin", "Échéance", "End", "End date"],
      example: "31/12/2027",
    },
    {
      key: "budget",
      label: { fr: "Budget (€)", en: "Budget (€)" },
      type: "amount",
      required: false,
      synonyms: ["Budget", "Budget (€)", "Budget total", "Coût", "Coût total", "Montant", "Cost", "Budget (EUR)"],
      example: "1 234 567 €",
    },
    {
      key: "lead",
      label: { fr: "Chef de file", en: "Lead" },
      type: "territory",
      required: true,
      synonyms: ["Chef de file", "Porteur", "Maître d'ouvrage", "Pilote", "Lead", "Lead partner"],
      example: "Montpellier Méditerranée Métropole",
    },
    {
      key: "partners",
      label: { fr: "Partenaires", en: "Partners" },
      type: "territories",
      required: false,
      synonyms: ["Partenaires", "Territoires partenaires", "Partenaire", "Partners"],
      example: "CC du Grand Pic Saint-Loup (co-maître d'ouvrage); 200071165",
    },
    {
      key: "visibility",
      label: { fr: "Visibilité", en: "Visibility" },
      type: "choice",
      required: false,
      synonyms: ["Visibilité", "Diffusion", "Visibility"],
      example: "Visible par tout le réseau",
    },
  ],
  actions: [
    idField,
    {
      key: "occurredOn",
      label: { fr: "Date", en: "Date" },
      type: "date",
      required: true,
      synonyms: ["Date", "Date de la réunion", "Date de l'action", "Date de la délibération", "Le", "Date of action"],
      example: "26/11/2026",
    },
    {
      key: "kind",
      label: { fr: "Type", en: "Kind" },
      type: "choice",
      required: true,
      synonyms: ["Type", "Nature", "Type d'action", "Catégorie", "Kind", "Type of action"],
      example: "Réunion",
    },
    {
      key: "title",
      label: { fr: "Intitulé", en: "Title" },
      type: "text",
      required: true,
      synonyms: ["Intitulé", "Titre", "Objet", "Libellé", "Title", "Subject"],
      example: "Comité de pilotage",
    },
    {
      key: "notes",
      label: { fr: "Compte rendu", en: "Notes" },
      type: "text",
      required: false,
      synonyms: [
        "Compte rendu",
        "Notes",
        "Commentaires",
        "Commentaire",
        "Remarques",
        "Relevé de décisions",
        "Comments",
      ],
      example: "Validation du programme d'actions.",
    },
    {
      key: "project",
      label: { fr: "Projet", en: "Project" },
      type: "text",
      required: false,
      synonyms: ["Projet", "Projet concerné", "Nom du projet", "Project"],
      example: "Plan alimentaire territorial",
    },
    {
      key: "territories",
      label: { fr: "Territoires", en: "Territories" },
      type: "territories",
      required: false,
      synonyms: ["Territoires", "Territoires concernés", "Participants", "Collectivités", "Territories"],
      example: "Montpellier Méditerranée Métropole; CC du Grand Pic Saint-Loup",
    },
  ],
  applications: [
    idField,
    {
      key: "project",
      label: { fr: "Projet", en: "Project" },
      type: "text",
      required: true,
      synonyms: ["Projet", "Nom du projet", "Opération", "Intitulé du projet", "Project"],
      example: "Plan alimentaire territorial",
    },
    {
      key: "programme",
      label: { fr: "Dispositif", en: "Programme" },
      type: "text",
      required: true,
      synonyms: ["Dispositif", "Programme", "Appel à projets", "Fonds", "Ligne de financement", "Programme name"],
      example: "Fonds vert",
    },
    {
      key: "funder",
      label: { fr: "Financeur", en: "Funder" },
      type: "text",
      required: false,
      synonyms: ["Financeur", "Organisme financeur", "Cofinanceur", "Funder"],
      example: "État",
    },
    {
      key: "applicant",
      label: { fr: "Demandeur", en: "Applicant" },
      type: "territory",
      required: false,
      synonyms: ["Demandeur", "Porteur", "Bénéficiaire", "Maître d'ouvrage", "Applicant"],
      example: "Montpellier Méditerranée Métropole",
    },
    {
      key: "requested",
      label: { fr: "Montant sollicité (€)", en: "Amount requested (€)" },
      type: "amount",
      required: true,
      synonyms: [
        "Montant sollicité",
        "Montant demandé",
        "Sollicité",
        "Demandé",
        "Subvention sollicitée",
        "Requested",
        "Amount requested",
      ],
      example: "250 000 €",
    },
    {
      key: "granted",
      label: { fr: "Montant accordé (€)", en: "Amount granted (€)" },
      type: "amount",
      required: false,
      synonyms: [
        "Montant accordé",
        "Accordé",
        "Montant notifié",
        "Subvention accordée",
        "Obtenu",
        "Granted",
        "Amount granted",
      ],
      example: "200 000 €",
    },
    {
      key: "paid",
      label: { fr: "Montant versé (€)", en: "Amount paid (€)" },
      type: "amount",
      required: false,
      synonyms: ["Montant versé", "Versé", "Montant perçu", "Perçu", "Encaissé", "Paid", "Amount paid"],
      example: "50 000 €",
    },
    {
      key: "submittedOn",
      label: { fr: "Date de dépôt", en: "Submission date" },
      type: "date",
      required: false,
      synonyms: ["Date de dépôt", "Déposé le", "Date de demande", "Date du dossier", "Submitted", "Submission date"],
      example: "15/03/2026",
    },
    {
      key: "spendingDeadline",
      label: { fr: "Date limite de dépense", en: "Spending deadline" },
      type: "date",
      required: false,
      synonyms: ["Date limite de dépense", "Fin d'éligibilité", "Date de caducité", "Spending deadline"],
      example: "31/12/2028",
    },
    {
      key: "status",
      label: { fr: "Statut", en: "Status" },
      type: "choice",
      required: false,
      synonyms: ["Statut", "État", "État du dossier", "Status"],
      example: "Accordée",
    },
  ],
};

/** Header text folded for matching; also the input of a layout's remembered-mapping key. */
export function foldHeader(header: string): string {
  return foldLabel(header.replace(/\((?:€|eur|euros?|en euros?|ht|ttc)\)/gi, ""));
}

export type ColumnMapping = Record<number, string | null>;

/**
 * Matches each column header to a field of the kind, by folded synonyms (first the field keys'
 * own labels, then the synonyms). A field goes to the first column that names it; a later column
 * with the same header stays unmapped, so nothing is read twice.
 */
export function matchHeaders(kind: ImportKind, headers: readonly string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  const taken = new Set<string>();
  headers.forEach((header, column) => {
    mapping[column] = null;
    const field = fieldFor(kind, header);
    if (field && !taken.has(field.key)) {
      mapping[column] = field.key;
      taken.add(field.key);
    }
  });
  return mapping;
}

/** The layout a remembered mapping belongs to: the kind and its folded headers, in order. */
export function layoutSignature(kind: ImportKind, headers: readonly string[]): string {
  return `${kind}\n${headers.map(foldHeader).join("\n")}`;
}

function fieldFor(kind: ImportKind, header: string): ImportField | undefined {
  const folded = foldHeader(header);
  if (folded === "") return undefined;
  return importFields[kind].find(
    (field) =>
      foldHeader(field.label.fr) === folded ||
      foldHeader(field.label.en) === folded ||
      field.synonyms.some((synonym) => foldHeader(synonym) === folded),
  );
}

/**
 * Header cells merged across columns (« Montant » over « sollicité | accordé | versé »): readers
 * give the value to the first cell only, and a streaming reader does not say where a merge ends.
 * So the parent text is carried right across the row and joined to each child header
 * (« Montant accordé ») only where that joined header names a field of the kind; elsewhere the
 * child header stays as it is, and a parent above an empty child (merged down) becomes the header.
 */
export function combineHeaderRows(
  kind: ImportKind,
  parent: readonly string[] | null,
  header: readonly string[],
): string[] {
  if (parent === null || parent.every((cell) => cell.trim() === "")) return header.map((cell) => cell.trim());
  const width = Math.max(parent.length, header.length);
  const combined: string[] = [];
  let carried = "";
  for (let column = 0; column < width; column++) {
    const above = (parent[column] ?? "").trim();
    const own = (header[column] ?? "").trim();
    if (above !== "") carried = above;
    if (own === "") {
      combined.push(above);
      continue;
    }
    const joined = carried === "" ? own : `${carried} ${own}`;
    combined.push(carried !== "" && fieldFor(kind, joined) ? joined : own);
  }
  return combined;
}
