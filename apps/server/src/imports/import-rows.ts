import {
  type ActionKind,
  type Actor,
  type ApplicationStatus,
  actionKindLabels,
  applicationStatusLabels,
  type CellValue,
  type ColumnMapping,
  canMoveProject,
  cellText,
  foldLabel,
  formatEuros,
  hasTerritoryRole,
  type ImportKind,
  importFields,
  isEmptyRow,
  isTotalRow,
  type PartnerRole,
  type ProjectStatus,
  parseAmountCell,
  parseChoiceCell,
  parseChoiceListCell,
  parseDateCell,
  partnerRoleLabels,
  projectStatusLabels,
  type Theme,
  themeLabels,
  translateImport,
  type Visibility,
  visibilityLabels,
} from "@trame/core";
import { type RowProblem, RowReader } from "./import-cells.ts";
import type { ContextProject, ImportContext } from "./import-context.ts";

export interface ProjectValues {
  kind: "projects";
  title: string;
  summary?: string;
  themes?: Theme[];
  status?: ProjectStatus;
  startedOn?: string | null;
  endedOn?: string | null;
  budgetCents?: number | null;
  visibility?: Visibility;
  partners: { territoryId: string; role: PartnerRole }[];
  /** Whether the file says who the partners are besides the lead (else they are left as stored). */
  partnersGiven: boolean;
}

export interface ActionValues {
  kind: "actions";
  occurredOn: string;
  actionKind: ActionKind;
  title: string;
  notes?: string;
  projectId: string | null;
  territoryIds?: string[];
}

export interface ApplicationValues {
  kind: "applications";
  projectId: string;
  programmeId: string;
  applicantTerritoryId: string;
  requestedCents: number;
  grantedCents: number | null;
  paidCents: number | null;
  submittedOn: string | null;
  spendingDeadline?: string | null;
  status: ApplicationStatus | null;
}

export type RowValues = ProjectValues | ActionValues | ApplicationValues;

export type RowStatus = "create" | "update" | "invalid" | "skipped";

export interface PlannedRow {
  /** 1-based row number in the sheet, as the user sees it in Excel or LibreOffice. */
  row: number;
  status: RowStatus;
  /** What the row is, for the user: a title, a date and title… */
  label: string;
  key: string | null;
  entityId: string | null;
  problems: RowProblem[];
  values: RowValues | null;
}

/** Column index → field, the other way round; a field mapped twice is refused upstream. */
export function columnsOf(mapping: ColumnMapping): Map<string, number> {
  const columns = new Map<string, number>();
  for (const [column, field] of Object.entries(mapping)) if (field) columns.set(field, Number(column));
  return columns;
}

const splitList = (value: string) =>
  value
    .split(/[;\n]+/)
    .map((part) => part.trim())
    .filter((part) => part !== "");

function findProject(reader: RowReader, field: string, ctx: ImportContext): ContextProject | null {
  const value = reader.text(field);
  if (value === "") return null;
  const folded = foldLabel(value);
  const found = ctx.projects.filter((p) => foldLabel(p.title) === folded && !p.archived);
  if (found.length === 1 && found[0]) return found[0];
  reader.problem(field, found.length === 0 ? "import.project.unknown" : "import.project.ambiguous", { value });
  return null;
}

/** A territory of the cooperation: unknown, ambiguous and non-member names are problems. */
function memberTerritory(reader: RowReader, field: string, value: string, ctx: ImportContext): string | null {
  const territory = reader.territory(field, value, ctx.territories);
  if (!territory) return null;
  if (!ctx.memberIds.has(territory.id)) {
    reader.problem(field, "import.territory.notMember", { value: territory.name });
    return null;
  }
  return territory.id;
}

/** « CC du Grand Pic Saint-Loup (co-maître d'ouvrage) »: a role in brackets, otherwise a plain partner. */
function partnerOf(part: string): { name: string; role: PartnerRole } {
  const bracket = /^(.*)\(([^()]+)\)\s*$/.exec(part);
  if (bracket?.[1] && bracket[2]) {
    const role = parseChoiceCell(bracket[2].trim(), partnerRoleLabels, { "co maitre d ouvrage": "co_owner" });
    if (role.ok && role.value) return { name: bracket[1].trim(), role: role.value };
  }
  return { name: part, role: "partner" };
}

function planProject(reader: RowReader, ctx: ImportContext, actor: Actor): ProjectValues {
  const title = reader.required("title");
  if (title.length > 200) reader.problem("title", "import.tooLong", { max: 200 });
  const leadName = reader.required("lead");
  const leadId = leadName === "" ? null : memberTerritory(reader, "lead", leadName, ctx);
  if (leadId && !hasTerritoryRole(actor, leadId, "editor")) {
    reader.problem("lead", "import.territory.notEditor", { value: leadName });
  }
  const partners: ProjectValues["partners"] = leadId ? [{ territoryId: leadId, role: "lead" }] : [];
  for (const part of splitList(reader.text("partners"))) {
    const { name, role } = partnerOf(part);
    const id = memberTerritory(reader, "partners", name, ctx);
    if (id && !partners.some((p) => p.territoryId === id)) partners.push({ territoryId: id, role });
  }
  const values: ProjectValues = { kind: "projects", title, partners, partnersGiven: reader.has("partners") };
  if (reader.has("summary")) values.summary = reader.textUpTo("summary", 10_000);
  if (reader.has("themes")) values.themes = reader.read("themes", (c) => parseChoiceListCell(c, themeLabels), []);
  if (reader.has("status")) {
    const status = reader.read("status", (c) => parseChoiceCell(c, projectStatusLabels, PROJECT_STATUS_SYNONYMS), null);
    if (status) values.status = status;
  }
  if (reader.has("startedOn")) values.startedOn = reader.read("startedOn", parseDateCell, null);
  if (reader.has("endedOn")) values.endedOn = reader.read("endedOn", parseDateCell, null);
  if (values.startedOn && values.endedOn && values.endedOn < values.startedOn) {
    reader.problem("endedOn", "import.date.endBeforeStart");
  }
  if (reader.has("budget")) values.budgetCents = reader.read("budget", parseAmountCell, null);
  if (reader.has("visibility")) {
    const visibility = reader.read(
      "visibility",
      (c) => parseChoiceCell(c, visibilityLabels, VISIBILITY_SYNONYMS),
      null,
    );
    if (visibility) values.visibility = visibility;
  }
  return values;
}

const PROJECT_STATUS_SYNONYMS: Record<string, ProjectStatus> = {
  termine: "completed",
  acheve: "completed",
  "a l etude": "idea",
  programme: "planned",
  planifie: "planned",
  "en pause": "suspended",
};
const VISIBILITY_SYNONYMS: Record<string, Visibility> = {
  reseau: "network",
  public: "network",
  partenaires: "partners",
  "reserve aux partenaires": "partners",
  restreint: "partners",
};
const ACTION_KIND_SYNONYMS: Record<string, ActionKind> = {
  deliberation: "decision",
  decision: "decision",
  comite: "meeting",
  "comite de pilotage": "meeting",
  copil: "meeting",
  reunion: "meeting",
  seminaire: "workshop",
  visite: "field_visit",
};
const APPLICATION_STATUS_SYNONYMS: Record<string, ApplicationStatus> = {
  depose: "submitted",
  deposee: "submitted",
  "en cours d instruction": "under_review",
  accorde: "granted",
  obtenu: "granted",
  obtenue: "granted",
  refuse: "rejected",
  solde: "closed",
  soldee: "closed",
};

function planAction(reader: RowReader, ctx: ImportContext): ActionValues {
  const occurredOn = reader.read("occurredOn", parseDateCell, null);
  if (occurredOn === null && reader.text("occurredOn") === "") reader.problem("occurredOn", "import.required");
  const kind = reader.read("kind", (c) => parseChoiceCell(c, actionKindLabels, ACTION_KIND_SYNONYMS), null);
  if (kind === null && reader.text("kind") === "") reader.problem("kind", "import.required");
  const title = reader.required("title");
  if (title.length > 300) reader.problem("title", "import.tooLong", { max: 300 });
  const project = reader.has("project") ? findProject(reader, "project", ctx) : null;
  const values: ActionValues = {
    kind: "actions",
    occurredOn: occurredOn ?? "",
    actionKind: kind ?? "other",
    title,
    projectId: project?.id ?? null,
  };
  if (reader.has("notes")) values.notes = reader.textUpTo("notes", 20_000);
  const names = splitList(reader.text("territories"));
  if (names.length > 0) {
    // Those involved where the action is logged: the project's partners, or the cooperation's members.
    const involved = project ? new Set(project.partnerIds) : ctx.memberIds;
    const ids: string[] = [];
    for (const name of names) {
      const territory = reader.territory("territories", name, ctx.territories);
      if (!territory) continue;
      if (!involved.has(territory.id)) {
        reader.problem("territories", project ? "import.applicant.notPartner" : "import.territory.notMember", {
          value: territory.name,
        });
      } else if (!ids.includes(territory.id)) ids.push(territory.id);
    }
    values.territoryIds = ids;
  }
  return values;
}

function findProgramme(reader: RowReader, ctx: ImportContext): string | null {
  const value = reader.required("programme");
  if (value === "") return null;
  const folded = foldLabel(value);
  const funder = foldLabel(reader.text("funder"));
  let found = ctx.programmes.filter(
    (p) => !p.archived && (foldLabel(p.name) === folded || (p.acronym !== "" && foldLabel(p.acronym) === folded)),
  );
  if (found.length > 1 && funder !== "") found = found.filter((p) => foldLabel(p.funderName) === funder);
  if (found.length === 1 && found[0]) return found[0].id;
  if (found.length === 0) reader.problem("programme", "import.programme.unknown", { value });
  else {
    const candidates = found.map((p) => `${p.name} (${p.funderName})`).join(", ");
    reader.problem("programme", "import.programme.ambiguous", { value, candidates });
  }
  return null;
}

function planApplication(reader: RowReader, ctx: ImportContext): ApplicationValues {
  if (reader.text("project") === "") reader.problem("project", "import.required");
  const project = findProject(reader, "project", ctx);
  const programmeId = findProgramme(reader, ctx);
  let applicantTerritoryId = project?.leadId ?? "";
  const applicantName = reader.text("applicant");
  if (applicantName !== "") {
    const territory = reader.territory("applicant", applicantName, ctx.territories);
    if (territory && project && !project.partnerIds.includes(territory.id)) {
      reader.problem("applicant", "import.applicant.notPartner", { value: territory.name });
    } else if (territory) applicantTerritoryId = territory.id;
  }
  const requested = reader.read("requested", parseAmountCell, null);
  if (requested === null && reader.text("requested") === "") reader.problem("requested", "import.required");
  const granted = reader.read("granted", parseAmountCell, null);
  const paid = reader.read("paid", parseAmountCell, null);
  if (granted !== null && requested !== null && granted > requested) {
    reader.problem("granted", "import.amount.grantedAboveRequested", {
      granted: formatEuros(granted).fr,
      requested: formatEuros(requested).fr,
    });
  }
  if (paid !== null && paid > 0) {
    if (granted === null || granted === 0) reader.problem("paid", "import.amount.paidWithoutGrant");
    else if (paid > granted) {
      reader.problem("paid", "import.amount.paidAboveGranted", {
        paid: formatEuros(paid).fr,
        granted: formatEuros(granted).fr,
      });
    }
  }
  const status = reader.read(
    "status",
    (c) => parseChoiceCell(c, applicationStatusLabels, APPLICATION_STATUS_SYNONYMS),
    null,
  );
  if ((status === "granted" || status === "closed") && (granted === null || granted === 0)) {
    reader.problem("status", "import.status.needsGrant", { value: reader.text("status") });
  }
  const values: ApplicationValues = {
    kind: "applications",
    projectId: project?.id ?? "",
    programmeId: programmeId ?? "",
    applicantTerritoryId,
    requestedCents: requested ?? 0,
    grantedCents: granted,
    paidCents: paid,
    submittedOn: reader.read("submittedOn", parseDateCell, null),
    status,
  };
  if (reader.has("spendingDeadline")) values.spendingDeadline = reader.read("spendingDeadline", parseDateCell, null);
  return values;
}

/**
 * The row's stable key: its identifier column when it has one, otherwise its own identity (a
 * project's title; an action's date, kind, title and project; an application's project, programme
 * and applicant). Importing the same or a corrected file finds the same key and updates.
 */
function keyOf(values: RowValues, externalId: string): string {
  if (externalId !== "") return `id:${foldLabel(externalId)}`;
  switch (values.kind) {
    case "projects":
      return `title:${foldLabel(values.title)}`;
    case "actions":
      return `row:${values.occurredOn}|${values.actionKind}|${foldLabel(values.title)}|${values.projectId ?? ""}`;
    case "applications":
      return `row:${values.projectId}|${values.programmeId}|${values.applicantTerritoryId}`;
  }
}

function labelOf(values: RowValues, reader: RowReader): string {
  if (values.kind === "actions") return `${reader.text("occurredOn")} · ${values.title}`;
  if (values.kind === "projects") return values.title;
  return `${reader.text("project")} · ${reader.text("programme")}`;
}

export interface PlanInput {
  kind: ImportKind;
  rows: readonly CellValue[][];
  headerRow: number;
  headers: readonly string[];
  mapping: ColumnMapping;
  ctx: ImportContext;
  actor: Actor;
  /** Entities created by earlier imports of this cooperation, by key. */
  knownKeys: Map<string, string>;
}

/** Every row after the header: skipped (empty, total), invalid with its problems, or what it will create or update. */
export function planRows(input: PlanInput): PlannedRow[] {
  const { kind, rows, headerRow, headers, mapping, ctx, actor, knownKeys } = input;
  const columnOf = columnsOf(mapping);
  const fields = importFields[kind];
  const missing = fields.filter((f) => f.required && !columnOf.has(f.key));
  const seen = new Map<string, number>();
  const planned: PlannedRow[] = [];
  for (let index = headerRow; index < rows.length; index++) {
    const cells = rows[index] ?? [];
    const row = index + 1;
    if (isEmptyRow(cells) || isTotalRow(cells)) {
      const reason = isEmptyRow(cells) ? "import.row.empty" : "import.row.total";
      const message = translateImport(reason);
      planned.push({
        row,
        status: "skipped",
        label: "",
        key: null,
        entityId: null,
        problems: [{ column: null, header: "", field: null, message }],
        values: null,
      });
      continue;
    }
    const reader = new RowReader(cells, columnOf, headers, fields);
    for (const field of missing) reader.problem(field.key, "import.required");
    const values =
      kind === "projects"
        ? planProject(reader, ctx, actor)
        : kind === "actions"
          ? planAction(reader, ctx)
          : planApplication(reader, ctx);
    const key = keyOf(values, cellText(reader.raw("externalId")));
    let entityId = knownKeys.get(key) ?? null;
    if (entityId === null && values.kind === "projects") {
      // A project typed by hand before the import is the same project: found by its title.
      const same = ctx.projects.filter((p) => foldLabel(p.title) === foldLabel(values.title));
      if (same.length === 1 && same[0]) entityId = same[0].id;
    }
    if (values.kind === "projects" && entityId !== null && values.status) {
      const stored = ctx.projects.find((p) => p.id === entityId);
      if (stored && stored.status !== values.status && !canMoveProject(stored.status, values.status)) {
        reader.problem("status", "import.status.unreachable", {
          from: projectStatusLabels[stored.status].fr,
          value: projectStatusLabels[values.status].fr,
        });
      }
    }
    const earlier = seen.get(key);
    if (earlier !== undefined) reader.problem("externalId", "import.row.duplicateKey", { row: earlier });
    else seen.set(key, row);
    planned.push({
      row,
      status: reader.problems.length > 0 ? "invalid" : entityId ? "update" : "create",
      label: labelOf(values, reader),
      key,
      entityId,
      problems: reader.problems,
      values,
    });
  }
  return planned;
}
