import { z } from "zod";
import type { ApplicationStatus } from "../enums/funding.ts";
import type { ProjectStatus } from "../enums/project.ts";
import { idSchema } from "../schemas/common.ts";

/** What a notification is about, for e-mail preferences and filters (issue 14). Fixed list: other modules key on it. */
export const NOTIFICATION_CATEGORIES = ["action", "project_status", "funding", "membership", "invitation"] as const;
export type NotificationCategory = (typeof NOTIFICATION_CATEGORIES)[number];
export const notificationCategorySchema = z.enum(NOTIFICATION_CATEGORIES);

/**
 * One event that may notify people, as queued by the write that caused it and stored on each
 * notification row (`kind` + `payload`): ids to link and re-check rights, names to show. Never a
 * sentence: titles are written at read time in the reader's language (notificationTitle).
 */
export type NotificationEvent =
  | {
      kind: "action_logged";
      cooperationId: string;
      cooperationName: string;
      projectId: string | null;
      projectTitle: string | null;
      actionId: string;
      actionTitle: string;
      occurredOn: string;
    }
  | {
      /**
       * A spreadsheet import's new actions in one place (the cooperation itself, or one project):
       * one event per place and commit, not per row, so a 300-row file is one line in a digest.
       */
      kind: "actions_imported";
      cooperationId: string;
      cooperationName: string;
      projectId: string | null;
      projectTitle: string | null;
      importRunId: string;
      count: number;
      /** The first few titles, in the file's order (at most IMPORTED_TITLES_SHOWN). */
      actionTitles: string[];
    }
  | {
      kind: "project_status_changed";
      cooperationId: string;
      cooperationName: string;
      projectId: string;
      projectTitle: string;
      from: ProjectStatus | null;
      to: ProjectStatus;
    }
  | {
      kind: "application_step";
      cooperationId: string;
      projectId: string;
      projectTitle: string;
      applicationId: string;
      programmeName: string;
      from: ApplicationStatus;
      to: ApplicationStatus;
    }
  | {
      kind: "application_payment";
      cooperationId: string;
      projectId: string;
      projectTitle: string;
      applicationId: string;
      programmeName: string;
      amountCents: number;
    }
  | {
      kind: "territory_joined" | "territory_left";
      cooperationId: string;
      cooperationName: string;
      territoryId: string;
      territoryName: string;
    }
  | {
      kind: "access_request";
      territoryId: string;
      territoryName: string;
      requesterName: string;
    }
  | {
      kind: "membership_added";
      territoryId: string;
      territoryName: string;
      /** The one person told: the invited user who already had an account. */
      userId: string;
    };

/** How many titles an import's notification names; the rest is a count. */
export const IMPORTED_TITLES_SHOWN = 3;

export type NotificationKind = NotificationEvent["kind"];

export const NOTIFICATION_CATEGORY_OF: Record<NotificationKind, NotificationCategory> = {
  action_logged: "action",
  actions_imported: "action",
  project_status_changed: "project_status",
  application_step: "funding",
  application_payment: "funding",
  territory_joined: "membership",
  territory_left: "membership",
  access_request: "invitation",
  membership_added: "invitation",
};

/** What users follow. */
export const FOLLOW_TARGET_KINDS = ["project", "cooperation"] as const;
export type FollowTargetKind = (typeof FOLLOW_TARGET_KINDS)[number];
export const followTargetSchema = z.object({ kind: z.enum(FOLLOW_TARGET_KINDS), id: idSchema }).strict();
export type FollowTarget = z.infer<typeof followTargetSchema>;

export const followSetInputSchema = z.object({ target: followTargetSchema, following: z.boolean() }).strict();
export type FollowSetInput = z.infer<typeof followSetInputSchema>;
export const followStatusInputSchema = z.object({ target: followTargetSchema }).strict();

export const notificationListInputSchema = z
  .object({
    /** The id of the last row of the previous page (keyset paging on the stored instant and id). */
    cursor: idSchema.nullish(),
    /** Sent by tRPC's infinite queries; only forward paging exists. */
    direction: z.enum(["forward", "backward"]).optional(),
    limit: z.number().int().min(1).max(100).default(20),
    unreadOnly: z.boolean().default(false),
  })
  .strict();
export type NotificationListInput = z.input<typeof notificationListInputSchema>;

export const markReadInputSchema = z.union([
  z.object({ ids: z.array(idSchema).min(1).max(200) }).strict(),
  z.object({ all: z.literal(true) }).strict(),
]);
export type MarkReadInput = z.infer<typeof markReadInputSchema>;
