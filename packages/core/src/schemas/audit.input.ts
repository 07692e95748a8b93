import { z } from "zod";
import { idSchema, paginationSchema } from "./common.ts";

export const AUDITED_ENTITIES = [
  "territory",
  "cooperation",
  "cooperation_member",
  "user",
  "membership",
  "neighbour",
  "project",
  "action",
] as const;
export const auditedEntitySchema = z.enum(AUDITED_ENTITIES);
export type AuditedEntity = z.infer<typeof auditedEntitySchema>;

export const auditHistoryInputSchema = paginationSchema.extend({
  entityType: auditedEntitySchema,
  entityId: idSchema,
});
