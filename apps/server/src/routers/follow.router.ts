import { type FollowTarget, followSetInputSchema, followStatusInputSchema, notFound } from "@trame/core";
import {
  type Database,
  getCooperation,
  getFollowStatus,
  getProject,
  type Kysely,
  setFollow,
  type Viewer,
} from "@trame/db";
import type { TRPCRouterRecord } from "@trpc/server";
import { viewerOf } from "../auth/viewer.ts";
import { authedProcedure } from "../trpc.ts";

/** One may follow, or ask about, only what one can read: anything else answers NOT_FOUND, as reading it would. */
async function requireReadable(db: Kysely<Database>, target: FollowTarget, viewer: Viewer): Promise<void> {
  if (target.kind === "project") {
    if (!(await getProject(db, target.id, viewer))) throw notFound({ fr: "Projet", en: "Project" });
  } else if (!(await getCooperation(db, target.id))) {
    throw notFound({ fr: "Coopération", en: "Cooperation" });
  }
}

export const followRouter = {
  /** Whether the user follows a project or cooperation, and why (explicit choice or their territories). */
  status: authedProcedure.input(followStatusInputSchema).query(async ({ ctx, input }) => {
    await requireReadable(ctx.db, input.target, viewerOf(ctx.actor));
    return getFollowStatus(ctx.db, ctx.user.id, input.target);
  }),

  /** Follow, or stop following (which also overrides the automatic follow of one's territories). Repeatable. */
  set: authedProcedure.input(followSetInputSchema).mutation(async ({ ctx, input }) => {
    await requireReadable(ctx.db, input.target, viewerOf(ctx.actor));
    await setFollow(ctx.db, ctx.user.id, input.target, input.following);
    return getFollowStatus(ctx.db, ctx.user.id, input.target);
  }),
} satisfies TRPCRouterRecord;
