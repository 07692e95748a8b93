import { z } from "zod";
import { paginationSchema } from "./common.ts";

const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

export const AUDITED_ENTITIES = [
  "territory",
  "cooperation",
  "cooperation_member",
  "user",
  "membership",
  "neighbour",
  "project",
  "action",
  "funding_application",
  "funding_programme",
] as const;
export const auditedEntitySchema = z.enum(AUDITED_ENTITIES);
export type AuditedEntity = z.infer<typeof auditedEntitySchema>;

/** A uuid, or two joined by ":" for link entities (a membership is user:territory, a neighbour link territory:territory). */
const entityIdSchema = z.string().regex(new RegExp(`^${UUID}(:${UUID})?$`, "i"), "input.invalid");

export const auditHistoryInputSchema = paginationSchema.extend({
  entityType: auditedEntitySchema,
  entityId: entityIdSchema,
});
