import { confidenceSchema } from "@trame/core";
import { type Database, type Kysely, sql } from "@trame/db";
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

/**
 * The real programmes of the study (Fonds vert, DSIL, FEDER, the water agencies…): reference data,
 * seeded at every start whatever TRAME_DEMO, like the EPCI list. Rows are keyed (funder by name,
 * programme by its curated id as external_ref) and only missing ones are added, so a re-run changes
 * nothing and an administrator's edits survive. `uncertain` rows are kept with their confidence:
 * the screens flag them. Départements are (re)imported first, since perimeters by région are matched
 * through them and a database whose EPCI were imported before they existed would have none.
 * Returns what this run added.
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
    const insertedProgrammes = await trx
      .insertInto("funding_programmes")
      .values(
        rows.map(({ row, funder, perimeter }) => ({
          external_ref: row.id,
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
        })),
      )
      .onConflict((oc) => oc.column("external_ref").doNothing())
      .returning("id")
      .execute();
    return { funders: insertedFunders.length, programmes: insertedProgrammes.length };
  });
}
