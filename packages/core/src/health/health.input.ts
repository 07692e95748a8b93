import { z } from "zod";
import { dateSchema, idSchema } from "../schemas/common.ts";

/** `asOf` recomputes the sheet for another day (a past committee, say); today in France by default. */
export const healthCooperationInputSchema = z.object({ cooperationId: idSchema, asOf: dateSchema.optional() });
export type HealthCooperationInput = z.infer<typeof healthCooperationInputSchema>;

export const healthCompareInputSchema = z.object({ territoryId: idSchema, asOf: dateSchema.optional() });
export type HealthCompareInput = z.infer<typeof healthCompareInputSchema>;

/** The CSV of one cooperation's sheet, or of the comparison for a territory: exactly one of the two. */
export const healthExportQuerySchema = z
  .object({ territoryId: idSchema.optional(), cooperationId: idSchema.optional(), asOf: dateSchema.optional() })
  .transform(({ territoryId, cooperationId, asOf }, ctx) => {
    if (cooperationId !== undefined && territoryId === undefined) {
      return { scope: { kind: "cooperation" as const, id: cooperationId }, asOf };
    }
    if (territoryId !== undefined && cooperationId === undefined) {
      return { scope: { kind: "territory" as const, id: territoryId }, asOf };
    }
    for (const field of territoryId === undefined ? ["territoryId"] : ["territoryId", "cooperationId"]) {
      ctx.addIssue({ code: "custom", path: [field], message: "export.oneScope" });
    }
    return z.NEVER;
  });
export type HealthExportQuery = z.infer<typeof healthExportQuerySchema>;
