import type {
  Confidence,
  CooperationStatus,
  EngagementForm,
  EngineeringKind,
  Locale,
  MemberRole,
  MembershipRole,
  NeighbourKind,
  TerritoryKind,
  Theme,
} from "@trame/core";
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from "kysely";

/** `date` columns travel as `YYYY-MM-DD` strings; `timestamptz` as ISO strings (see create-db). */
type DateString = string;
type Instant = ColumnType<string, string | undefined, string>;
type GeneratedInstant = ColumnType<string, string | undefined, string>;

export interface TerritoriesTable {
  id: Generated<string>;
  siren: string | null;
  name: string;
  kind: TerritoryKind;
  population: number | null;
  departements: Generated<string[]>;
  country: Generated<string>;
  search_key: string;
  source: Generated<"etalab" | "manual" | "seed">;
  version: Generated<number>;
  created_at: GeneratedInstant;
  updated_at: GeneratedInstant;
  archived_at: Instant | null;
}

export interface CommunesTable {
  insee: string;
  name: string;
  population: number | null;
  territory_id: string | null;
}

export interface TerritoryNeighboursTable {
  territory_id: string;
  neighbour_id: string;
  kind: NeighbourKind;
  source: Generated<string>;
  created_at: GeneratedInstant;
}

export interface UsersTable {
  id: Generated<string>;
  email: string;
  name: string;
  password_hash: string;
  is_instance_admin: Generated<boolean>;
  locale: Generated<Locale>;
  version: Generated<number>;
  created_at: GeneratedInstant;
  disabled_at: Instant | null;
}

export interface MembershipsTable {
  user_id: string;
  territory_id: string;
  role: MembershipRole;
  created_at: GeneratedInstant;
}

export interface SessionsTable {
  token_hash: string;
  user_id: string;
  created_at: GeneratedInstant;
  expires_at: string;
}

export interface LoginThrottleTable {
  key: string;
  failures: number;
  window_started_at: string;
}

export interface CooperationsTable {
  id: Generated<string>;
  external_ref: string | null;
  name: string;
  description: Generated<string>;
  engagement_form: EngagementForm;
  status: CooperationStatus;
  started_on: DateString | null;
  ended_on: DateString | null;
  narrative_text: Generated<string>;
  narrative_adopted_on: DateString | null;
  engineering_provider_id: string | null;
  /** numeric(7,2): pg sends it as a string; parsed to a number in create-db. */
  engineering_fte: number | null;
  engineering_kind: Generated<EngineeringKind>;
  themes: Generated<Theme[]>;
  source_url: string | null;
  confidence: Generated<Confidence>;
  is_demo: Generated<boolean>;
  version: Generated<number>;
  created_at: GeneratedInstant;
  updated_at: GeneratedInstant;
  archived_at: Instant | null;
}

export interface CooperationMembersTable {
  id: Generated<string>;
  cooperation_id: string;
  territory_id: string;
  role: MemberRole;
  joined_on: DateString | null;
  left_on: DateString | null;
  version: Generated<number>;
  created_at: GeneratedInstant;
}

export interface CooperationFormHistoryTable {
  id: Generated<string>;
  cooperation_id: string;
  engagement_form: EngagementForm;
  from_on: DateString | null;
  to_on: DateString | null;
  note: Generated<string>;
  changed_by: string | null;
  created_at: GeneratedInstant;
}

export interface AuditLogTable {
  id: Generated<number>;
  entity_type: string;
  entity_id: string;
  action: string;
  actor_id: string | null;
  at: GeneratedInstant;
  before: unknown;
  after: unknown;
}

export interface Database {
  territories: TerritoriesTable;
  communes: CommunesTable;
  territory_neighbours: TerritoryNeighboursTable;
  users: UsersTable;
  memberships: MembershipsTable;
  sessions: SessionsTable;
  login_throttle: LoginThrottleTable;
  cooperations: CooperationsTable;
  cooperation_members: CooperationMembersTable;
  cooperation_form_history: CooperationFormHistoryTable;
  audit_log: AuditLogTable;
}

export type TerritoryRow = Selectable<TerritoriesTable>;
export type NewTerritory = Insertable<TerritoriesTable>;
export type TerritoryUpdate = Updateable<TerritoriesTable>;
export type CooperationRow = Selectable<CooperationsTable>;
export type CooperationMemberRow = Selectable<CooperationMembersTable>;
export type UserRow = Selectable<UsersTable>;
