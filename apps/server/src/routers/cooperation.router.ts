import {
  addMemberInputSchema,
  archiveInputSchema,
  changeEngagementFormInputSchema,
  cooperationIdInputSchema,
  createCooperationInputSchema,
  idempotencyKeySchema,
  listCooperationsInputSchema,
  notFound,
  removeMemberInputSchema,
  updateCooperationInputSchema,
  updateMemberInputSchema,
} from "@trame/core";
import { getCooperation, listCooperations } from "@trame/db";
import type { TRPCRouterRecord } from "@trpc/server";
import { keyed } from "../idempotency.ts";
import { recordStream } from "../live/live-records.ts";
import {
  archiveCooperation,
  changeEngagementForm,
  createCooperation,
  editCooperation,
} from "../services/cooperation.service.ts";
import {
  addCooperationMember,
  editCooperationMember,
  removeCooperationMember,
} from "../services/cooperation-member.service.ts";
import { authedProcedure } from "../trpc.ts";

/** Any signed-in user reads the network's cooperations (ARCHITECTURE §5); the services check each write. */
export const cooperationRouter = {
  list: authedProcedure.input(listCooperationsInputSchema).query(({ ctx, input }) => listCooperations(ctx.db, input)),

  get: authedProcedure.input(cooperationIdInputSchema).query(async ({ ctx, input }) => {
    const cooperation = await getCooperation(ctx.db, input.id);
    if (!cooperation) throw notFound({ fr: "Coopération", en: "Cooperation" });
    return cooperation;
  }),

  /** Colleagues' saves of this cooperation and its members as they commit (co-editing). */
  live: authedProcedure.input(cooperationIdInputSchema).subscription(async ({ ctx, input, signal }) => {
    const visible = async () => (await getCooperation(ctx.db, input.id)) !== undefined;
    if (!(await visible())) throw notFound({ fr: "Coopération", en: "Cooperation" });
    return recordStream(ctx, { entity: "cooperation", id: input.id }, visible, signal);
  }),

  create: authedProcedure
    .input(idempotencyKeySchema)
    .input(createCooperationInputSchema)
    .mutation(keyed("cooperation.create", (ctx, input) => createCooperation(ctx.db, ctx.actor, input))),

  update: authedProcedure
    .input(updateCooperationInputSchema)
    .mutation(({ ctx, input }) => editCooperation(ctx.db, ctx.actor, input)),

  addMember: authedProcedure
    .input(addMemberInputSchema)
    .mutation(({ ctx, input }) => addCooperationMember(ctx.db, ctx.actor, input, ctx.notifications)),

  updateMember: authedProcedure
    .input(updateMemberInputSchema)
    .mutation(({ ctx, input }) => editCooperationMember(ctx.db, ctx.actor, input)),

  removeMember: authedProcedure
    .input(removeMemberInputSchema)
    .mutation(({ ctx, input }) => removeCooperationMember(ctx.db, ctx.actor, input, ctx.notifications)),

  changeEngagementForm: authedProcedure
    .input(changeEngagementFormInputSchema)
    .mutation(({ ctx, input }) => changeEngagementForm(ctx.db, ctx.actor, input)),

  archive: authedProcedure
    .input(archiveInputSchema)
    .mutation(({ ctx, input }) => archiveCooperation(ctx.db, ctx.actor, input)),
} satisfies TRPCRouterRecord;
