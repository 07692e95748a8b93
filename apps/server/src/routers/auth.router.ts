import {
  changePasswordInputSchema,
  DomainError,
  fieldError,
  judgePassword,
  loginInputSchema,
  notFound,
  requestPasswordResetInputSchema,
  resetPasswordInputSchema,
  sessionIdInputSchema,
  setLocaleInputSchema,
} from "@trame/core";
import {
  deleteOtherSessions,
  deleteOwnSession,
  deleteSession,
  findSessionLogoutUrl,
  getAccountState,
  getUser,
  listActiveSessions,
  recordAudit,
  setLocale,
  setPasswordHash,
} from "@trame/db";
import type { TRPCRouterRecord } from "@trpc/server";
import { describeDevice } from "../auth/device.ts";
import { checkCurrentPassword, login } from "../auth/login.service.ts";
import { hashPassword } from "../auth/password.ts";
import { requestPasswordReset, resetPassword } from "../services/password-reset.service.ts";
import { authedProcedure, publicProcedure } from "../trpc.ts";

export const authRouter = {
  login: publicProcedure.input(loginInputSchema).mutation(async ({ ctx, input }) => {
    // One sign-in per HTTP request: a batch would multiply guesses per request past any sane rate.
    if (ctx.batchSize > 1) throw new DomainError("BAD_REQUEST", "auth.loginNotBatched");
    const session = await login(ctx.db, input, ctx.clientAddress, {
      policy: ctx.sessionPolicy,
      userAgent: ctx.userAgent,
    });
    ctx.cookie.set(session.token, session.expires);
    const user = await getUser(ctx.db, session.userId);
    const account = await getAccountState(ctx.db, session.userId);
    return user ? { ...user, passwordChangeRequired: account?.passwordChangeRequired ?? false } : null;
  }),

  /** `endSessionUrl`: after a ProConnect sign-in, where the browser goes to end that session too. */
  logout: publicProcedure.mutation(async ({ ctx }) => {
    let endSessionUrl: string | null = null;
    if (ctx.sessionTokenHash) {
      endSessionUrl = await findSessionLogoutUrl(ctx.db, ctx.sessionTokenHash);
      await deleteSession(ctx.db, ctx.sessionTokenHash);
      // Other instances drop it on the trigger's notification; this one must not serve it even for a moment.
      ctx.sessions?.forget(ctx.sessionTokenHash);
    }
    ctx.cookie.clear();
    return { ok: true, endSessionUrl };
  }),

  /** The signed-in user, or null: the web app asks this first to know whether to show sign-in. */
  me: publicProcedure.query(({ ctx }) =>
    ctx.user ? { ...ctx.user, passwordChangeRequired: ctx.passwordChangeRequired } : null,
  ),

  /** The user's active sessions (device read from the browser's User-Agent, last activity), the current one marked. */
  sessions: authedProcedure.query(async ({ ctx }) =>
    (await listActiveSessions(ctx.db, ctx.user.id, ctx.sessionTokenHash)).map(({ userAgent, ...session }) => ({
      ...session,
      device: describeDevice(userAgent),
    })),
  ),

  /** Ends one of the user's own sessions (a forgotten computer); someone else's is NOT_FOUND. */
  endSession: authedProcedure.input(sessionIdInputSchema).mutation(async ({ ctx, input }) => {
    if (!(await deleteOwnSession(ctx.db, ctx.user.id, input.id))) throw notFound({ fr: "Session", en: "Session" });
    return { ok: true };
  }),

  changePassword: authedProcedure.input(changePasswordInputSchema).mutation(async ({ ctx, input }) => {
    // The schema judged the new password alone; built on the account's own name or e-mail, it is weak too.
    const verdict = await judgePassword(input.newPassword, [ctx.user.email, ctx.user.name]);
    if (!verdict.acceptable) throw fieldError("newPassword", verdict.reason ?? "password.weak");
    if (!(await checkCurrentPassword(ctx.db, ctx.user.id, input.currentPassword))) {
      throw fieldError("currentPassword", "auth.wrongCurrentPassword");
    }
    const hash = await hashPassword(input.newPassword);
    await ctx.db.transaction().execute(async (trx) => {
      await setPasswordHash(trx, ctx.user.id, hash);
      await deleteOtherSessions(trx, ctx.user.id, ctx.sessionTokenHash);
      await recordAudit(trx, {
        entityType: "user",
        entityId: ctx.user.id,
        action: "password_changed",
        actorId: ctx.user.id,
        before: null,
        after: null,
      });
    });
    return { ok: true };
  }),

  /** Forgotten password: the same answer whether the address has an account or not; throttled. */
  requestPasswordReset: publicProcedure
    .input(requestPasswordResetInputSchema)
    .mutation(({ ctx, input }) =>
      requestPasswordReset(ctx.db, { jobs: ctx.jobs, publicUrl: ctx.publicUrl }, input.email, ctx.clientAddress),
    ),

  /** The new password from a reset link; every session of the account ends, so the person signs in again. */
  resetPassword: publicProcedure
    .input(resetPasswordInputSchema)
    .mutation(({ ctx, input }) => resetPassword(ctx.db, input.token, input.password)),

  setLocale: authedProcedure.input(setLocaleInputSchema).mutation(async ({ ctx, input }) => {
    await ctx.db.transaction().execute(async (trx) => {
      await setLocale(trx, ctx.user.id, input.locale);
      await recordAudit(trx, {
        entityType: "user",
        entityId: ctx.user.id,
        action: "locale_changed",
        actorId: ctx.user.id,
        before: { locale: ctx.user.locale },
        after: { locale: input.locale },
      });
    });
    return { locale: input.locale };
  }),
} satisfies TRPCRouterRecord;
