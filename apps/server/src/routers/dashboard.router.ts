import { territoryDashboardInputSchema, todayInFrance } from "@trame/core";
import { territoryDashboard } from "@trame/db";
import type { TRPCRouterRecord } from "@trpc/server";
import { viewerOf } from "../auth/viewer.ts";
import { authedProcedure } from "../trpc.ts";

/** Any signed-in user reads a territory's figures, as its timeline; restricted projects count only for their partners. */
export const dashboardRouter = {
  territory: authedProcedure
    .input(territoryDashboardInputSchema)
    .query(({ ctx, input }) => territoryDashboard(ctx.db, input.territoryId, viewerOf(ctx.actor), todayInFrance())),
} satisfies TRPCRouterRecord;
