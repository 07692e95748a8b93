import { deadlinesInputSchema, financingPlanInputSchema, setOwnFundsInputSchema, todayInFrance } from "@trame/core";
import { readDeadlines } from "@trame/db";
import type { TRPCRouterRecord } from "@trpc/server";
import { viewerOf } from "../auth/viewer.ts";
import { readFinancingPlan, setOwnFunds } from "../services/project-funding.service.ts";
import { authedProcedure } from "../trpc.ts";

/** A project's financing plan and own funds, and the deadlines of a territory or of the signed-in user. */
export const financingRouter = {
  plan: authedProcedure
    .input(financingPlanInputSchema)
    .query(({ ctx, input }) => readFinancingPlan(ctx.db, input.projectId, viewerOf(ctx.actor))),

  setOwnFunds: authedProcedure
    .input(setOwnFundsInputSchema)
    .mutation(({ ctx, input }) => setOwnFunds(ctx.db, ctx.actor, input)),

  // Any signed-in user reads a territory's deadlines, as its timeline; restricted projects stay hidden.
  deadlines: authedProcedure.input(deadlinesInputSchema).query(({ ctx, input }) => {
    const { territoryId, days } = input;
    const territoryIds = territoryId ? [territoryId] : ctx.actor.memberships.map((m) => m.territoryId);
    return readDeadlines(ctx.db, { territoryIds, today: todayInFrance(), days }, viewerOf(ctx.actor));
  }),
} satisfies TRPCRouterRecord;
