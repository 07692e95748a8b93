import type { TRPCRouterRecord } from "@trpc/server";
import { publicProcedure } from "../trpc.ts";

/** What anyone, signed in or not, may know of this instance: whether its accounts are the public demo ones. */
export const instanceRouter = {
  info: publicProcedure.query(({ ctx }) => ({ demo: ctx.demo })),
} satisfies TRPCRouterRecord;
