import { z } from "zod";
import { engineeringKindSchema } from "../enums/cooperation.ts";
import { partnerRoleSchema, projectStatusSchema, visibilitySchema } from "../enums/project.ts";
import { themeSchema } from "../enums/theme.ts";
import { dateSchema, endAfterStart, idSchema, paginationSchema, requiredText, text, versionSchema } from "./common.ts";

const themesSchema = z
  .array(themeSchema)
  .max(16)
  .transform((themes) => [...new Set(themes)]);
const tagsSchema = z
  .array(requiredText(40))
  .max(20)
  .transform((tags) => [...new Set(tags)]);
/** Euro cents; a trillion euros is far above any local project and far below 2^53. */
export const centsSchema = z.int().min(0).max(100_000_000_000_000);
const fteSchema = z.number().min(0).max(1000).multipleOf(0.01);

export const partnersSchema = z
  .array(z.object({ territoryId: idSchema, role: partnerRoleSchema }))
  .min(1)
  .max(60)
  .superRefine((partners, ctx) => {
    const leads = partners.filter((p) => p.role === "lead").length;
    if (leads !== 1) ctx.addIssue({ code: "custom", message: "project.exactlyOneLead" });
    const seen = new Set<string>();
    partners.forEach((p, index) => {
      if (seen.has(p.territoryId)) {
        ctx.addIssue({ code: "custom", path: [index, "territoryId"], message: "project.duplicatePartner" });
      }
      seen.add(p.territoryId);
    });
  });
export type PartnersInput = z.infer<typeof partnersSchema>;

export const listProjectsInputSchema = paginationSchema.extend({
  cooperationId: idSchema.optional(),
  territoryId: idSchema.optional(),
  theme: themeSchema.optional(),
  status: projectStatusSchema.optional(),
  query: text(120).default(""),
  includeArchived: z.boolean().default(false),
});
export type ListProjectsInput = z.infer<typeof listProjectsInputSchema>;

export const projectIdInputSchema = z.object({ id: idSchema });

export const createProjectInputSchema = z
  .object({
    cooperationId: idSchema,
    title: requiredText(200),
    summary: text(10_000).default(""),
    themes: themesSchema.default([]),
    status: projectStatusSchema.default("idea"),
    startedOn: dateSchema.nullable().default(null),
    endedOn: dateSchema.nullable().default(null),
    budgetCents: centsSchema.nullable().default(null),
    partners: partnersSchema,
    engineeringProviderId: idSchema.nullable().default(null),
    engineeringFte: fteSchema.nullable().default(null),
    engineeringKind: engineeringKindSchema.default("none"),
    visibility: visibilitySchema.default("network"),
    tags: tagsSchema.default([]),
  })
  .superRefine(endAfterStart("startedOn", "endedOn"));
export type CreateProjectInput = z.infer<typeof createProjectInputSchema>;

/** A patch on the project's own fields; partners and status have their own procedures. */
export const updateProjectInputSchema = z
  .object({
    id: idSchema,
    version: versionSchema,
    title: requiredText(200).optional(),
    summary: text(10_000).optional(),
    themes: themesSchema.optional(),
    startedOn: dateSchema.nullable().optional(),
    endedOn: dateSchema.nullable().optional(),
    budgetCents: centsSchema.nullable().optional(),
    engineeringProviderId: idSchema.nullable().optional(),
    engineeringFte: fteSchema.nullable().optional(),
    engineeringKind: engineeringKindSchema.optional(),
    visibility: visibilitySchema.optional(),
    tags: tagsSchema.optional(),
  })
  .superRefine(endAfterStart("startedOn", "endedOn"));
export type UpdateProjectInput = z.infer<typeof updateProjectInputSchema>;

export const setPartnersInputSchema = z.object({ id: idSchema, version: versionSchema, partners: partnersSchema });
export type SetPartnersInput = z.infer<typeof setPartnersInputSchema>;

export const changeProjectStatusInputSchema = z.object({
  id: idSchema,
  version: versionSchema,
  status: projectStatusSchema,
  changedOn: dateSchema,
  comment: text(2000).default(""),
});
export type ChangeProjectStatusInput = z.infer<typeof changeProjectStatusInputSchema>;
