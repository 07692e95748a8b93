import {
  acceptInvitationInputSchema,
  invitationIdInputSchema,
  invitationTokenInputSchema,
  inviteInputSchema,
} from "@trame/core";
import { listOpenInvitations } from "@trame/db";
import type { TRPCRouterRecord } from "@trpc/server";
import { startSession } from "../auth/login.service.ts";
import { requireUserAdministration } from "../auth/require.ts";
import {
  acceptInvitation,
  invite,
  previewInvitation,
  resendInvitation,
  revokeInvitation,
} from "../services/invitation.service.ts";
import { authedProcedure, publicProcedure, territoryProcedure } from "../trpc.ts";

export const invitationRouter = {
  /** A territory's administrators invite into that territory only; instance administrators anywhere. */
  invite: territoryProcedure("admin")
    .input(inviteInputSchema)
    .mutation(({ ctx, input }) =>
      invite(ctx.db, ctx.actor, { jobs: ctx.jobs, publicUrl: ctx.publicUrl, notifications: ctx.notifications }, input),
    ),

  /** Open invitations of the territories the reader administers (all of them for instance administrators). */
  pending: authedProcedure.query(({ ctx }) => listOpenInvitations(ctx.db, requireUserAdministration(ctx.actor))),

  resend: authedProcedure
    .input(invitationIdInputSchema)
    .mutation(({ ctx, input }) =>
      resendInvitation(ctx.db, ctx.actor, { jobs: ctx.jobs, publicUrl: ctx.publicUrl }, input.id),
    ),

  revoke: authedProcedure
    .input(invitationIdInputSchema)
    .mutation(({ ctx, input }) => revokeInvitation(ctx.db, ctx.actor, input.id)),

  /** For the invitation page, without an account: to what the link invites (or why it no longer works). */
  preview: publicProcedure
    .input(invitationTokenInputSchema)
    .query(({ ctx, input }) => previewInvitation(ctx.db, input.token)),

  /** Makes the account, uses the link up and signs the invitee in; the page then opens their territory. */
  accept: publicProcedure.input(acceptInvitationInputSchema).mutation(async ({ ctx, input }) => {
    const accepted = await acceptInvitation(ctx.db, input);
    const session = await startSession(ctx.db, accepted.userId, {
      policy: ctx.sessionPolicy,
      userAgent: ctx.userAgent,
    });
    ctx.cookie.set(session.token, session.expires);
    return { territoryId: accepted.territoryId };
  }),
} satisfies TRPCRouterRecord;
