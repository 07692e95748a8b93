import { cooperationTimelineInputSchema, projectTimelineInputSchema, territoryTimelineInputSchema } from "@trame/core";
import { readTimeline } from "@trame/db";
import type { TRPCRouterRecord } from "@trpc/server";
import { viewerOf } from "../auth/viewer.ts";
import { authedProcedure } from "../trpc.ts";

export const timelineRouter = {
  territory: authedProcedure.input(territoryTimelineInputSchema).query(({ ctx, input }) => {
    const { territoryId, ...filters } = input;
    return readTimeline(ctx.db, { territoryId }, filters, viewerOf(ctx.actor));
  }),

  cooperation: authedProcedure.input(cooperationTimelineInputSchema).query(({ ctx, input }) => {
    const { cooperationId, ...filters } = input;
    return readTimeline(ctx.db, { cooperationId }, filters, viewerOf(ctx.actor));
  }),

  project: authedProcedure.input(projectTimelineInputSchema).query(({ ctx, input }) => {
    const { projectId, ...filters } = input;
    return readTimeline(ctx.db, { projectId }, filters, viewerOf(ctx.actor));
  }),
} satisfies TRPCRouterRecord;
