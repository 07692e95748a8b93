import type { Readable } from "node:stream";
import {
  type Actor,
  applicationsExportQuerySchema,
  belongsSomewhere,
  DomainError,
  type ExportScopeKind,
  fieldErrorsFromZod,
  healthExportQuerySchema,
  LOCALES,
  type Locale,
  notFound,
  projectsExportQuerySchema,
  timelineExportQuerySchema,
  todayInFrance,
} from "@trame/core";
import {
  type Database,
  findLiveCalendarFeed,
  getCooperation,
  getProject,
  getTerritory,
  getUser,
  type Kysely,
  type TimelineViewer,
} from "@trame/db";
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { z } from "zod";
import { requireReader } from "../auth/require.ts";
import { hashSessionToken } from "../auth/session-token.ts";
import { viewerOf } from "../auth/viewer.ts";
import { actorOf, createContextInner } from "../context.ts";
import { errorPayload, toTrpcError } from "../errors.ts";
import { applicationsCsv } from "../exports/applications-csv.ts";
import { buildCalendar, readCalendarDeadlines, readCalendarEntries } from "../exports/calendar.ts";
import { csvFileName } from "../exports/csv.ts";
import { healthCsv } from "../exports/health-csv.ts";
import { projectsCsv } from "../exports/projects-csv.ts";
import { timelineCsv } from "../exports/timeline-csv.ts";
import { sessionCookieFor, sessionTokenOf } from "./session-cookie.ts";

const CALENDAR_FEED = { fr: "Agenda", en: "Calendar feed" };
const SCOPE_ENTITY: Record<ExportScopeKind, { fr: string; en: string }> = {
  territory: { fr: "Territoire", en: "Territory" },
  cooperation: { fr: "Coopération", en: "Cooperation" },
  project: { fr: "Projet", en: "Project" },
};
/** A calendar token as issued (32 random bytes in base64url), with room to lengthen it later. */
const CALENDAR_FILE = /^([A-Za-z0-9_-]{32,128})\.ics$/;

/**
 * Errors leave as the tRPC procedures' do: the same code table, the same `{ error: { trame } }`
 * payload with messages in French and English, so the web app reads both alike.
 */
function exportErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const trpcError = toTrpcError(new TRPCError({ code: "INTERNAL_SERVER_ERROR", cause: error }));
  const status = getHTTPStatusCodeFromError(trpcError);
  if (status >= 500) request.log.error({ err: error }, "export failed");
  return reply
    .code(status)
    .type("application/json; charset=utf-8")
    .send({ error: { trame: errorPayload(trpcError) } });
}

function parseQuery<T extends z.ZodType>(schema: T, query: unknown): z.output<T> {
  const result = schema.safeParse(query);
  if (!result.success) {
    throw new DomainError("BAD_REQUEST", "input.invalid", {}, { fields: fieldErrorsFromZod(result.error) });
  }
  return result.data;
}

/** The same session resolution as tRPC's context, so an export is exactly as signed in as the app. */
async function requireActor(db: Kysely<Database>, request: FastifyRequest, reply: FastifyReply): Promise<Actor> {
  const { actor, passwordChangeRequired } = await createContextInner({
    db,
    sessionToken: sessionTokenOf(request),
    clientAddress: request.ip,
    cookie: sessionCookieFor(request, reply),
  });
  if (!actor) throw new DomainError("UNAUTHORIZED", "auth.required");
  requireReader(actor, passwordChangeRequired);
  return actor;
}

/** The name that goes in the file name; a project hidden from the viewer is as absent as an unknown one. */
async function scopeName(
  db: Kysely<Database>,
  scope: { kind: ExportScopeKind; id: string },
  viewer: TimelineViewer,
): Promise<string> {
  const name =
    scope.kind === "territory"
      ? (await getTerritory(db, scope.id))?.name
      : scope.kind === "cooperation"
        ? (await getCooperation(db, scope.id))?.name
        : (await getProject(db, scope.id, viewer))?.title;
  if (name === undefined) throw notFound(SCOPE_ENTITY[scope.kind]);
  return name;
}

/** Private data: no shared cache may keep a copy. */
function sendCsv(reply: FastifyReply, fileName: string, body: Readable) {
  return reply
    .header("content-type", "text/csv; charset=utf-8")
    .header("content-disposition", `attachment; filename="${fileName}"`)
    .header("cache-control", "private, no-store")
    .send(body);
}

/** A feed speaks its owner's language; `?lang=en` (or `fr`) in the subscribed URL chooses another. */
function calendarLocale(asked: string | undefined, owners: Locale): Locale {
  return (LOCALES as readonly string[]).includes(asked ?? "") ? (asked as Locale) : owners;
}

export function registerExportRoutes(app: FastifyInstance, db: Kysely<Database>): void {
  app.get("/api/exports/timeline.csv", { errorHandler: exportErrorHandler }, async (request, reply) => {
    const actor = await requireActor(db, request, reply);
    const query = parseQuery(timelineExportQuerySchema, request.query);
    const viewer = viewerOf(actor);
    const name = await scopeName(db, query.scope, viewer);
    const onError = (err: Error) => request.log.error({ err }, "timeline export interrupted");
    return sendCsv(reply, csvFileName("frise", name, todayInFrance()), timelineCsv(db, query, viewer, onError));
  });

  app.get("/api/exports/projects.csv", { errorHandler: exportErrorHandler }, async (request, reply) => {
    const actor = await requireActor(db, request, reply);
    const query = parseQuery(projectsExportQuerySchema, request.query);
    const onError = (err: Error) => request.log.error({ err }, "project export interrupted");
    return sendCsv(reply, csvFileName("projets", todayInFrance()), projectsCsv(db, query, viewerOf(actor), onError));
  });

  app.get("/api/exports/applications.csv", { errorHandler: exportErrorHandler }, async (request, reply) => {
    const actor = await requireActor(db, request, reply);
    const query = parseQuery(applicationsExportQuerySchema, request.query);
    const onError = (err: Error) => request.log.error({ err }, "application export interrupted");
    const body = applicationsCsv(db, query, viewerOf(actor), onError);
    return sendCsv(reply, csvFileName("demandes-de-financement", todayInFrance()), body);
  });

  app.get("/api/exports/health.csv", { errorHandler: exportErrorHandler }, async (request, reply) => {
    const actor = await requireActor(db, request, reply);
    const query = parseQuery(healthExportQuerySchema, request.query);
    const onError = (err: Error) => request.log.error({ err }, "health export interrupted");
    const { name, body } = await healthCsv(db, query, viewerOf(actor), onError);
    return sendCsv(reply, csvFileName("sante", name, query.asOf ?? todayInFrance()), body);
  });

  // The token is the credential, so no session is asked for. The route logs only warnings and
  // errors: the access log would otherwise write every live token in clear.
  app.get<{ Params: { file: string }; Querystring: { lang?: string } }>(
    "/api/calendar/:file",
    { errorHandler: exportErrorHandler, logLevel: "warn" },
    async (request, reply) => {
      const token = CALENDAR_FILE.exec(request.params.file)?.[1];
      const feed = token ? await findLiveCalendarFeed(db, hashSessionToken(token)) : undefined;
      // Memberships are read again at each request: a user who lost access stops seeing restricted entries.
      const owner = feed && (await getUser(db, feed.userId));
      // An owner who no longer belongs to any territory reads no network data, through a feed neither.
      if (!feed || !owner || !belongsSomewhere(actorOf(owner))) throw notFound(CALENDAR_FEED);
      const viewer = viewerOf(actorOf(owner));
      const [entries, deadlines] = await Promise.all([
        readCalendarEntries(db, feed.territory.id, viewer),
        readCalendarDeadlines(db, feed.territory.id, viewer, todayInFrance()),
      ]);
      return reply
        .header("content-type", "text/calendar; charset=utf-8")
        .header("cache-control", "private, no-store")
        .send(buildCalendar(feed.territory, entries, deadlines, calendarLocale(request.query.lang, owner.locale)));
    },
  );
}
