import type { Readable } from "node:stream";
import { type ProjectsExportQuery, projectStatusLabels, themeLabels, visibilityLabels } from "@trame/core";
import { type Database, type Kysely, listProjects, type ProjectListItem, type ProjectViewer } from "@trame/db";
import {
  boundedRows,
  csvStream,
  frenchAmount,
  frenchBoolean,
  frenchDate,
  frenchList,
  truncationNotice,
} from "./csv.ts";

const PAGE_SIZE = 500;

const HEADERS = [
  "Projet",
  "Coopération",
  "Chef de file",
  "Statut",
  "Thèmes",
  "Début",
  "Fin",
  "Budget (€)",
  "Partenaires",
  "Visibilité",
  "Archivé",
] as const;

function projectCells(project: ProjectListItem): string[] {
  return [
    project.title,
    project.cooperation.name,
    project.lead?.name ?? "",
    projectStatusLabels[project.status].fr,
    frenchList(project.themes.map((theme) => themeLabels[theme].fr)),
    frenchDate(project.startedOn),
    frenchDate(project.endedOn),
    frenchAmount(project.budgetCents),
    String(project.partnerCount),
    visibilityLabels[project.visibility].fr,
    frenchBoolean(project.archived),
  ];
}

/**
 * The project list with the screen's filters and order, read by the same query that hides
 * restricted projects from non-partners. Offset pages, as the list itself uses: an export taken
 * while a colleague renames a project may list it twice or miss it, which a re-export fixes.
 */
export function projectsCsv(
  db: Kysely<Database>,
  query: ProjectsExportQuery,
  viewer: ProjectViewer,
  onError: (error: Error) => void,
): Readable {
  const rows = boundedRows<ProjectListItem, number>({
    fetchPage: async (offset) => {
      const start = offset ?? 0;
      const page = await listProjects(db, { ...query, limit: PAGE_SIZE, offset: start }, viewer);
      const next = start + page.items.length;
      return { items: page.items, next: page.items.length === PAGE_SIZE && next < page.total ? next : null };
    },
    toCells: projectCells,
    truncatedRow: [truncationNotice(), "", "", "", "", "", "", "", "", "", ""],
  });
  return csvStream(HEADERS, rows, onError);
}
