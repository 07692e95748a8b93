import { listDocumentsInputSchema } from "@trame/core";
import type { TRPCRouterRecord } from "@trpc/server";
import { listOwnerDocuments } from "../services/document.service.ts";
import { authedProcedure } from "../trpc.ts";

/** Metadata only: the bytes go through `GET /api/documents/:id`, which forces a download. */
export const documentRouter = {
  list: authedProcedure
    .input(listDocumentsInputSchema)
    .query(({ ctx, input }) => listOwnerDocuments(ctx.db, ctx.actor, input)),
} satisfies TRPCRouterRecord;
