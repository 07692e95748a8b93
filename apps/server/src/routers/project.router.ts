import {
  archiveInputSchema,
  changeProjectStatusInputSchema,
  createProjectInputSchema,
  idempotencyKeySchema,
  listProjectsInputSchema,
  notFound,
  projectIdInputSchema,
  setPartnersInputSchema,
  updateProjectInputSchema,
} from "@trame/core";
import { getProject, listProjects, type Viewer } from "@trame/db";
import type { TRPCRouterRecord } from "@trpc/server";
import { viewerOf } from "../auth/viewer.ts";
import { keyed } from "../idempotency.ts";
import { recordStream } from "../live/live-records.ts";
import {
  archiveProject,
  changeProjectStatus,
  createProject,
  editProject,
  setProjectPartners,
} from "../services/project.service.ts";
import { authedProcedure } from "../trpc.ts";

/** Reads filter restricted projects in SQL; the services check each write against the stored partners. */
export const projectRouter = {
  list: authedProcedure
    .input(listProjectsInputSchema)
    .query(({ ctx, input }) => listProjects(ctx.db, input, viewerOf(ctx.actor))),

  get: authedProcedure.input(projectIdInputSchema).query(async ({ ctx, input }) => {
    const project = await getProject(ctx.db, input.id, viewerOf(ctx.actor));
    if (!project) throw notFound({ fr: "Projet", en: "Project" });
    return project;
  }),

  /** Colleagues' saves of this project as they commit (co-editing); visibility re-checked at each. */
  live: authedProcedure.input(projectIdInputSchema).subscription(async ({ ctx, input, signal }) => {
    const visible = async (viewer: Viewer) => (await getProject(ctx.db, input.id, viewer)) !== undefined;
    if (!(await visible(viewerOf(ctx.actor)))) throw notFound({ fr: "Projet", en: "Project" });
    return recordStream(ctx, { entity: "project", id: input.id }, visible, signal);
  }),

  create: authedProcedure
    .input(idempotencyKeySchema)
    .input(createProjectInputSchema)
    .mutation(keyed("project.create", (ctx, input) => createProject(ctx.db, ctx.actor, input))),

  update: authedProcedure
    .input(updateProjectInputSchema)
    .mutation(({ ctx, input }) => editProject(ctx.db, ctx.actor, input)),

  setPartners: authedProcedure
    .input(setPartnersInputSchema)
    .mutation(({ ctx, input }) => setProjectPartners(ctx.db, ctx.actor, input)),

  changeStatus: authedProcedure
    .input(changeProjectStatusInputSchema)
    .mutation(({ ctx, input }) => changeProjectStatus(ctx.db, ctx.actor, input, ctx.notifications)),

  archive: authedProcedure
    .input(archiveInputSchema)
    .mutation(({ ctx, input }) => archiveProject(ctx.db, ctx.actor, input)),
} satisfies TRPCRouterRecord;
