import { healthCompareInputSchema, healthCooperationInputSchema } from "@trame/core";
import type { TRPCRouterRecord } from "@trpc/server";
import { viewerOf } from "../auth/viewer.ts";
import { readCooperationHealth, readHealthComparison } from "../services/health.service.ts";
import { authedProcedure } from "../trpc.ts";

/** Any signed-in user reads a cooperation's health sheet, as the cooperation itself (ARCHITECTURE §5). */
export const healthRouter = {
  cooperation: authedProcedure
    .input(healthCooperationInputSchema)
    .query(({ ctx, input }) => readCooperationHealth(ctx.db, viewerOf(ctx.actor), input)),

  compare: authedProcedure
    .input(healthCompareInputSchema)
    .query(({ ctx, input }) => readHealthComparison(ctx.db, viewerOf(ctx.actor), input)),
} satisfies TRPCRouterRecord;
