import { z } from "zod";
import { neighbourKindSchema } from "../enums/membership-role.ts";
import { OTHER_BODY_KINDS, territoryKindSchema } from "../enums/territory-kind.ts";
import { idSchema, paginationSchema, requiredText, sirenSchema, text, versionSchema } from "./common.ts";

const departementCode = z.string().regex(/^(\d{2}|2A|2B|9[78]\d)$/, "input.invalid");

export const searchTerritoriesInputSchema = paginationSchema.extend({
  query: text(120).default(""),
  kinds: z.array(territoryKindSchema).max(20).optional(),
  departement: departementCode.optional(),
});
export type SearchTerritoriesInput = z.infer<typeof searchTerritoriesInputSchema>;

export const territoryIdInputSchema = z.object({ id: idSchema });

export const createTerritoryInputSchema = z.object({
  name: requiredText(200),
  kind: z.enum(OTHER_BODY_KINDS),
  siren: sirenSchema.optional(),
  population: z.int().min(0).max(100_000_000).optional(),
  departements: z.array(departementCode).max(20).default([]),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, "input.invalid")
    .default("FR"),
});
export type CreateTerritoryInput = z.infer<typeof createTerritoryInputSchema>;

export const updateTerritoryInputSchema = z.object({
  id: idSchema,
  version: versionSchema,
  name: requiredText(200).optional(),
  population: z.int().min(0).max(100_000_000).nullable().optional(),
  departements: z.array(departementCode).max(20).optional(),
});
export type UpdateTerritoryInput = z.infer<typeof updateTerritoryInputSchema>;

export const setNeighbourInputSchema = z
  .object({
    territoryId: idSchema,
    neighbourId: idSchema,
    kind: neighbourKindSchema,
    source: text(500).default(""),
  })
  .refine((value) => value.territoryId !== value.neighbourId, {
    path: ["neighbourId"],
    message: "territory.sameAsNeighbour",
  });
export type SetNeighbourInput = z.infer<typeof setNeighbourInputSchema>;

export const removeNeighbourInputSchema = z.object({ territoryId: idSchema, neighbourId: idSchema });
