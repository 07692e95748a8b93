import type { Locale, MembershipRole } from "@trame/core";
import type { ColumnType, Generated } from "kysely";

type GeneratedInstant = ColumnType<string, string | undefined, string>;

/** An administrator's invitation of an e-mail address to a territory (migration 140002). */
export interface InvitationsTable {
  id: Generated<string>;
  territory_id: string;
  email: string;
  role: MembershipRole;
  locale: Locale;
  token_hash: string;
  invited_by: string;
  created_at: GeneratedInstant;
  sent_at: GeneratedInstant;
  expires_at: string;
  accepted_at: string | null;
  accepted_by: string | null;
  revoked_at: string | null;
  revoked_by: string | null;
}
