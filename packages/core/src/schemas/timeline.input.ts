import { z } from "zod";
import { timelineKindSchema } from "../enums/action-kind.ts";
import { themeSchema } from "../enums/theme.ts";
import { dateSchema, idSchema } from "./common.ts";

/** Where a page ends: the (date, id) of its last entry; the next page starts strictly after it. */
export interface TimelineCursor {
  occurredOn: string;
  id: string;
}

// The cursor holds only ASCII (a date and a uuid), so btoa/atob suffice, in the browser and in Node alike.
const toBase64Url = (text: string) => btoa(text).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
const fromBase64Url = (text: string) => atob(text.replace(/-/g, "+").replace(/_/g, "/"));

export function encodeCursor(cursor: TimelineCursor): string {
  return toBase64Url(JSON.stringify([cursor.occurredOn, cursor.id]));
}

const cursorShape = z.tuple([dateSchema, idSchema]);

/** An opaque cursor that was altered is refused as bad input, never passed on to SQL. */
export const cursorSchema = z
  .string()
  .max(200)
  .transform((value, ctx): TimelineCursor => {
    try {
      const [occurredOn, id] = cursorShape.parse(JSON.parse(fromBase64Url(value)));
      return { occurredOn, id };
    } catch {
      ctx.addIssue({ code: "custom", message: "timeline.badCursor" });
      return z.NEVER;
    }
  });

const timelineFilters = {
  cursor: cursorSchema.optional(),
  limit: z.int().min(1).max(100).default(50),
  kinds: z.array(timelineKindSchema).max(20).optional(),
  themes: z.array(themeSchema).max(16).optional(),
  partnerTerritoryId: idSchema.optional(),
  from: dateSchema.optional(),
  to: dateSchema.optional(),
};

export const territoryTimelineInputSchema = z.object({ territoryId: idSchema, ...timelineFilters });
export const cooperationTimelineInputSchema = z.object({ cooperationId: idSchema, ...timelineFilters });
export const projectTimelineInputSchema = z.object({ projectId: idSchema, ...timelineFilters });
export type TimelineFilters = Omit<z.infer<typeof territoryTimelineInputSchema>, "territoryId">;

const MAX_XID8 = 2n ** 64n - 1n;

/** A live feed of one scope; `lastEventId` is sent back by the client on reconnection (tRPC SSE). */
export const liveTimelineInputSchema = z
  .object({
    territoryId: idSchema.optional(),
    cooperationId: idSchema.optional(),
    projectId: idSchema.optional(),
    lastEventId: z
      .string()
      // "xact.seq" (ADR 0013), or a bare number sent by a client of a version before it.
      .regex(/^(\d{1,20}\.)?\d{1,18}$/, "input.invalid")
      // A transaction id is 64 bits: a larger one is a forged id, refused rather than sent to SQL.
      .refine((id) => !id.includes(".") || BigInt(id.split(".")[0] ?? "0") <= MAX_XID8, "input.invalid")
      .nullish(),
  })
  .refine((value) => [value.territoryId, value.cooperationId, value.projectId].filter(Boolean).length === 1, {
    path: ["territoryId"],
    message: "timeline.oneScope",
  });
export type LiveTimelineInput = z.infer<typeof liveTimelineInputSchema>;

/** A territory taking itself off an entry someone else named it on. */
export const detachEntryInputSchema = z.object({ territoryId: idSchema, entryId: idSchema });
export type DetachEntryInput = z.infer<typeof detachEntryInputSchema>;
