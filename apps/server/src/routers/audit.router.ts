import { auditHistoryInputSchema } from "@trame/core";
import { listAudit } from "@trame/db";
import type { TRPCRouterRecord } from "@trpc/server";
import { authedProcedure } from "../trpc.ts";

export const auditRouter = {
  history: authedProcedure.input(auditHistoryInputSchema).query(({ ctx, input }) => listAudit(ctx.db, input)),
} satisfies TRPCRouterRecord;
