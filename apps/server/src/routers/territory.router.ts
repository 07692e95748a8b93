import {
  createTerritoryInputSchema,
  notFound,
  removeNeighbourInputSchema,
  searchTerritoriesInputSchema,
  setNeighbourInputSchema,
  territoryIdInputSchema,
  updateTerritoryInputSchema,
} from "@trame/core";
import { getTerritory, listCommunes, listNeighbours, searchTerritories } from "@trame/db";
import type { TRPCRouterRecord } from "@trpc/server";
import { createTerritory, editTerritory, removeNeighbour, setNeighbour } from "../services/territory.service.ts";
import { adminProcedure, authedProcedure } from "../trpc.ts";

export const territoryRouter = {
  search: authedProcedure
    .input(searchTerritoriesInputSchema)
    .query(({ ctx, input }) => searchTerritories(ctx.db, input)),

  get: authedProcedure.input(territoryIdInputSchema).query(async ({ ctx, input }) => {
    const territory = await getTerritory(ctx.db, input.id);
    if (!territory) throw notFound({ fr: "Territoire", en: "Territory" });
    return { ...territory, communes: await listCommunes(ctx.db, input.id) };
  }),

  neighbours: authedProcedure.input(territoryIdInputSchema).query(({ ctx, input }) => listNeighbours(ctx.db, input.id)),

  create: adminProcedure.input(createTerritoryInputSchema).mutation(({ ctx, input }) => {
    return createTerritory(ctx.db, ctx.user.id, input);
  }),

  update: adminProcedure.input(updateTerritoryInputSchema).mutation(({ ctx, input }) => {
    return editTerritory(ctx.db, ctx.user.id, input);
  }),

  setNeighbour: adminProcedure.input(setNeighbourInputSchema).mutation(async ({ ctx, input }) => {
    await setNeighbour(ctx.db, ctx.user.id, input);
    return listNeighbours(ctx.db, input.territoryId);
  }),

  removeNeighbour: adminProcedure.input(removeNeighbourInputSchema).mutation(async ({ ctx, input }) => {
    await removeNeighbour(ctx.db, ctx.user.id, input);
    return listNeighbours(ctx.db, input.territoryId);
  }),
} satisfies TRPCRouterRecord;
