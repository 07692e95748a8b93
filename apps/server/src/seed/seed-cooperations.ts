import type { EngagementForm, MemberRole } from "@trame/core";
import { type Database, type Kysely, recordAudit } from "@trame/db";
import { DEMO_STRUCTURES, demoKey } from "./demo-keys.ts";
import type { CooperationStructure } from "./seed-data.ts";
import type { SeedMarks } from "./seed-marks.ts";
import type { SeedTerritory } from "./seed-territories.ts";
import {
  descriptionOf,
  engagementFormOf,
  firstSourceUrl,
  startedOnOf,
  statusOf,
  themesOf,
} from "./structure-mapping.ts";

interface FormPeriod {
  form: EngagementForm;
  fromOn: string | null;
  toOn: string | null;
  note: string;
}

/**
 * Where the curated dates tell a change of form, the history says it: the Eurodistrict began as a
 * Franco-German convention (17/10/2005) and became a GECT on 04/02/2010.
 */
const FORM_HISTORY: Readonly<Record<string, readonly FormPeriod[]>> = {
  "STR-EURODISTRICT": [
    { form: "convention", fromOn: "2005-10-17", toOn: "2010-02-04", note: "Convention de création de l'Eurodistrict" },
    { form: "gect", fromOn: "2010-02-04", toOn: null, note: "Constitution du GECT Eurodistrict Strasbourg-Ortenau" },
  ],
};

export interface SeedLookups {
  bySiren: ReadonlyMap<string, SeedTerritory>;
  /** Territory ids of the non-EPCI associates, by the label the curated data uses. */
  otherBodyIdByLabel: ReadonlyMap<string, string>;
}

interface SeedMember {
  territoryId: string;
  role: MemberRole;
}

/**
 * The lead is the study metropolis when it is a member, even where another body runs the structure
 * (the SCoT syndicate, the Région for Nouvelle-Aquitaine Mobilités): the demo is told from the
 * metropolises' side, and the data names no chef de file. Where the data leaves the metropolis out of
 * the members (the PETR around Bordeaux and Orléans, the PNR Médoc to which Bordeaux is only a partner),
 * it is not made lead against the data: the most populous member stands in.
 * EPCI associates (a SIREN) and other bodies (a name) are associates.
 */
export function membersOf(structure: CooperationStructure, lookups: SeedLookups): SeedMember[] {
  const idOf = (siren: string) => {
    const territory = lookups.bySiren.get(siren);
    if (!territory) throw new Error(`${structure.id}: unknown SIREN ${siren}`);
    return territory;
  };
  const leadSiren = structure.membres_siren.includes(structure.metropole_siren)
    ? structure.metropole_siren
    : [...structure.membres_siren].sort((a, b) => (idOf(b).population ?? 0) - (idOf(a).population ?? 0))[0];
  const members = new Map<string, MemberRole>();
  for (const siren of structure.membres_siren) members.set(idOf(siren).id, siren === leadSiren ? "lead" : "member");
  for (const label of structure.associes_non_epci) {
    const id = /^\d{9}$/.test(label) ? idOf(label).id : lookups.otherBodyIdByLabel.get(label);
    if (!id) throw new Error(`${structure.id}: no territory for the associate "${label}"`);
    if (!members.has(id)) members.set(id, "associate");
  }
  return [...members].map(([territoryId, role]) => ({ territoryId, role }));
}

/**
 * Inserts each verified curated structure once (keyed by its id, also stored as external_ref), with
 * its members, its form history and a "seeded" audit line. A structure the seed made is never
 * touched again, so edits made in the app survive every restart.
 */
export async function seedCooperations(
  trx: Kysely<Database>,
  lookups: SeedLookups,
  currentYear: number,
  marks: SeedMarks,
): Promise<number> {
  let created = 0;
  for (const structure of DEMO_STRUCTURES) {
    const key = demoKey.cooperation(structure.id);
    if (marks.has(key)) continue;
    const form = engagementFormOf(structure.type);
    const startedOn = startedOnOf(structure.annee);
    const { status, endedOn } = statusOf(structure, form, currentYear);
    const members = membersOf(structure, lookups);
    const values = {
      external_ref: structure.id,
      name: structure.nom,
      description: descriptionOf(structure),
      engagement_form: form,
      status,
      started_on: startedOn,
      ended_on: endedOn,
      themes: themesOf(structure.themes),
      source_url: firstSourceUrl(structure.source),
      confidence: structure.confidence,
      is_demo: true,
    };
    const inserted = await trx
      .insertInto("cooperations")
      .values(values)
      .onConflict((oc) => oc.column("external_ref").doNothing())
      .returning("id")
      .executeTakeFirst();
    await marks.record(trx, key, inserted?.id ?? null);
    // Taken already: made by a seed run that kept no marks yet, and left as it is.
    if (!inserted) continue;
    const cooperationId = inserted.id;

    await trx
      .insertInto("cooperation_members")
      .values(members.map((m) => ({ cooperation_id: cooperationId, territory_id: m.territoryId, role: m.role })))
      .execute();
    const history = FORM_HISTORY[structure.id] ?? [
      { form, fromOn: startedOn, toOn: endedOn, note: `Forme initiale (type d'origine : ${structure.type})` },
    ];
    await trx
      .insertInto("cooperation_form_history")
      .values(
        history.map((period) => ({
          cooperation_id: cooperationId,
          engagement_form: period.form,
          from_on: period.fromOn,
          to_on: period.toOn,
          note: period.note,
          changed_by: null,
        })),
      )
      .execute();
    await recordAudit(trx, {
      entityType: "cooperation",
      entityId: cooperationId,
      action: "seeded",
      actorId: null,
      before: null,
      after: { id: cooperationId, ...values, members },
    });
    created++;
  }
  return created;
}
