import { z } from "zod";
import { themeSchema } from "../enums/theme.ts";
import { idSchema } from "./common.ts";

export const mapTerritoryInputSchema = z.object({ territoryId: idSchema });
export type MapTerritoryInput = z.infer<typeof mapTerritoryInputSchema>;

export const mapCooperationInputSchema = z.object({ cooperationId: idSchema });
export type MapCooperationInput = z.infer<typeof mapCooperationInputSchema>;

/** The national map: cooperation with a metropolis, all themes or one. */
export const mapNationalInputSchema = z.object({ theme: themeSchema.optional() });
export type MapNationalInput = z.infer<typeof mapNationalInputSchema>;

/** "Actions of the last 12 months" on the maps: this many months back from today in France. */
export const MAP_RECENT_ACTION_MONTHS = 12;
