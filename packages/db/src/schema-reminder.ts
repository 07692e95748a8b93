import type { MailCategory, MailDelivery } from "@trame/core";
import type { ColumnType } from "kysely";

type GeneratedInstant = ColumnType<string, string | undefined, string>;

/** The deadlines a reminder is given for: filing a draft, the funder's expected decision, spending a granted aid. */
export type ReminderDeadlineKind = "submission" | "decision" | "spending";
export type ReminderOffset = 30 | 7 | 1;

/** One reminder given (migration 220001): its key is the table's primary key, so it is given once. */
export interface DeadlineRemindersSentTable {
  application_id: string;
  deadline_kind: ReminderDeadlineKind;
  offset_days: ReminderOffset;
  user_id: string;
  deadline_on: string;
  outbox_id: string | null;
  created_at: GeneratedInstant;
}

/** A choice that differs from DEFAULT_MAIL_DELIVERY (absent rows mean the default). */
export interface MailPreferencesTable {
  user_id: string;
  category: MailCategory;
  delivery: MailDelivery;
  updated_at: GeneratedInstant;
}

/** A notification sent by e-mail on its own (migration 220002). */
export interface NotificationMailsTable {
  notification_id: string;
  outbox_id: string | null;
  created_at: GeneratedInstant;
}

export type DigestPeriod = "daily" | "weekly";

/** A person's digest of one day (migration 220002): once per (user, period, day). */
export interface DigestsSentTable {
  user_id: string;
  period: DigestPeriod;
  day: string;
  outbox_id: string | null;
  created_at: GeneratedInstant;
}
