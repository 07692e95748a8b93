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
import { requireInstanceAdmin } from "../auth/require.ts";
import { createTerritory, editTerritory, removeNeighbour, setNeighbour } from "../services/territory.service.ts";
import { authedProcedure } from "../trpc.ts";

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

  create: authedProcedure.input(createTerritoryInputSchema).mutation(({ ctx, input }) => {
    requireInstanceAdmin(ctx.actor);
    return createTerritory(ctx.db, ctx.user.id, input);
  }),

  update: authedProcedure.input(updateTerritoryInputSchema).mutation(({ ctx, input }) => {
    requireInstanceAdmin(ctx.actor);
    return editTerritory(ctx.db, ctx.user.id, input);
  }),

  setNeighbour: authedProcedure.input(setNeighbourInputSchema).mutation(async ({ ctx, input }) => {
    requireInstanceAdmin(ctx.actor);
    await setNeighbour(ctx.db, ctx.user.id, input);
    return listNeighbours(ctx.db, input.territoryId);
  }),

  removeNeighbour: authedProcedure.input(removeNeighbourInputSchema).mutation(async ({ ctx, input }) => {
    requireInstanceAdmin(ctx.actor);
    await removeNeighbour(ctx.db, ctx.user.id, input);
    return listNeighbours(ctx.db, input.territoryId);
  }),
} satisfies TRPCRouterRecord;
