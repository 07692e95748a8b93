import { mapCooperationInputSchema, mapNationalInputSchema, mapTerritoryInputSchema } from "@trame/core";
import type { TRPCRouterRecord } from "@trpc/server";
import { viewerOf } from "../auth/viewer.ts";
import { readCooperationMap, readMapAreas, readNationalMap, readTerritoryMap } from "../services/map.service.ts";
import { authedProcedure } from "../trpc.ts";

/**
 * The figures the maps colour by; the outlines are a static asset of the web app. Project and action
 * counts pass the same visibility rule as every list: a partners-only project counts only for
 * members of its partners.
 */
export const mapRouter = {
  territory: authedProcedure
    .input(mapTerritoryInputSchema)
    .query(({ ctx, input }) => readTerritoryMap(ctx.db, viewerOf(ctx.actor), input.territoryId)),

  cooperation: authedProcedure
    .input(mapCooperationInputSchema)
    .query(({ ctx, input }) => readCooperationMap(ctx.db, input.cooperationId)),

  national: authedProcedure
    .input(mapNationalInputSchema)
    .query(({ ctx, input }) => readNationalMap(ctx.db, viewerOf(ctx.actor), input.theme)),

  areas: authedProcedure.query(({ ctx }) => readMapAreas(ctx.db)),
} satisfies TRPCRouterRecord;
