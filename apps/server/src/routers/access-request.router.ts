import { decideAccessRequestInputSchema } from "@trame/core";
import { listPendingAccessRequests } from "@trame/db";
import type { TRPCRouterRecord } from "@trpc/server";
import { requireUserAdministration } from "../auth/require.ts";
import { decideAccessRequest } from "../services/access-request.service.ts";
import { authedProcedure } from "../trpc.ts";

export const accessRequestRouter = {
  /** Pending requests of the territories the actor administers (every territory for instance administrators). */
  pending: authedProcedure.query(({ ctx }) => listPendingAccessRequests(ctx.db, requireUserAdministration(ctx.actor))),

  decide: authedProcedure
    .input(decideAccessRequestInputSchema)
    .mutation(({ ctx, input }) => decideAccessRequest(ctx.db, ctx.actor, input)),
} satisfies TRPCRouterRecord;
