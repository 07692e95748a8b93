import type {
  ActionKind,
  Confidence,
  CooperationStatus,
  EngagementForm,
  EngineeringKind,
  Locale,
  MemberRole,
  MembershipRole,
  NeighbourKind,
  PartnerRole,
  ProjectStatus,
  TerritoryKind,
  Theme,
  TimelineKind,
  Visibility,
} from "@trame/core";
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from "kysely";
import type {
  ApplicationConcernsTable,
  DepartementsTable,
  FundersTable,
  FundingApplicationsTable,
  FundingPaymentsTable,
  FundingProgrammesTable,
  FundingTransitionsTable,
  TerritoryConcernedFundingTotalsTable,
  TerritoryFundingTotalsTable,
  TerritoryProjectCountsTable,
} from "./schema-funding.ts";
import type { ImportKeysTable, ImportMappingsTable, ImportRunsTable, ImportUploadsTable } from "./schema-import.ts";
import type { InvitationsTable } from "./schema-invitation.ts";
import type { InstanceSecretsTable, MailOutboxTable } from "./schema-mail.ts";
import type { FollowsTable, NotificationsTable } from "./schema-notification.ts";
import type { PasswordResetsTable } from "./schema-password-reset.ts";
import type { AccessRequestsTable, ProConnectFlowsTable } from "./schema-proconnect.ts";
import type {
  DeadlineRemindersSentTable,
  DigestsSentTable,
  MailPreferencesTable,
  NotificationMailsTable,
} from "./schema-reminder.ts";
import type { ReferenceColumn, SeedMarksTable } from "./schema-seed.ts";

export type * from "./schema-funding.ts";
export type * from "./schema-import.ts";
export type * from "./schema-invitation.ts";
export type * from "./schema-mail.ts";
export type * from "./schema-notification.ts";
export type * from "./schema-password-reset.ts";
export type * from "./schema-proconnect.ts";
export type * from "./schema-reminder.ts";
export type * from "./schema-seed.ts";

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
  /** What the EPCI import last wrote (name, kind, population, departements); see migration 190001. */
  reference: ReferenceColumn;
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
  /** The commune's own SIREN (migration 145001); null until the next EPCI import. */
  siren: string | null;
}

export interface TerritoryNeighboursTable {
  territory_id: string;
  neighbour_id: string;
  kind: NeighbourKind;
  source: Generated<string>;
  created_at: GeneratedInstant;
}

/** One row per pair of EPCI sharing a boundary (`territory_a < territory_b`), from the territory import. */
export interface TerritoryContiguityTable {
  territory_a: string;
  territory_b: string;
  length_km: number;
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
  password_change_required: Generated<boolean>;
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
  /** Set for a ProConnect sign-in: sign-out sends the browser there (migration 145001). */
  proconnect_logout_url: ColumnType<string | null, string | null | undefined, string | null>;
  id: Generated<string>;
  idle_expires_at: ColumnType<string, string | undefined, string>;
  last_seen_at: GeneratedInstant;
  user_agent: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface IdempotencyKeysTable {
  user_id: string;
  key: string;
  procedure: string;
  request_hash: string;
  result: ColumnType<unknown, string | null | undefined, string | null>;
  created_at: GeneratedInstant;
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

export interface ProjectsTable {
  id: Generated<string>;
  cooperation_id: string;
  title: string;
  summary: Generated<string>;
  themes: Generated<Theme[]>;
  status: ProjectStatus;
  status_changed_on: DateString | null;
  started_on: DateString | null;
  ended_on: DateString | null;
  budget_cents: number | null;
  engineering_provider_id: string | null;
  engineering_fte: number | null;
  engineering_kind: Generated<EngineeringKind>;
  visibility: Generated<Visibility>;
  tags: Generated<string[]>;
  /** Investment projects carry the maître d'ouvrage's 20 % minimum participation (CGCT L1111-10). */
  is_investment: Generated<boolean>;
  is_demo: Generated<boolean>;
  /** The partners' territory ids, sorted, kept by a trigger on project_partners (migration 000005). */
  partner_territory_ids: Generated<string[]>;
  version: Generated<number>;
  created_at: GeneratedInstant;
  updated_at: GeneratedInstant;
  archived_at: Instant | null;
}

export interface ProjectPartnersTable {
  project_id: string;
  territory_id: string;
  role: PartnerRole;
  /** The partner's own funds in the project (autofinancement), for the financing plan. */
  own_funds_cents: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface ProjectStatusHistoryTable {
  id: Generated<string>;
  project_id: string;
  from_status: ProjectStatus | null;
  to_status: ProjectStatus;
  changed_on: DateString;
  comment: Generated<string>;
  changed_by: string | null;
  created_at: GeneratedInstant;
}

export interface ActionsTable {
  id: Generated<string>;
  cooperation_id: string;
  project_id: string | null;
  occurred_on: DateString;
  kind: ActionKind;
  title: string;
  notes: Generated<string>;
  created_by: string | null;
  is_demo: Generated<boolean>;
  version: Generated<number>;
  created_at: GeneratedInstant;
  updated_at: GeneratedInstant;
  removed_at: Instant | null;
}

export interface TimelineEntriesTable {
  id: Generated<string>;
  occurred_on: DateString;
  kind: TimelineKind;
  title: string;
  /** Kind-specific facts a screen shows without another call, e.g. `{ from, to, comment }` for a status change. */
  detail: ColumnType<Record<string, unknown>, string | undefined, string>;
  cooperation_id: string;
  project_id: string | null;
  action_id: string | null;
  /** Live-update number, drawn without a lock: ordered within a transaction, not across (migration 000004). */
  seq: number;
  /**
   * The writing transaction's id (`xid8`, read as text): a live position is (xact, seq), and readers
   * stop before the oldest transaction still running (migration 170001, ADR 0013). Writers set it to
   * `pg_current_xact_id()` (also the column default) whenever they give the entry a new `seq`.
   */
  xact: ColumnType<string, string | undefined, string>;
  /** The linked territories as shown, `[{ id, name }]` sorted by name (migration 000006, ADR 0005). */
  territories: ColumnType<Array<{ id: string; name: string }>, string | undefined, string>;
  /** Copies of the cooperation's name and the project's title and visibility, kept by triggers (migration 000008). */
  cooperation_name: ColumnType<string, never, never>;
  project_title: ColumnType<string | null, never, never>;
  project_visibility: ColumnType<Visibility | null, never, never>;
  created_at: GeneratedInstant;
}

export interface TimelineEntryTerritoriesTable {
  entry_id: string;
  territory_id: string;
  occurred_on: DateString;
}

export interface DocumentsTable {
  id: Generated<string>;
  project_id: string | null;
  action_id: string | null;
  name: string;
  mime_type: string;
  size_bytes: number;
  sha256: string;
  uploaded_by: string | null;
  application_id: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: GeneratedInstant;
  removed_at: Instant | null;
}

/** A document's bytes in order of `seq`, 256 KiB each but the last (ADR 0018). */
export interface DocumentChunksTable {
  document_id: string;
  seq: number;
  bytes: Uint8Array;
  created_at: GeneratedInstant;
}

export interface CalendarFeedsTable {
  id: Generated<string>;
  territory_id: string;
  user_id: string;
  token_hash: string;
  created_at: GeneratedInstant;
  revoked_at: Instant | null;
}

export interface Database {
  territories: TerritoriesTable;
  communes: CommunesTable;
  proconnect_flows: ProConnectFlowsTable;
  access_requests: AccessRequestsTable;
  territory_neighbours: TerritoryNeighboursTable;
  territory_contiguity: TerritoryContiguityTable;
  users: UsersTable;
  memberships: MembershipsTable;
  sessions: SessionsTable;
  login_throttle: LoginThrottleTable;
  idempotency_keys: IdempotencyKeysTable;
  cooperations: CooperationsTable;
  cooperation_members: CooperationMembersTable;
  cooperation_form_history: CooperationFormHistoryTable;
  audit_log: AuditLogTable;
  projects: ProjectsTable;
  project_partners: ProjectPartnersTable;
  project_status_history: ProjectStatusHistoryTable;
  actions: ActionsTable;
  timeline_entries: TimelineEntriesTable;
  timeline_entry_territories: TimelineEntryTerritoriesTable;
  documents: DocumentsTable;
  document_chunks: DocumentChunksTable;
  calendar_feeds: CalendarFeedsTable;
  departements: DepartementsTable;
  funders: FundersTable;
  funding_programmes: FundingProgrammesTable;
  funding_applications: FundingApplicationsTable;
  funding_transitions: FundingTransitionsTable;
  funding_payments: FundingPaymentsTable;
  territory_funding_totals: TerritoryFundingTotalsTable;
  territory_concerned_funding_totals: TerritoryConcernedFundingTotalsTable;
  application_concerns: ApplicationConcernsTable;
  territory_project_counts: TerritoryProjectCountsTable;
  seed_marks: SeedMarksTable;
  mail_outbox: MailOutboxTable;
  instance_secrets: InstanceSecretsTable;
  deadline_reminders_sent: DeadlineRemindersSentTable;
  mail_preferences: MailPreferencesTable;
  notification_mails: NotificationMailsTable;
  digests_sent: DigestsSentTable;
  invitations: InvitationsTable;
  password_resets: PasswordResetsTable;
  import_uploads: ImportUploadsTable;
  import_keys: ImportKeysTable;
  import_runs: ImportRunsTable;
  import_mappings: ImportMappingsTable;
  follows: FollowsTable;
  notifications: NotificationsTable;
}

export type TerritoryRow = Selectable<TerritoriesTable>;
export type NewTerritory = Insertable<TerritoriesTable>;
export type TerritoryUpdate = Updateable<TerritoriesTable>;
export type CooperationRow = Selectable<CooperationsTable>;
export type CooperationMemberRow = Selectable<CooperationMembersTable>;
export type UserRow = Selectable<UsersTable>;
