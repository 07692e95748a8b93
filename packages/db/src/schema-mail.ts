import type { Locale } from "@trame/core";
import type { ColumnType, Generated } from "kysely";

type GeneratedInstant = ColumnType<string, string | undefined, string>;

export type MailStatus = "pending" | "sending" | "sent" | "unsent";

/** One message of the outbox (migration 140001, ADR 0011): rendered once, sent by a job. */
export interface MailOutboxTable {
  id: Generated<string>;
  kind: string;
  to_address: string;
  locale: Locale;
  subject: string;
  html: string;
  text: string;
  links: ColumnType<string[], string | undefined, string>;
  status: Generated<MailStatus>;
  attempts: Generated<number>;
  last_error: string | null;
  claimed_at: string | null;
  sent_at: string | null;
  message_id: string | null;
  created_at: GeneratedInstant;
  /** Extra headers (List-Unsubscribe…), migration 220001. */
  headers: ColumnType<Record<string, string>, string | undefined, string>;
}

/** The key that signs one-click unsubscribe links (migration 220001). */
export interface InstanceSecretsTable {
  name: string;
  value: string;
}
