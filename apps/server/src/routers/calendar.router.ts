import { createCalendarFeedInputSchema, DomainError, notFound, revokeCalendarFeedInputSchema } from "@trame/core";
import { findCalendarFeed, getTerritory, insertCalendarFeed, listCalendarFeeds, revokeCalendarFeed } from "@trame/db";
import type { TRPCRouterRecord } from "@trpc/server";
import { hashSessionToken, newSessionToken } from "../auth/session-token.ts";
import { calendarPath } from "../exports/calendar.ts";
import { auditedWrite } from "../services/audited-write.ts";
import { authedProcedure } from "../trpc.ts";

const CALENDAR_FEED = { fr: "Agenda", en: "Calendar feed" };

/**
 * Private calendar links. A token is drawn and hashed as a session's is: the table holds only the
 * hash, so a leaked backup yields no working URL, and the raw token is shown once, at creation.
 */
export const calendarRouter = {
  // Any signed-in user reads every territory's timeline (ARCHITECTURE §5); the feed applies the owner's visibility.
  create: authedProcedure.input(createCalendarFeedInputSchema).mutation(async ({ ctx, input }) => {
    if (!(await getTerritory(ctx.db, input.territoryId))) throw notFound({ fr: "Territoire", en: "Territory" });
    const token = newSessionToken();
    const feed = await auditedWrite(ctx.db, ctx.user.id, async (trx) => {
      const created = await insertCalendarFeed(trx, {
        territoryId: input.territoryId,
        userId: ctx.user.id,
        tokenHash: hashSessionToken(token),
      });
      const target = { entityType: "calendar_feed", entityId: created.id, action: "created" };
      return { target, before: null, after: created, result: created };
    });
    return { ...feed, path: calendarPath(token) };
  }),

  list: authedProcedure.query(({ ctx }) => listCalendarFeeds(ctx.db, ctx.user.id)),

  revoke: authedProcedure.input(revokeCalendarFeedInputSchema).mutation(async ({ ctx, input }) => {
    const stored = await findCalendarFeed(ctx.db, input.id);
    if (!stored) throw notFound(CALENDAR_FEED);
    if (stored.userId !== ctx.user.id) throw new DomainError("FORBIDDEN", "forbidden.calendarOwner");
    const { userId: _owner, ...before } = stored;
    if (before.revokedAt) return before;
    return auditedWrite(ctx.db, ctx.user.id, async (trx) => {
      const revoked = await revokeCalendarFeed(trx, { id: input.id, userId: ctx.user.id });
      if (!revoked) throw notFound(CALENDAR_FEED);
      const target = { entityType: "calendar_feed", entityId: revoked.id, action: "revoked" };
      return { target, before, after: revoked, result: revoked };
    });
  }),
} satisfies TRPCRouterRecord;
