import type { ColumnType } from "kysely";

type GeneratedInstant = ColumnType<string, string | undefined, string>;

/** A forgotten-password link (migration 140003): only the token's hash is kept. */
export interface PasswordResetsTable {
  token_hash: string;
  user_id: string;
  created_at: GeneratedInstant;
  expires_at: string;
  used_at: string | null;
}
