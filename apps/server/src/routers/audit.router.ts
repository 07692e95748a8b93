import {
  type Actor,
  type AuditedEntity,
  auditHistoryInputSchema,
  DomainError,
  hasTerritoryRole,
  notFound,
} from "@trame/core";
import { type Database, getProject, isActionVisible, isApplicationVisible, type Kysely, listAudit } from "@trame/db";
import type { TRPCRouterRecord } from "@trpc/server";
import { viewerOf } from "../auth/viewer.ts";
import { authedProcedure } from "../trpc.ts";

/**
 * A history tells as much as the entity itself: a restricted project's (and its actions' and funding
 * applications') only to those who may see the project, an account's only to its owner and instance
 * administrators.
 */
async function requireHistoryAccess(db: Kysely<Database>, actor: Actor, entityType: AuditedEntity, entityId: string) {
  if (entityType === "project" && !(await getProject(db, entityId, viewerOf(actor)))) {
    throw notFound({ fr: "Projet", en: "Project" });
  }
  if (entityType === "action" && !(await isActionVisible(db, entityId, viewerOf(actor)))) {
    throw notFound({ fr: "Action", en: "Action" });
  }
  if (entityType === "funding_application" && !(await isApplicationVisible(db, entityId, viewerOf(actor)))) {
    throw notFound({ fr: "Demande de financement", en: "Funding application" });
  }
  if (entityType === "user" && entityId !== actor.userId && !actor.isInstanceAdmin) {
    throw new DomainError("FORBIDDEN", "forbidden.generic");
  }
  // A membership is `userId:territoryId`: its history is the person's, and that territory's admins'.
  if (entityType === "membership") {
    const [userId = "", territoryId = ""] = entityId.split(":");
    if (userId !== actor.userId && !hasTerritoryRole(actor, territoryId, "admin")) {
      throw new DomainError("FORBIDDEN", "forbidden.generic");
    }
  }
}

export const auditRouter = {
  history: authedProcedure.input(auditHistoryInputSchema).query(async ({ ctx, input }) => {
    await requireHistoryAccess(ctx.db, ctx.actor, input.entityType, input.entityId);
    return listAudit(ctx.db, input);
  }),
} satisfies TRPCRouterRecord;
