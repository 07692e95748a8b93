import { mailPreferenceSetSchema } from "@trame/core";
import { readMailPreferences, setMailPreference } from "@trame/db";
import type { TRPCRouterRecord } from "@trpc/server";
import { authedProcedure } from "../trpc.ts";

/**
 * The signed-in person's e-mail choices, per category: immediately, in the daily or weekly digest,
 * or never. Only their own: the user id comes from the session, never from the input.
 */
export const notificationPrefsRouter = {
  get: authedProcedure.query(({ ctx }) => readMailPreferences(ctx.db, ctx.user.id)),

  /** Idempotent: the same choice twice is one row; answers every category as now stored. */
  set: authedProcedure.input(mailPreferenceSetSchema).mutation(async ({ ctx, input }) => {
    await setMailPreference(ctx.db, ctx.user.id, input.category, input.delivery);
    return readMailPreferences(ctx.db, ctx.user.id);
  }),
} satisfies TRPCRouterRecord;
