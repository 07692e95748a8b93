import {
  accountInputSchema,
  createUserInputSchema,
  listUsersInputSchema,
  mailMessageInputSchema,
  notFound,
  paginationSchema,
  removeMembershipInputSchema,
  setMembershipInputSchema,
} from "@trame/core";
import { getOutboxMessage, listOutboxMessages, listUsers } from "@trame/db";
import type { TRPCRouterRecord } from "@trpc/server";
import { requireUserAdministration } from "../auth/require.ts";
import { listFailedJobs } from "../jobs/failed-jobs.ts";
import { testMessage } from "../mail/messages/test-message.ts";
import { queueMail } from "../mail/outbox.ts";
import { changeAccount } from "../services/account.service.ts";
import { createUser, removeMembership, setMembership } from "../services/user.service.ts";
import { adminProcedure, authedProcedure, territoryProcedure } from "../trpc.ts";

export const adminRouter = {
  /** Instance administrators see every account; a territory's administrators, the people of their territories. */
  users: authedProcedure
    .input(listUsersInputSchema)
    .query(({ ctx, input }) => listUsers(ctx.db, { ...input, scope: requireUserAdministration(ctx.actor) })),

  createUser: adminProcedure.input(createUserInputSchema).mutation(({ ctx, input }) => {
    return createUser(ctx.db, ctx.user.id, input);
  }),

  /** A territory's administrators manage who works for it; instance administrators everywhere. */
  setMembership: territoryProcedure("admin")
    .input(setMembershipInputSchema)
    .mutation(({ ctx, input }) => setMembership(ctx.db, ctx.user.id, input)),

  removeMembership: territoryProcedure("admin")
    .input(removeMembershipInputSchema)
    .mutation(({ ctx, input }) => removeMembership(ctx.db, ctx.user.id, input)),

  /** A departing colleague: no sign-in, every session ended at once on every instance. */
  disableUser: authedProcedure
    .input(accountInputSchema)
    .mutation(({ ctx, input }) => changeAccount(ctx.db, ctx.actor, input.userId, "disabled")),

  enableUser: authedProcedure
    .input(accountInputSchema)
    .mutation(({ ctx, input }) => changeAccount(ctx.db, ctx.actor, input.userId, "enabled")),

  endSessions: authedProcedure
    .input(accountInputSchema)
    .mutation(({ ctx, input }) => changeAccount(ctx.db, ctx.actor, input.userId, "sessions_ended")),

  /** Ends the sessions too: at the next sign-in the account can only change its password. */
  requirePasswordChange: authedProcedure
    .input(accountInputSchema)
    .mutation(({ ctx, input }) => changeAccount(ctx.db, ctx.actor, input.userId, "password_change_required")),

  /** Background jobs that ran out of retries (e-mail, housekeeping…), for instance administrators. */
  failedJobs: adminProcedure.query(({ ctx }) => {
    return listFailedJobs(ctx.db);
  }),

  /** The mail outbox, newest first: how administrators read messages on an instance without SMTP. */
  mailOutbox: adminProcedure.input(paginationSchema).query(({ ctx, input }) => {
    return listOutboxMessages(ctx.db, input);
  }),

  mailMessage: adminProcedure.input(mailMessageInputSchema).query(async ({ ctx, input }) => {
    const message = await getOutboxMessage(ctx.db, input.id);
    if (!message) throw notFound({ fr: "Courriel", en: "E-mail" });
    return message;
  }),

  /** A message to oneself, to check the SMTP settings. */
  sendTestMail: adminProcedure.mutation(async ({ ctx }) => {
    const id = await queueMail(ctx.db, ctx.jobs, {
      kind: "test",
      to: ctx.user.email,
      locale: ctx.user.locale,
      content: testMessage(ctx.user.locale, ctx.publicUrl),
    });
    return { id };
  }),
} satisfies TRPCRouterRecord;
