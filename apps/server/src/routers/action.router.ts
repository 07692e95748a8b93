import {
  createActionInputSchema,
  idempotencyKeySchema,
  listActionsInputSchema,
  removeActionInputSchema,
  updateActionInputSchema,
} from "@trame/core";
import { listActions } from "@trame/db";
import type { TRPCRouterRecord } from "@trpc/server";
import { viewerOf } from "../auth/viewer.ts";
import { keyed } from "../idempotency.ts";
import { createAction, deleteAction, editAction } from "../services/action.service.ts";
import { authedProcedure } from "../trpc.ts";

/** The action log of a project or a cooperation; actions of restricted projects follow the project's visibility. */
export const actionRouter = {
  list: authedProcedure
    .input(listActionsInputSchema)
    .query(({ ctx, input }) => listActions(ctx.db, input, viewerOf(ctx.actor))),

  create: authedProcedure
    .input(idempotencyKeySchema)
    .input(createActionInputSchema)
    .mutation(keyed("action.create", (ctx, input) => createAction(ctx.db, ctx.actor, input, ctx.notifications))),

  update: authedProcedure
    .input(updateActionInputSchema)
    .mutation(({ ctx, input }) => editAction(ctx.db, ctx.actor, input)),

  remove: authedProcedure
    .input(removeActionInputSchema)
    .mutation(({ ctx, input }) => deleteAction(ctx.db, ctx.actor, input)),
} satisfies TRPCRouterRecord;
