import { z } from "zod";
import { idSchema, versionSchema } from "./common.ts";
import { listApplicationsInputSchema } from "./funding.input.ts";
import { centsSchema } from "./project.input.ts";

/**
 * A patch on the project's financing: the investment flag and the own funds of the partners it
 * names (null clears one); partners not named keep theirs.
 */
export const setOwnFundsInputSchema = z.object({
  id: idSchema,
  version: versionSchema,
  isInvestment: z.boolean().optional(),
  ownFunds: z
    .array(z.object({ territoryId: idSchema, ownFundsCents: centsSchema.nullable() }))
    .max(60)
    .superRefine((rows, ctx) => {
      const seen = new Set<string>();
      rows.forEach((row, index) => {
        if (seen.has(row.territoryId)) {
          ctx.addIssue({ code: "custom", path: [index, "territoryId"], message: "project.duplicatePartner" });
        }
        seen.add(row.territoryId);
      });
    })
    .default([]),
});
export type SetOwnFundsInput = z.infer<typeof setOwnFundsInputSchema>;

export const financingPlanInputSchema = z.object({ projectId: idSchema });

/** Without a territory: every territory the signed-in user belongs to. */
export const deadlinesInputSchema = z.object({
  territoryId: idSchema.optional(),
  days: z.int().min(1).max(365).default(60),
});
export type DeadlinesInput = z.infer<typeof deadlinesInputSchema>;

export const territoryDashboardInputSchema = z.object({ territoryId: idSchema });

/** The application list's own filters (one definition), read from a query string; never paginated. */
export const applicationsExportQuerySchema = listApplicationsInputSchema.omit({ limit: true, offset: true }).extend({
  // A query string carries `mine=true`, not a JSON boolean.
  mine: z.stringbool().optional(),
});
export type ApplicationsExportQuery = z.infer<typeof applicationsExportQuerySchema>;
