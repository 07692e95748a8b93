import {
  DomainError,
  markReadInputSchema,
  notificationLink,
  notificationListInputSchema,
  notificationTitle,
} from "@trame/core";
import { announceNotifications, countUnreadNotifications, listNotifications, markNotificationsRead } from "@trame/db";
import type { TRPCRouterRecord } from "@trpc/server";
import { viewerOf } from "../auth/viewer.ts";
import { liveUnreadCount } from "../live/live-notifications.ts";
import { authedProcedure } from "../trpc.ts";

/**
 * The signed-in user's notifications. Rights are checked again at every read (a project made
 * restricted, a membership removed since the event): what one cannot read now is neither listed
 * nor counted. Titles are written now, in the reader's language, from the stored payload.
 */
export const notificationRouter = {
  list: authedProcedure.input(notificationListInputSchema).query(async ({ ctx, input }) => {
    const viewer = { ...viewerOf(ctx.actor), userId: ctx.user.id };
    const page = await listNotifications(ctx.db, viewer, input);
    return {
      items: page.items.map((n) => ({
        id: n.id,
        category: n.category,
        kind: n.kind,
        event: n.event,
        actor: n.actor,
        title: {
          fr: notificationTitle(n.event, "fr", n.actor?.name ?? null),
          en: notificationTitle(n.event, "en", n.actor?.name ?? null),
        },
        link: notificationLink(n.event),
        createdAt: n.createdAt,
        readAt: n.readAt,
      })),
      nextCursor: page.nextCursor,
    };
  }),

  unreadCount: authedProcedure.query(({ ctx }) =>
    countUnreadNotifications(ctx.db, { ...viewerOf(ctx.actor), userId: ctx.user.id }),
  ),

  /** Marks the user's own notifications read (ids of someone else's are ignored); repeatable. */
  markRead: authedProcedure.input(markReadInputSchema).mutation(async ({ ctx, input }) => {
    const changed = await markNotificationsRead(ctx.db, ctx.user.id, input);
    // The user's other tabs and devices update their bell too.
    if (changed > 0) await announceNotifications(ctx.db, [ctx.user.id]);
    return { changed };
  }),

  /** The unread count as it changes (SSE), on any instance; the session is read again at each delivery. */
  live: authedProcedure.subscription(({ ctx, signal }) => {
    if (!ctx.live) throw new DomainError("UNAVAILABLE", "server.unavailable");
    return liveUnreadCount(ctx.db, ctx.live, ctx.user.id, ctx.sessionTokenHash, signal ?? new AbortController().signal);
  }),
} satisfies TRPCRouterRecord;
