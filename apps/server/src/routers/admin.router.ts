import {
  createUserInputSchema,
  paginationSchema,
  removeMembershipInputSchema,
  setMembershipInputSchema,
} from "@trame/core";
import { listUsers } from "@trame/db";
import type { TRPCRouterRecord } from "@trpc/server";
import { requireInstanceAdmin } from "../auth/require.ts";
import { createUser, removeMembership, setMembership } from "../services/user.service.ts";
import { authedProcedure, territoryProcedure } from "../trpc.ts";

export const adminRouter = {
  users: authedProcedure.input(paginationSchema).query(({ ctx, input }) => {
    requireInstanceAdmin(ctx.actor);
    return listUsers(ctx.db, input);
  }),

  createUser: authedProcedure.input(createUserInputSchema).mutation(({ ctx, input }) => {
    requireInstanceAdmin(ctx.actor);
    return createUser(ctx.db, ctx.user.id, input);
  }),

  /** A territory's administrators manage who works for it; instance administrators everywhere. */
  setMembership: territoryProcedure("admin")
    .input(setMembershipInputSchema)
    .mutation(({ ctx, input }) => setMembership(ctx.db, ctx.user.id, input)),

  removeMembership: territoryProcedure("admin")
    .input(removeMembershipInputSchema)
    .mutation(({ ctx, input }) => removeMembership(ctx.db, ctx.user.id, input)),
} satisfies TRPCRouterRecord;
