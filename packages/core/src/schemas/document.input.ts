import { z } from "zod";
import { idSchema } from "./common.ts";

/** A document hangs on a project or on an action, never both: the upload form sends one of the two. */
export const documentOwnerSchema = z.union([
  z.object({ projectId: idSchema }).strict(),
  z.object({ actionId: idSchema }).strict(),
]);
export type DocumentOwner = z.infer<typeof documentOwnerSchema>;

export const listDocumentsInputSchema = documentOwnerSchema;
export type ListDocumentsInput = z.infer<typeof listDocumentsInputSchema>;
