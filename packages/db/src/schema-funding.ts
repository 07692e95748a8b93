import type { ApplicationStatus, Confidence, FunderKind, ProjectStatus, Theme } from "@trame/core";
import type { ColumnType, Generated } from "kysely";
import type { ReferenceColumn } from "./schema-seed.ts";

/** Funding tables (migration 000003); dates and instants travel as strings, as in schema.ts. */
type DateString = string;
type Instant = ColumnType<string, string | undefined, string>;
type GeneratedInstant = ColumnType<string, string | undefined, string>;

export interface DepartementsTable {
  code: string;
  name: string;
  region_code: string;
  region_name: string;
}

export interface FundersTable {
  id: Generated<string>;
  name: string;
  kind: FunderKind;
  version: Generated<number>;
  created_at: GeneratedInstant;
}

export interface FundingProgrammesTable {
  id: Generated<string>;
  external_ref: string | null;
  funder_id: string;
  name: string;
  acronym: Generated<string>;
  instrument: Generated<string>;
  beneficiaries: Generated<string>;
  eligible_themes: Generated<Theme[]>;
  perimeter_regions: Generated<string[]>;
  perimeter_departements: Generated<string[]>;
  is_national: Generated<boolean>;
  period: Generated<string>;
  source_url: string | null;
  confidence: Generated<Confidence>;
  notes: Generated<string>;
  /** What the catalogue seed last wrote for a curated programme; see migration 190001. */
  reference: ReferenceColumn;
  version: Generated<number>;
  created_at: GeneratedInstant;
  updated_at: GeneratedInstant;
  archived_at: Instant | null;
}

export interface FundingApplicationsTable {
  id: Generated<string>;
  project_id: string;
  applicant_territory_id: string;
  programme_id: string;
  call_reference: Generated<string>;
  status: Generated<ApplicationStatus>;
  eligible_base_cents: number | null;
  requested_cents: number;
  granted_cents: number | null;
  /** The sum of its payments, kept by a trigger on funding_payments (migration 000005). */
  paid_cents: Generated<number>;
  submission_deadline: DateString | null;
  submitted_on: DateString | null;
  decision_on: DateString | null;
  agreement_signed_on: DateString | null;
  spending_deadline: DateString | null;
  multi_year: Generated<boolean>;
  is_demo: Generated<boolean>;
  created_by: string | null;
  version: Generated<number>;
  created_at: GeneratedInstant;
  updated_at: GeneratedInstant;
}

export interface FundingTransitionsTable {
  id: Generated<string>;
  application_id: string;
  from_status: ApplicationStatus | null;
  to_status: ApplicationStatus;
  occurred_on: DateString;
  comment: Generated<string>;
  actor_id: string | null;
  created_at: GeneratedInstant;
}

export interface FundingPaymentsTable {
  id: Generated<string>;
  application_id: string;
  paid_on: DateString;
  amount_cents: number;
  reference: Generated<string>;
  created_by: string | null;
  created_at: GeneratedInstant;
}

/**
 * Applications summed by applicant, programme and status (migration 000005, kept by triggers).
 * `restricted_project_id` is null for projects the whole network sees, else the restricted project
 * the row is about, so readers add only the rows they may see; `restricted_partner_ids` is that
 * project's partners, kept by triggers (migration 320001), which decide who may.
 */
export interface TerritoryFundingTotalsTable {
  applicant_territory_id: string;
  programme_id: string;
  status: ApplicationStatus;
  restricted_project_id: string | null;
  restricted_partner_ids: Generated<string[] | null>;
  application_count: number;
  requested_cents: number;
  granted_cents: number;
  paid_cents: number;
}

/**
 * The same sums per territory the applications concern (migration 310001): each application under
 * its applicant and under every other partner of its project, the "mine" rule of applicationConcerns.
 */
export type TerritoryConcernedFundingTotalsTable = Omit<TerritoryFundingTotalsTable, "applicant_territory_id"> & {
  territory_id: string;
};

/**
 * One row per territory an application concerns (migration 330001), the same rule again, with the
 * application's status and deadlines: a territory's deadlines are one range of its index.
 */
export interface ApplicationConcernsTable {
  application_id: string;
  territory_id: string;
  status: ApplicationStatus;
  submission_deadline: DateString | null;
  spending_deadline: DateString | null;
}

/** Live (not archived) projects counted by partner, status and themes, as the totals above. */
export interface TerritoryProjectCountsTable {
  territory_id: string;
  status: ProjectStatus;
  themes: Theme[];
  restricted_project_id: string | null;
  restricted_partner_ids: Generated<string[] | null>;
  project_count: number;
}
