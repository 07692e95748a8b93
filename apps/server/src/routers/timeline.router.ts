import {
  belongsSomewhere,
  cooperationTimelineInputSchema,
  DomainError,
  detachEntryInputSchema,
  type Locale,
  liveTimelineInputSchema,
  localizeTimelineEntry,
  notFound,
  projectTimelineInputSchema,
  territoryTimelineInputSchema,
} from "@trame/core";
import {
  type Database,
  type FeedScope,
  getCooperation,
  getProject,
  getSessionUser,
  getTerritory,
  type Kysely,
  readTimeline,
  type TimelinePage,
  type Viewer,
} from "@trame/db";
import type { TRPCRouterRecord } from "@trpc/server";
import { viewerOf } from "../auth/viewer.ts";
import { actorOf } from "../context.ts";
import { type LiveAccess, liveTimeline } from "../live/live-timeline.ts";
import { detachTerritoryFromEntry } from "../services/timeline-detach.service.ts";
import { authedProcedure, territoryProcedure } from "../trpc.ts";

/** Subscribing to what one may not read answers as reading it would: NOT_FOUND, nothing leaks. */
async function requireReadableScope(db: Kysely<Database>, scope: FeedScope, viewer: Viewer): Promise<void> {
  if ("projectId" in scope) {
    if (!(await getProject(db, scope.projectId, viewer))) throw notFound({ fr: "Projet", en: "Project" });
  } else if ("cooperationId" in scope) {
    if (!(await getCooperation(db, scope.cooperationId))) throw notFound({ fr: "Coopération", en: "Cooperation" });
  } else if (!(await getTerritory(db, scope.territoryId))) {
    throw notFound({ fr: "Territoire", en: "Territory" });
  }
}

/**
 * Titles worded in the reader's language from the entries' facts (issue 15): the account's language.
 * The web words them again in the interface's language with the same core function, so switching
 * language on a device needs no refetch.
 */
function worded(page: TimelinePage, locale: Locale): TimelinePage {
  return { ...page, items: page.items.map((entry) => localizeTimelineEntry(entry, locale)) };
}

export const timelineRouter = {
  territory: authedProcedure.input(territoryTimelineInputSchema).query(async ({ ctx, input }) => {
    const { territoryId, ...filters } = input;
    return worded(await readTimeline(ctx.db, { territoryId }, filters, viewerOf(ctx.actor)), ctx.user.locale);
  }),

  cooperation: authedProcedure.input(cooperationTimelineInputSchema).query(async ({ ctx, input }) => {
    const { cooperationId, ...filters } = input;
    return worded(await readTimeline(ctx.db, { cooperationId }, filters, viewerOf(ctx.actor)), ctx.user.locale);
  }),

  project: authedProcedure.input(projectTimelineInputSchema).query(async ({ ctx, input }) => {
    const { projectId, ...filters } = input;
    return worded(await readTimeline(ctx.db, { projectId }, filters, viewerOf(ctx.actor)), ctx.user.locale);
  }),
  /** The territory's editors take it off an entry someone else named it on (audited). */
  detach: territoryProcedure("editor")
    .input(detachEntryInputSchema)
    .mutation(({ ctx, input }) => detachTerritoryFromEntry(ctx.db, ctx.actor, input)),

  /**
   * New and changed entries of one scope as they are written, on any instance (SSE). A scope the
   * viewer cannot read answers NOT_FOUND like `get`; rights are asked again at every delivery.
   */
  live: authedProcedure.input(liveTimelineInputSchema).subscription(async ({ ctx, input, signal }) => {
    const live = ctx.live;
    if (!live) throw new DomainError("UNAVAILABLE", "server.unavailable");
    const { territoryId, cooperationId, projectId, lastEventId } = input;
    const scope: FeedScope = territoryId
      ? { territoryId }
      : cooperationId
        ? { cooperationId }
        : { projectId: projectId ?? "" };
    await requireReadableScope(ctx.db, scope, viewerOf(ctx.actor));
    const userId = ctx.user.id;
    const tokenHash = ctx.sessionTokenHash;
    const access: LiveAccess = {
      locale: ctx.user.locale,
      // The rights below depend on the session and the scope only: one read serves every such stream.
      key: `${tokenHash}|${JSON.stringify(scope)}`,
      async current() {
        // Straight from PostgreSQL, not the session cache: this is the check that ends the stream.
        const found = await getSessionUser(ctx.db, tokenHash);
        if (!found) return null;
        // The account may have lost its last membership, or been asked for a new password, meanwhile.
        if (found.passwordChangeRequired || !belongsSomewhere(actorOf(found.user))) return null;
        const viewer = viewerOf(actorOf(found.user));
        if ("projectId" in scope && !(await getProject(ctx.db, scope.projectId, viewer))) return null;
        return viewer;
      },
      onChange: (listener) => live.onSessionChange((changed) => (changed === userId || changed === "*") && listener()),
    };
    return liveTimeline(ctx.db, live, scope, access, lastEventId, signal ?? new AbortController().signal);
  }),
} satisfies TRPCRouterRecord;
