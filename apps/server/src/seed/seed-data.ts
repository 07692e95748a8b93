import { confidenceSchema, neighbourKindSchema } from "@trame/core";
import { z } from "zod";
import structuresJson from "./data/cooperation-structures.json" with { type: "json" };
import neighboursJson from "./data/neighbours.json" with { type: "json" };
import metropolisesJson from "./data/study-metropolises.json" with { type: "json" };

/**
 * The curated data of the study, copied from the shared reference folder (see data/README.md).
 * Parsed here so a hand edit that breaks a field fails at load, not half-way through a seed.
 */
const siren = z.string().regex(/^\d{9}$/);

const metropolisSchema = z.object({
  siren,
  name: z.string(),
  kind: z.literal("METRO"),
  departement: z.string(),
  communeCount: z.int(),
});

const neighbourSchema = z.object({
  metropolisSiren: siren,
  neighbourSiren: siren,
  neighbourName: z.string(),
  kind: neighbourKindSchema,
  source: z.string().max(500),
  structureIds: z.array(z.string()),
});

/** Field names are those of the curated file (French), kept as is so it can be re-copied unchanged. */
const structureSchema = z.object({
  id: z.string().min(1),
  metropole_siren: siren,
  nom: z.string().min(1),
  type: z.string().min(1),
  membres_siren: z.array(siren),
  membres_noms: z.array(z.string()),
  /** A SIREN when the associate is an EPCI, otherwise the name of another body. */
  associes_non_epci: z.array(z.string()),
  annee: z.string(),
  themes: z.string(),
  confidence: confidenceSchema,
  source: z.string(),
  note: z.string(),
});

export type StudyMetropolis = z.infer<typeof metropolisSchema>;
export type NeighbourRecord = z.infer<typeof neighbourSchema>;
export type CooperationStructure = z.infer<typeof structureSchema>;

export const STUDY_METROPOLISES: readonly StudyMetropolis[] = z.array(metropolisSchema).parse(metropolisesJson);
export const NEIGHBOURS: readonly NeighbourRecord[] = z.array(neighbourSchema).parse(neighboursJson);
export const COOPERATION_STRUCTURES: readonly CooperationStructure[] = z.array(structureSchema).parse(structuresJson);
