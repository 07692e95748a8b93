import { z } from "zod";
import { timelineKindSchema } from "../enums/action-kind.ts";
import { LOCALES } from "../enums/label.ts";
import { themeSchema } from "../enums/theme.ts";
import { dateSchema, endAfterStart, idSchema } from "./common.ts";
import { listProjectsInputSchema } from "./project.input.ts";

/**
 * A list in a query string, as `kinds=a&kinds=b` (a form) or `kinds=a,b` (a hand-written link):
 * exports are plain links, so their filters arrive as strings, never as JSON.
 */
function queryList<T extends z.ZodType<string, string>>(item: T, max: number) {
  return z
    .union([z.string(), z.array(z.string()).max(max)])
    .transform((value) =>
      (Array.isArray(value) ? value : [value])
        .flatMap((part) => part.split(","))
        .map((part) => part.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item).max(max));
}

/** `true`/`false` (or 1/0) in a query string. */
const queryBoolean = z.enum(["true", "false", "1", "0"]).transform((value) => value === "true" || value === "1");

export type ExportScopeKind = "territory" | "cooperation" | "project";

/** The timeline of one territory, cooperation or project, with the same filters as the screen. */
export const timelineExportQuerySchema = z
  .object({
    territoryId: idSchema.optional(),
    cooperationId: idSchema.optional(),
    projectId: idSchema.optional(),
    kinds: queryList(timelineKindSchema, 20).optional(),
    themes: queryList(themeSchema, 16).optional(),
    partnerTerritoryId: idSchema.optional(),
    from: dateSchema.optional(),
    to: dateSchema.optional(),
    /** The language of the titles, details and headers (French unless asked). */
    lang: z.enum(LOCALES).default("fr"),
  })
  .superRefine(endAfterStart("from", "to"))
  .transform(({ territoryId, cooperationId, projectId, lang, ...filters }, ctx) => {
    const candidates: Array<[ExportScopeKind, string | undefined, string]> = [
      ["territory", territoryId, "territoryId"],
      ["cooperation", cooperationId, "cooperationId"],
      ["project", projectId, "projectId"],
    ];
    const named = candidates.flatMap(([kind, id, field]) => (id === undefined ? [] : [{ kind, id, field }]));
    const [only, ...others] = named;
    if (!only || others.length > 0) {
      for (const field of only ? named.map((n) => n.field) : ["territoryId"]) {
        ctx.addIssue({ code: "custom", path: [field], message: "export.oneScope" });
      }
      return z.NEVER;
    }
    return { scope: { kind: only.kind, id: only.id }, filters, lang };
  });
export type TimelineExportQuery = z.infer<typeof timelineExportQuerySchema>;

/** The project list's own filters (one definition), read from a query string; the export is never paginated. */
export const projectsExportQuerySchema = listProjectsInputSchema
  .omit({ limit: true, offset: true, includeArchived: true })
  .extend({ includeArchived: queryBoolean.default(false) });
export type ProjectsExportQuery = z.infer<typeof projectsExportQuerySchema>;

export const createCalendarFeedInputSchema = z.object({ territoryId: idSchema });
export const revokeCalendarFeedInputSchema = z.object({ id: idSchema });
