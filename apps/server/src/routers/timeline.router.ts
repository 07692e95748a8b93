import {
  cooperationTimelineInputSchema,
  DomainError,
  liveTimelineInputSchema,
  projectTimelineInputSchema,
  territoryTimelineInputSchema,
} from "@trame/core";
import { readTimeline } from "@trame/db";
import type { TRPCRouterRecord } from "@trpc/server";
import { viewerOf } from "../auth/viewer.ts";
import { liveTimeline } from "../live/live-timeline.ts";
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
  /** New and changed entries of one scope as they are written, on any instance (SSE). */
  live: authedProcedure.input(liveTimelineInputSchema).subscription(async function* ({ ctx, input, signal }) {
    if (!ctx.live) throw new DomainError("UNAVAILABLE", "server.unavailable");
    const { territoryId, cooperationId, projectId, lastEventId } = input;
    const scope = territoryId ? { territoryId } : cooperationId ? { cooperationId } : { projectId: projectId ?? "" };
    yield* liveTimeline(
      ctx.db,
      ctx.live,
      scope,
      viewerOf(ctx.actor),
      lastEventId,
      signal ?? new AbortController().signal,
    );
  }),
} satisfies TRPCRouterRecord;
