import { importCommitInputSchema, importHistoryInputSchema, importPreviewInputSchema } from "@trame/core";
import type { TRPCRouterRecord } from "@trpc/server";
import { commitImport, importHistory, previewImport } from "../imports/import.service.ts";
import { authedProcedure } from "../trpc.ts";

/** Spreadsheet import (issue 18): the file comes in through POST /api/imports, then is previewed and committed here. */
export const importRouter = {
  preview: authedProcedure
    .input(importPreviewInputSchema)
    .mutation(({ ctx, input }) => previewImport(ctx.db, ctx.actor, input)),

  commit: authedProcedure
    .input(importCommitInputSchema)
    .mutation(({ ctx, input }) => commitImport(ctx.db, ctx.actor, input, ctx.notifications)),

  history: authedProcedure
    .input(importHistoryInputSchema)
    .query(({ ctx, input }) => importHistory(ctx.db, ctx.actor, input.cooperationId)),
} satisfies TRPCRouterRecord;
