import type { Readable } from "node:stream";
import { type ApplicationsExportQuery, applicationStatusLabels, funderKindLabels } from "@trame/core";
import {
  type Database,
  type FundingApplicationItem,
  type Kysely,
  listApplications,
  type ProjectViewer,
} from "@trame/db";
import { boundedRows, csvStream, frenchAmount, frenchDate, truncationNotice } from "./csv.ts";

const PAGE_SIZE = 500;

const HEADERS = [
  "Projet",
  "Dispositif",
  "Financeur",
  "Type de financeur",
  "Demandeur",
  "Statut",
  "Référence de l'appel",
  "Assiette éligible (€)",
  "Montant demandé (€)",
  "Montant accordé (€)",
  "Montant versé (€)",
  "Taux demandé (%)",
  "Taux accordé (%)",
  "Date limite de dépôt",
  "Déposée le",
  "Décision le",
  "Convention signée le",
  "Date limite des dépenses",
] as const;

/** A percentage to the hundredth with a decimal comma, `45,5`, so the spreadsheet reads a number. */
export function frenchRate(rate: number | null): string {
  return rate === null ? "" : String(rate).replace(".", ",");
}

function applicationCells(application: FundingApplicationItem): string[] {
  return [
    application.project.title,
    application.programme.name,
    application.funder.name,
    funderKindLabels[application.funder.kind].fr,
    application.applicant.name,
    applicationStatusLabels[application.status].fr,
    application.callReference,
    frenchAmount(application.eligibleBaseCents),
    frenchAmount(application.requestedCents),
    frenchAmount(application.grantedCents),
    frenchAmount(application.paidCents),
    frenchRate(application.requestedRate),
    frenchRate(application.grantedRate),
    frenchDate(application.submissionDeadline),
    frenchDate(application.submittedOn),
    frenchDate(application.decisionOn),
    frenchDate(application.agreementSignedOn),
    frenchDate(application.spendingDeadline),
  ];
}

/**
 * The application list with the screen's filters and order, read by the same query that hides the
 * applications of restricted projects from non-partners; offset pages, as the list itself uses.
 */
export function applicationsCsv(
  db: Kysely<Database>,
  query: ApplicationsExportQuery,
  viewer: ProjectViewer,
  onError: (error: Error) => void,
): Readable {
  const rows = boundedRows<FundingApplicationItem, number>({
    fetchPage: async (offset) => {
      const start = offset ?? 0;
      const page = await listApplications(db, { ...query, limit: PAGE_SIZE, offset: start }, viewer);
      const next = start + page.items.length;
      return { items: page.items, next: page.items.length === PAGE_SIZE && next < page.total ? next : null };
    },
    toCells: applicationCells,
    truncatedRow: [truncationNotice(), ...HEADERS.slice(1).map(() => "")],
  });
  return csvStream(HEADERS, rows, onError);
}
