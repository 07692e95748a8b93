import {
  addPaymentInputSchema,
  applicationIdInputSchema,
  applicationTotalsInputSchema,
  createApplicationInputSchema,
  createProgrammeInputSchema,
  fittingProgrammesInputSchema,
  idempotencyKeySchema,
  listApplicationsInputSchema,
  listProgrammesInputSchema,
  notFound,
  programmeIdInputSchema,
  transitionApplicationInputSchema,
  updateApplicationInputSchema,
  updateProgrammeInputSchema,
} from "@trame/core";
import {
  applicationTotalsByStatus,
  getApplication,
  getProgramme,
  getProject,
  listApplications,
  listFunders,
  listProgrammes,
  programmesFittingProject,
} from "@trame/db";
import type { TRPCRouterRecord } from "@trpc/server";
import { viewerOf } from "../auth/viewer.ts";
import { keyed } from "../idempotency.ts";
import { createApplication, editApplication } from "../services/funding-application.service.ts";
import { addPayment } from "../services/funding-payment.service.ts";
import { createProgramme, editProgramme } from "../services/funding-programme.service.ts";
import { transitionApplication } from "../services/funding-transition.service.ts";
import { notFoundAt } from "../services/project.service.ts";
import { adminProcedure, authedProcedure } from "../trpc.ts";

/**
 * The catalogue is read by everyone and edited by instance administrators; applications are read
 * as their project is (restricted projects only by their partners) and written by the editors of
 * the applicant or of the project's lead, which the services check against what is stored.
 */
export const fundingRouter = {
  funders: authedProcedure.query(({ ctx }) => listFunders(ctx.db)),

  programmes: authedProcedure.input(listProgrammesInputSchema).query(({ ctx, input }) => listProgrammes(ctx.db, input)),

  programme: authedProcedure.input(programmeIdInputSchema).query(async ({ ctx, input }) => {
    const programme = await getProgramme(ctx.db, input.id);
    if (!programme) throw notFound({ fr: "Dispositif", en: "Programme" });
    return programme;
  }),

  fittingProgrammes: authedProcedure.input(fittingProgrammesInputSchema).query(async ({ ctx, input }) => {
    if (!(await getProject(ctx.db, input.projectId, viewerOf(ctx.actor)))) {
      throw notFoundAt({ fr: "Projet", en: "Project" }, ["projectId"]);
    }
    return programmesFittingProject(ctx.db, input.projectId);
  }),

  createProgramme: adminProcedure.input(createProgrammeInputSchema).mutation(({ ctx, input }) => {
    return createProgramme(ctx.db, ctx.actor, input);
  }),

  updateProgramme: adminProcedure.input(updateProgrammeInputSchema).mutation(({ ctx, input }) => {
    return editProgramme(ctx.db, ctx.actor, input);
  }),

  applications: authedProcedure
    .input(listApplicationsInputSchema)
    .query(({ ctx, input }) => listApplications(ctx.db, input, viewerOf(ctx.actor))),

  /** Count and amounts by status over every application the list's filters select. */
  applicationTotals: authedProcedure
    .input(applicationTotalsInputSchema)
    .query(({ ctx, input }) => applicationTotalsByStatus(ctx.db, input, viewerOf(ctx.actor))),

  getApplication: authedProcedure.input(applicationIdInputSchema).query(async ({ ctx, input }) => {
    const application = await getApplication(ctx.db, input.id, viewerOf(ctx.actor));
    if (!application) throw notFound({ fr: "Demande de financement", en: "Funding application" });
    return application;
  }),

  createApplication: authedProcedure
    .input(idempotencyKeySchema)
    .input(createApplicationInputSchema)
    .mutation(keyed("funding.createApplication", (ctx, input) => createApplication(ctx.db, ctx.actor, input))),

  updateApplication: authedProcedure
    .input(updateApplicationInputSchema)
    .mutation(({ ctx, input }) => editApplication(ctx.db, ctx.actor, input)),

  transition: authedProcedure
    .input(transitionApplicationInputSchema)
    .mutation(({ ctx, input }) => transitionApplication(ctx.db, ctx.actor, input, ctx.notifications)),

  addPayment: authedProcedure
    .input(idempotencyKeySchema)
    .input(addPaymentInputSchema)
    .mutation(keyed("funding.addPayment", (ctx, input) => addPayment(ctx.db, ctx.actor, input, ctx.notifications))),
} satisfies TRPCRouterRecord;
