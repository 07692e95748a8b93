import type { Confidence, FunderKind, ListProgrammesInput, Theme } from "@trame/core";
import { type ExpressionBuilder, type Kysely, type RawBuilder, sql } from "kysely";
import type { Database, FundingProgrammesTable } from "../schema.ts";

export interface Funder {
  id: string;
  name: string;
  kind: FunderKind;
  programmeCount: number;
}

export interface PerimeterPlace {
  code: string;
  /** From the départements reference table; the code itself when the table does not know it. */
  name: string;
}

export interface FundingProgramme {
  id: string;
  externalRef: string | null;
  name: string;
  acronym: string;
  funder: { id: string; name: string; kind: FunderKind };
  instrument: string;
  beneficiaries: string;
  eligibleThemes: Theme[];
  perimeter: { national: boolean; regions: PerimeterPlace[]; departements: PerimeterPlace[] };
  period: string;
  sourceUrl: string | null;
  /** `uncertain` rows come from unverified sources: screens show them as such. */
  confidence: Confidence;
  notes: string;
  archived: boolean;
  version: number;
  updatedAt: string;
}

type ProgrammeEb = ExpressionBuilder<Database & { fp: FundingProgrammesTable }, "fp">;

const places = (column: RawBuilder<string[]>, nameOf: RawBuilder<string>) =>
  sql<PerimeterPlace[]>`(select coalesce(json_agg(json_build_object('code', x.code, 'name', coalesce(${nameOf}, x.code))
    order by x.code), '[]'::json) from unnest(${column}) as x(code))`;

function programmeQuery(db: Kysely<Database>) {
  return db
    .selectFrom("funding_programmes as fp")
    .innerJoin("funders as f", "f.id", "fp.funder_id")
    .select([
      "fp.id",
      "fp.external_ref",
      "fp.name",
      "fp.acronym",
      "f.id as funder_id",
      "f.name as funder_name",
      "f.kind as funder_kind",
      "fp.instrument",
      "fp.beneficiaries",
      "fp.eligible_themes",
      "fp.is_national",
      "fp.period",
      "fp.source_url",
      "fp.confidence",
      "fp.notes",
      "fp.archived_at",
      "fp.version",
      "fp.updated_at",
      places(
        sql`fp.perimeter_regions`,
        sql`(select d.region_name from departements d where d.region_code = x.code limit 1)`,
      ).as("regions"),
      places(sql`fp.perimeter_departements`, sql`(select d.name from departements d where d.code = x.code)`).as(
        "departements",
      ),
    ]);
}

type ProgrammeRow = Awaited<ReturnType<ReturnType<typeof programmeQuery>["executeTakeFirstOrThrow"]>>;

function toProgramme(row: ProgrammeRow): FundingProgramme {
  return {
    id: row.id,
    externalRef: row.external_ref,
    name: row.name,
    acronym: row.acronym,
    funder: { id: row.funder_id, name: row.funder_name, kind: row.funder_kind },
    instrument: row.instrument,
    beneficiaries: row.beneficiaries,
    eligibleThemes: row.eligible_themes,
    perimeter: { national: row.is_national, regions: row.regions, departements: row.departements },
    period: row.period,
    sourceUrl: row.source_url,
    confidence: row.confidence,
    notes: row.notes,
    archived: row.archived_at !== null,
    version: row.version,
    updatedAt: row.updated_at,
  };
}

/** Open in a région: national, or limited to it, or to one of its départements. */
function openInRegion(eb: ProgrammeEb, regionCode: string) {
  return eb.or([
    eb("fp.is_national", "=", true),
    eb(sql`fp.perimeter_regions`, "@>", sql<string[]>`array[${regionCode}]::text[]`),
    eb(
      sql`fp.perimeter_departements`,
      "&&",
      sql<string[]>`array(select d.code from departements d where d.region_code = ${regionCode})`,
    ),
  ]);
}

export async function listFunders(db: Kysely<Database>): Promise<Funder[]> {
  const rows = await db
    .selectFrom("funders as f")
    .select((eb) => [
      "f.id",
      "f.name",
      "f.kind",
      eb
        .selectFrom("funding_programmes as fp")
        .select((sub) => sub.fn.countAll<number>().as("n"))
        .whereRef("fp.funder_id", "=", "f.id")
        .where("fp.archived_at", "is", null)
        .as("programme_count"),
    ])
    .orderBy("f.kind")
    .orderBy("f.name")
    .execute();
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    kind: row.kind,
    programmeCount: Number(row.programme_count ?? 0),
  }));
}

export async function listProgrammes(
  db: Kysely<Database>,
  input: ListProgrammesInput,
): Promise<{ items: FundingProgramme[]; total: number }> {
  let query = programmeQuery(db);
  if (!input.includeArchived) query = query.where("fp.archived_at", "is", null);
  if (input.funderId) query = query.where("fp.funder_id", "=", input.funderId);
  if (input.funderKind) query = query.where("f.kind", "=", input.funderKind);
  if (input.theme) query = query.where(sql<boolean>`fp.eligible_themes @> array[${input.theme}]::text[]`);
  if (input.national !== undefined) query = query.where("fp.is_national", "=", input.national);
  const { regionCode } = input;
  if (regionCode) query = query.where((eb) => openInRegion(eb as ProgrammeEb, regionCode));
  if (input.query) {
    const pattern = input.query.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`);
    query = query.where(sql`lower(fp.name || ' ' || fp.acronym || ' ' || f.name)`, "like", `%${pattern}%`);
  }
  const rows = await query
    .select(sql<number>`count(*) over ()`.as("total"))
    .orderBy(sql`lower(coalesce(nullif(fp.acronym, ''), fp.name))`)
    .orderBy("fp.id")
    .limit(input.limit)
    .offset(input.offset)
    .execute();
  return { items: rows.map(toProgramme), total: Number(rows[0]?.total ?? 0) };
}

export async function getProgramme(db: Kysely<Database>, id: string): Promise<FundingProgramme | undefined> {
  const row = await programmeQuery(db).where("fp.id", "=", id).executeTakeFirst();
  return row ? toProgramme(row) : undefined;
}

/**
 * Programmes a project may apply to: they fund one of its themes, and they are national or their
 * perimeter holds a région or a département of one of its partners (a partner's départements are
 * those of its communes, so an EPCI across two départements matches both).
 */
export async function programmesFittingProject(db: Kysely<Database>, projectId: string): Promise<FundingProgramme[]> {
  const partnerDepartements = sql<string[]>`array(
    select distinct d.code from project_partners pp
    join territories t on t.id = pp.territory_id
    cross join lateral unnest(t.departements) as d(code)
    where pp.project_id = ${projectId})`;
  const partnerRegions = sql<string[]>`array(
    select distinct dep.region_code from project_partners pp
    join territories t on t.id = pp.territory_id
    join departements dep on dep.code = any(t.departements)
    where pp.project_id = ${projectId})`;
  const rows = await programmeQuery(db)
    .where("fp.archived_at", "is", null)
    .where(sql<boolean>`fp.eligible_themes && (select p.themes from projects p where p.id = ${projectId})`)
    .where((eb) =>
      eb.or([
        eb("fp.is_national", "=", true),
        eb(sql`fp.perimeter_departements`, "&&", partnerDepartements),
        eb(sql`fp.perimeter_regions`, "&&", partnerRegions),
      ]),
    )
    // The closest perimeter first: a département's or région's programme before the national ones.
    .orderBy("fp.is_national")
    .orderBy(sql`lower(coalesce(nullif(fp.acronym, ''), fp.name))`)
    .orderBy("fp.id")
    .execute();
  return rows.map(toProgramme);
}

/** The editable fields of a programme, as the domain names them. */
export interface ProgrammeFields {
  funderId: string;
  name: string;
  acronym: string;
  instrument: string;
  beneficiaries: string;
  eligibleThemes: Theme[];
  perimeter: { national: boolean; regions: string[]; departements: string[] };
  period: string;
  sourceUrl: string | null;
  confidence: Confidence;
  notes: string;
}

function toColumns(fields: Partial<ProgrammeFields>) {
  return {
    funder_id: fields.funderId,
    name: fields.name,
    acronym: fields.acronym,
    instrument: fields.instrument,
    beneficiaries: fields.beneficiaries,
    eligible_themes: fields.eligibleThemes,
    is_national: fields.perimeter?.national,
    perimeter_regions: fields.perimeter?.regions,
    perimeter_departements: fields.perimeter?.departements,
    period: fields.period,
    source_url: fields.sourceUrl,
    confidence: fields.confidence,
    notes: fields.notes,
  };
}

export async function insertProgramme(
  db: Kysely<Database>,
  fields: ProgrammeFields & { externalRef?: string | null },
): Promise<string> {
  const { id } = await db
    .insertInto("funding_programmes")
    .values({
      ...toColumns(fields),
      funder_id: fields.funderId,
      name: fields.name,
      external_ref: fields.externalRef ?? null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

/** Optimistic update: applies only while the stored version is still `version`; false when stale. */
export async function updateProgramme(
  db: Kysely<Database>,
  id: string,
  version: number,
  changes: Partial<ProgrammeFields> & { archived?: boolean },
): Promise<boolean> {
  const { archived, ...fields } = changes;
  const result = await db
    .updateTable("funding_programmes")
    .set({
      ...toColumns(fields),
      ...(archived === undefined ? {} : { archived_at: archived ? sql<string>`coalesce(archived_at, now())` : null }),
      version: sql<number>`version + 1`,
      updated_at: sql<string>`now()`,
    })
    .where("id", "=", id)
    .where("version", "=", version)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

export async function funderExists(db: Kysely<Database>, id: string): Promise<boolean> {
  return (await db.selectFrom("funders").select("id").where("id", "=", id).executeTakeFirst()) !== undefined;
}

/** Funders are unique by name: an existing one is reused whatever kind was asked. */
export async function findOrInsertFunder(
  db: Kysely<Database>,
  funder: { name: string; kind: FunderKind },
): Promise<string> {
  const inserted = await db
    .insertInto("funders")
    .values(funder)
    .onConflict((oc) => oc.column("name").doNothing())
    .returning("id")
    .executeTakeFirst();
  if (inserted) return inserted.id;
  const existing = await db
    .selectFrom("funders")
    .select("id")
    .where("name", "=", funder.name)
    .executeTakeFirstOrThrow();
  return existing.id;
}
