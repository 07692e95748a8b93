import type { MembershipRole } from "@trame/core";
import type { ColumnType, Generated } from "kysely";

type GeneratedInstant = ColumnType<string, string | undefined, string>;

/** What ProConnect told us about an agent, kept on their flow until they ask for access. */
export interface ProConnectIdentity {
  sub: string;
  email: string;
  givenName: string;
  usualName: string;
  siret: string;
  /** The end-session URL built at sign-in (carries the id_token_hint). */
  logoutUrl: string | null;
}

export interface ProConnectFlowsTable {
  id_hash: string;
  state: string;
  nonce: string;
  code_verifier: string;
  identity: ColumnType<ProConnectIdentity | null, string | null | undefined, string | null>;
  created_at: GeneratedInstant;
}

export type AccessRequestStatus = "pending" | "accepted" | "refused";

export interface AccessRequestsTable {
  id: Generated<string>;
  territory_id: string;
  email: string;
  name: string;
  siret: string;
  status: Generated<AccessRequestStatus>;
  role: MembershipRole | null;
  decided_by: string | null;
  decided_at: string | null;
  user_id: string | null;
  created_at: GeneratedInstant;
}
