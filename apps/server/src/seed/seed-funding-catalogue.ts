import { confidenceSchema } from "@trame/core";
import { type Database, fromReference, type Kysely, sql } from "@trame/db";
import { z } from "zod";
import { importDepartements } from "../territories/import-departements.ts";
import programmesJson from "./data/funding-programmes.json" with { type: "json" };
import {
  type CuratedProgramme,
  funderOf,
  perimeterOf,
  programmeNotesOf,
  programmeThemesOf,
} from "./funding-catalogue-mapping.ts";
import { firstSourceUrl } from "./structure-mapping.ts";

const curatedSchema = z.object({
  id: z.string().min(1),
  sigle: z.string(),
  nom_officiel: z.string().min(1),
  financeur: z.string().min(1),
  niveau: z.string().min(1),
  instrument: z.string(),
  beneficiaires: z.string(),
  themes: z.string(),
  perimetre: z.string().min(1),
  periode: z.string(),
  source: z.string(),
  confidence: confidenceSchema,
  /** Absent on rows the curators had nothing to add to. */
  note: z.string().default(""),
}) satisfies z.ZodType<CuratedProgramme>;

/** Parsed on load, so a hand edit that breaks a field fails at start-up, not half-way through the seed. */
export const CURATED_PROGRAMMES: readonly CuratedProgramme[] = z.array(curatedSchema).parse(programmesJson);

export interface CatalogueSeedResult {
  funders: number;
  programmes: number;
}

/** Columns the curated data owns; the rest (version, archived_at…) belongs to the instance. */
const CURATED_COLUMNS = [
  "funder_id",
  "name",
  "acronym",
  "instrument",
  "beneficiaries",
  "eligible_themes",
  "is_national",
  "perimeter_regions",
  "perimeter_departements",
  "period",
  "source_url",
  "confidence",
  "notes",
] as const;

/**
 * The real programmes of the study (Fonds vert, DSIL, FEDER, the water agencies…): reference data,
 * seeded at every start whatever TRAME_DEMO, like the EPCI list. Rows are keyed (funder by name,
 * programme by its curated id as external_ref). A new version of the curated data updates a
 * programme in place, field by field, only where the field still holds what the seed last wrote
 * (see fromReference): an administrator's edits survive, and a re-run with the same data writes
 * nothing. `uncertain` rows are kept with their confidence: the screens flag them. Départements are
 * (re)imported first, since perimeters by région are matched through them and a database whose EPCI
 * were imported before they existed would have none. Returns what this run added.
 */
export async function seedFundingCatalogue(db: Kysely<Database>): Promise<CatalogueSeedResult> {
  const rows = CURATED_PROGRAMMES.map((row) => ({ row, funder: funderOf(row), perimeter: perimeterOf(row) }));
  return db.transaction().execute(async (trx) => {
    // Two instances starting together must not both insert the same funders.
    await sql`select pg_advisory_xact_lock(hashtext('trame.seed-funding-catalogue'))`.execute(trx);
    await importDepartements(trx);
    const funderNames = [...new Map(rows.map(({ funder }) => [funder.name, funder])).values()];
    const insertedFunders = await trx
      .insertInto("funders")
      .values(funderNames)
      .onConflict((oc) => oc.column("name").doNothing())
      .returning("id")
      .execute();
    const funders = await trx
      .selectFrom("funders")
      .select(["id", "name"])
      .where(
        "name",
        "in",
        funderNames.map((f) => f.name),
      )
      .execute();
    const ids = new Map(funders.map((f) => [f.name, f.id]));
    const funderId = (name: string) => {
      const id = ids.get(name);
      if (!id) throw new Error(`funder "${name}" missing after insert`);
      return id;
    };
    const written = await trx
      .insertInto("funding_programmes")
      .values(
        rows.map(({ row, funder, perimeter }) => {
          const curated = {
            funder_id: funderId(funder.name),
            name: row.nom_officiel,
            acronym: row.sigle,
            instrument: row.instrument,
            beneficiaries: row.beneficiaires,
            eligible_themes: programmeThemesOf(row),
            is_national: perimeter.national,
            perimeter_regions: perimeter.regions,
            perimeter_departements: perimeter.departements,
            period: row.periode,
            source_url: firstSourceUrl(row.source),
            confidence: row.confidence,
            notes: programmeNotesOf(row),
          } satisfies Record<(typeof CURATED_COLUMNS)[number], unknown>;
          return { ...curated, external_ref: row.id, reference: JSON.stringify(curated) };
        }),
      )
      .onConflict((oc) =>
        oc
          .column("external_ref")
          .doUpdateSet({
            ...Object.fromEntries(
              CURATED_COLUMNS.map((column) => [column, fromReference("funding_programmes", column)]),
            ),
            reference: sql.ref("excluded.reference"),
            version: sql`funding_programmes.version + 1`,
            updated_at: sql`now()`,
          })
          .where(sql<boolean>`funding_programmes.reference is distinct from excluded.reference`),
      )
      // xmax = 0 on a row this statement inserted, the transaction id on one it updated.
      .returning(sql<boolean>`xmax = 0`.as("inserted"))
      .execute();
    return { funders: insertedFunders.length, programmes: written.filter((r) => r.inserted).length };
  });
}
