import { z } from "zod";
import { actionKindSchema } from "../enums/action-kind.ts";
import { dateSchema, idSchema, paginationSchema, requiredText, text, versionSchema } from "./common.ts";

const territoryIdsSchema = z
  .array(idSchema)
  .min(1)
  .max(100)
  .transform((ids) => [...new Set(ids)]);

/** Logged on a project, or directly on a cooperation when it concerns the cooperation as a whole. */
export const createActionInputSchema = z
  .object({
    projectId: idSchema.optional(),
    cooperationId: idSchema.optional(),
    occurredOn: dateSchema,
    kind: actionKindSchema,
    title: requiredText(300),
    notes: text(20_000).default(""),
    /** Defaults to the project's partners, or the cooperation's current members. */
    territoryIds: territoryIdsSchema.optional(),
  })
  .refine((value) => value.projectId !== undefined || value.cooperationId !== undefined, {
    path: ["projectId"],
    message: "action.needsAttachment",
  });
export type CreateActionInput = z.infer<typeof createActionInputSchema>;

export const updateActionInputSchema = z.object({
  id: idSchema,
  version: versionSchema,
  occurredOn: dateSchema.optional(),
  kind: actionKindSchema.optional(),
  title: requiredText(300).optional(),
  notes: text(20_000).optional(),
  territoryIds: territoryIdsSchema.optional(),
});
export type UpdateActionInput = z.infer<typeof updateActionInputSchema>;

export const removeActionInputSchema = z.object({ id: idSchema, version: versionSchema });

export const listActionsInputSchema = paginationSchema
  .extend({ projectId: idSchema.optional(), cooperationId: idSchema.optional() })
  .refine((value) => value.projectId !== undefined || value.cooperationId !== undefined, {
    path: ["projectId"],
    message: "action.needsAttachment",
  });
export type ListActionsInput = z.infer<typeof listActionsInputSchema>;
