import { z } from "zod";
import { cooperationStatusSchema, engineeringKindSchema, memberRoleSchema } from "../enums/cooperation.ts";
import { engagementFormSchema } from "../enums/engagement-form.ts";
import { themeSchema } from "../enums/theme.ts";
import { dateSchema, endAfterStart, idSchema, paginationSchema, requiredText, text, versionSchema } from "./common.ts";

const themesSchema = z
  .array(themeSchema)
  .max(16)
  .transform((themes) => [...new Set(themes)]);
/** Full-time equivalents, to the hundredth (0.25 FTE is common for a shared officer). */
const fteSchema = z.number().min(0).max(1000).multipleOf(0.01);

export const listCooperationsInputSchema = paginationSchema.extend({
  territoryId: idSchema.optional(),
  engagementForm: engagementFormSchema.optional(),
  status: cooperationStatusSchema.optional(),
  theme: themeSchema.optional(),
  query: text(120).default(""),
  includeArchived: z.boolean().default(false),
});
export type ListCooperationsInput = z.infer<typeof listCooperationsInputSchema>;

export const cooperationIdInputSchema = z.object({ id: idSchema });

const sourceUrlSchema = z
  .url({ protocol: /^https?$/ })
  .max(2000)
  .nullable();

const cooperationFields = {
  name: requiredText(200),
  description: text(5000).default(""),
  status: cooperationStatusSchema.default("active"),
  startedOn: dateSchema.nullable().default(null),
  endedOn: dateSchema.nullable().default(null),
  narrativeText: text(20_000).default(""),
  narrativeAdoptedOn: dateSchema.nullable().default(null),
  engineeringProviderId: idSchema.nullable().default(null),
  engineeringFte: fteSchema.nullable().default(null),
  engineeringKind: engineeringKindSchema.default("none"),
  themes: themesSchema.default([]),
  sourceUrl: sourceUrlSchema.default(null),
};

export const createCooperationInputSchema = z
  .object({
    ...cooperationFields,
    engagementForm: engagementFormSchema,
    leadTerritoryId: idSchema,
  })
  .superRefine(endAfterStart("startedOn", "endedOn"));
export type CreateCooperationInput = z.infer<typeof createCooperationInputSchema>;

/** A patch: only the fields present change; `version` is the one the edit was based on. */
export const updateCooperationInputSchema = z
  .object({
    id: idSchema,
    version: versionSchema,
    name: cooperationFields.name.optional(),
    description: text(5000).optional(),
    status: cooperationStatusSchema.optional(),
    startedOn: dateSchema.nullable().optional(),
    endedOn: dateSchema.nullable().optional(),
    narrativeText: text(20_000).optional(),
    narrativeAdoptedOn: dateSchema.nullable().optional(),
    engineeringProviderId: idSchema.nullable().optional(),
    engineeringFte: fteSchema.nullable().optional(),
    engineeringKind: engineeringKindSchema.optional(),
    themes: themesSchema.optional(),
    // Not `cooperationFields.sourceUrl.optional()`: zod 4 applies a default even inside optional(),
    // so a patch that leaves the source out would erase it.
    sourceUrl: sourceUrlSchema.optional(),
  })
  .superRefine(endAfterStart("startedOn", "endedOn"));
export type UpdateCooperationInput = z.infer<typeof updateCooperationInputSchema>;

export const addMemberInputSchema = z.object({
  cooperationId: idSchema,
  territoryId: idSchema,
  role: z.enum(["member", "associate"]),
  joinedOn: dateSchema.nullable().default(null),
});
export type AddMemberInput = z.infer<typeof addMemberInputSchema>;

export const updateMemberInputSchema = z
  .object({
    memberId: idSchema,
    version: versionSchema,
    role: memberRoleSchema.optional(),
    joinedOn: dateSchema.nullable().optional(),
    leftOn: dateSchema.nullable().optional(),
  })
  .superRefine(endAfterStart("joinedOn", "leftOn"));
export type UpdateMemberInput = z.infer<typeof updateMemberInputSchema>;

export const removeMemberInputSchema = z.object({
  memberId: idSchema,
  version: versionSchema,
  leftOn: dateSchema.optional(),
});
export type RemoveMemberInput = z.infer<typeof removeMemberInputSchema>;

export const changeEngagementFormInputSchema = z.object({
  id: idSchema,
  version: versionSchema,
  engagementForm: engagementFormSchema,
  changedOn: dateSchema,
  note: text(2000).default(""),
});
export type ChangeEngagementFormInput = z.infer<typeof changeEngagementFormInputSchema>;

export const archiveInputSchema = z.object({ id: idSchema, version: versionSchema });
export type ArchiveInput = z.infer<typeof archiveInputSchema>;
