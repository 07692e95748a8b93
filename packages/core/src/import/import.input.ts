import { z } from "zod";
import { idSchema } from "../schemas/common.ts";
import { IMPORT_KINDS } from "./import-kinds.ts";

export const importKindSchema = z.enum(IMPORT_KINDS);

/** Column index (as text, JSON object keys) → field key, or null for a column left out. */
export const columnMappingSchema = z.record(z.string().regex(/^\d{1,3}$/), z.string().max(40).nullable());

/** What the user chose in the preview: the sheet, the header row (1-based) and, optionally, the mapping. */
export const importPreviewInputSchema = z.object({
  uploadId: idSchema,
  kind: importKindSchema,
  sheet: z.int().min(0).max(200).default(0),
  headerRow: z.int().min(1).max(1000).optional(),
  mapping: columnMappingSchema.optional(),
});
export type ImportPreviewInput = z.infer<typeof importPreviewInputSchema>;

/** All-or-nothing writes nothing when any row is in error; only-valid writes the others. */
export const importModeSchema = z.enum(["all", "valid"]);
export type ImportMode = z.infer<typeof importModeSchema>;

export const importCommitInputSchema = importPreviewInputSchema.extend({ mode: importModeSchema });
export type ImportCommitInput = z.infer<typeof importCommitInputSchema>;

export const importHistoryInputSchema = z.object({ cooperationId: idSchema });
