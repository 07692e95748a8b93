import type { ApplicationStatus, DeadlineKind, FunderKind } from "@trame/core";
import { addDays, daysBetween } from "@trame/core";
import { type Kysely, sql } from "kysely";
import type { Database } from "../schema.ts";
import { type ProjectEb, type ProjectViewer, projectVisibleTo } from "./project.queries.ts";
import { uuidArray } from "./viewer.ts";

export interface Deadline {
  kind: DeadlineKind;
  on: string;
  project: { id: string; title: string };
  /** Null for a project's planned end. */
  application: {
    id: string;
    status: ApplicationStatus;
    programme: { id: string; name: string; acronym: string };
    funder: { name: string; kind: FunderKind };
    applicant: { id: string; name: string };
  } | null;
}

export interface DeadlineWindow {
  /** Applications that concern these territories (applicationConcerns), and projects they partner. */
  territoryIds: readonly string[];
  /** Inclusive bounds, `YYYY-MM-DD`; no lower bound when `since` is null. */
  since: string | null;
  until: string;
  order: "asc" | "desc";
  limit: number;
}

/**
 * The deadlines still open in a window: a draft's filing date, a granted aid's spending date, the
 * planned end of a project neither completed nor abandoned. Three indexed queries (applications by
 * concerned territory, status and date; projects by partner), never one per project; restricted
 * projects are hidden from non-partners as everywhere else.
 */
export async function listDeadlines(
  db: Kysely<Database>,
  window: DeadlineWindow,
  viewer: ProjectViewer,
): Promise<Deadline[]> {
  const { territoryIds, since, until, order, limit } = window;
  if (territoryIds.length === 0) return [];
  const applicationDeadlines = async (kind: "submission" | "spending") => {
    const column = kind === "submission" ? "submission_deadline" : "spending_deadline";
    // For each territory, its drafts or granted aids walked in date order along an index that starts
    // with the territory (application_concerns, migration 330001), stopping at the limit: a window
    // costs what it shows, and an open-ended one (overdue) does not read the territory's history.
    // Before, the country's applications were walked by date and each checked for concern.
    const territories = sql<{ territory_id: string }>`(select unnest(${uuidArray(territoryIds)}) as territory_id)`;
    const rows = await db
      .selectFrom(territories.as("tt"))
      .crossJoinLateral((eb) => {
        let walk = eb
          .selectFrom("application_concerns as ac")
          .innerJoin("funding_applications as a", "a.id", "ac.application_id")
          .innerJoin("projects as p", "p.id", "a.project_id")
          .select([
            `ac.${column} as on`,
            "a.id as application_id",
            "a.status",
            "a.programme_id",
            "a.applicant_territory_id",
            "p.id as project_id",
            "p.title as project_title",
          ])
          .whereRef("ac.territory_id", "=", "tt.territory_id")
          .where("ac.status", "=", kind === "submission" ? "draft" : "granted")
          .where(`ac.${column}`, "<=", until)
          .where("p.archived_at", "is", null)
          .where((inner) => projectVisibleTo(inner as unknown as ProjectEb, viewer));
        if (since !== null) walk = walk.where(`ac.${column}`, ">=", since);
        return walk.orderBy(`ac.${column}`, order).orderBy("ac.application_id", order).limit(limit).as("w");
      })
      .innerJoin("funding_programmes as pr", "pr.id", "w.programme_id")
      .innerJoin("funders as f", "f.id", "pr.funder_id")
      .innerJoin("territories as t", "t.id", "w.applicant_territory_id")
      .select([
        "w.on",
        "w.project_id",
        "w.project_title",
        "w.application_id",
        "w.status",
        "pr.id as programme_id",
        "pr.name as programme_name",
        "pr.acronym as programme_acronym",
        "f.name as funder_name",
        "f.kind as funder_kind",
        "t.id as applicant_id",
        "t.name as applicant_name",
      ])
      .execute();
    // An application that concerns several of the territories came once per territory; the walks
    // are merged in their own order and cut at the limit.
    const unique = [...new Map(rows.map((row) => [row.application_id, row])).values()];
    const sign = order === "asc" ? 1 : -1;
    unique.sort((x, y) => sign * (compare(x.on ?? "", y.on ?? "") || compare(x.application_id, y.application_id)));
    return unique.slice(0, limit);
  };
  let ends = db
    .selectFrom("projects as p")
    .select(["p.ended_on", "p.id", "p.title"])
    .where("p.archived_at", "is", null)
    .where("p.status", "not in", ["completed", "abandoned"])
    .where("p.ended_on", "<=", until)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom("project_partners as dp")
          .select(eb.lit(1).as("one"))
          .whereRef("dp.project_id", "=", "p.id")
          .where("dp.territory_id", "in", territoryIds),
      ),
    )
    .where((eb) => projectVisibleTo(eb as ProjectEb, viewer));
  if (since !== null) ends = ends.where("p.ended_on", ">=", since);

  const [submissions, spendings, projectEnds] = await Promise.all([
    applicationDeadlines("submission"),
    applicationDeadlines("spending"),
    ends.orderBy("p.ended_on", order).orderBy("p.id").limit(limit).execute(),
  ]);
  const fromApplications = (kind: "submission" | "spending") => (row: (typeof submissions)[number]) =>
    row.on === null
      ? []
      : [
          {
            kind,
            on: row.on,
            project: { id: row.project_id, title: row.project_title },
            application: {
              id: row.application_id,
              status: row.status,
              programme: { id: row.programme_id, name: row.programme_name, acronym: row.programme_acronym },
              funder: { name: row.funder_name, kind: row.funder_kind },
              applicant: { id: row.applicant_id, name: row.applicant_name },
            },
          },
        ];
  const all: Deadline[] = [
    ...submissions.flatMap(fromApplications("submission")),
    ...spendings.flatMap(fromApplications("spending")),
    ...projectEnds.flatMap((row) =>
      row.ended_on === null
        ? []
        : [
            {
              kind: "project_end" as const,
              on: row.ended_on,
              project: { id: row.id, title: row.title },
              application: null,
            },
          ],
    ),
  ];
  const sign = order === "asc" ? 1 : -1;
  return all
    .sort((a, b) => sign * a.on.localeCompare(b.on) || a.project.title.localeCompare(b.project.title, "fr"))
    .slice(0, limit);
}

export type DatedDeadline = Deadline & { daysLeft: number };

export interface DeadlineLists {
  today: string;
  /** From today to today + days, soonest first. */
  upcoming: DatedDeadline[];
  /** Passed and still open (the draft not filed, the aid not spent, the project not closed), latest first. */
  overdue: DatedDeadline[];
}

/** An in-app list is read by a person: past these, the filters are what they need. */
const MAX_UPCOMING = 200;
const MAX_OVERDUE = 100;

export async function readDeadlines(
  db: Kysely<Database>,
  input: { territoryIds: readonly string[]; today: string; days: number; overdue?: boolean },
  viewer: ProjectViewer,
): Promise<DeadlineLists> {
  const { territoryIds, today, days } = input;
  const dated = (deadline: Deadline): DatedDeadline => ({ ...deadline, daysLeft: daysBetween(today, deadline.on) });
  const [upcoming, overdue] = await Promise.all([
    listDeadlines(
      db,
      { territoryIds, since: today, until: addDays(today, days), order: "asc", limit: MAX_UPCOMING },
      viewer,
    ),
    input.overdue === false
      ? []
      : listDeadlines(
          db,
          { territoryIds, since: null, until: addDays(today, -1), order: "desc", limit: MAX_OVERDUE },
          viewer,
        ),
  ]);
  return { today, upcoming: upcoming.map(dated), overdue: overdue.map(dated) };
}

/** Byte order, as PostgreSQL's "C" collation sorts ISO dates and uuids. */
function compare(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}
