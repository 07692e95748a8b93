import type { ActionKind } from "../enums/action-kind.ts";
import type { CooperationStatus, EngineeringKind, MemberRole } from "../enums/cooperation.ts";
import type { EngagementForm } from "../enums/engagement-form.ts";
import type { ApplicationStatus } from "../enums/funding.ts";
import type { Label } from "../enums/label.ts";
import type { ProjectStatus } from "../enums/project.ts";
import type { TerritoryKind } from "../enums/territory-kind.ts";
import type { Theme } from "../enums/theme.ts";
import type { HealthFactKey } from "./health-labels.ts";
import type { HealthThresholds } from "./health-thresholds.ts";

/** Calendar dates are `YYYY-MM-DD` strings throughout, as stored. */
type DateString = string;

export interface HealthEngineering {
  providerId: string | null;
  providerName: string | null;
  fte: number | null;
  kind: EngineeringKind;
}

/** Everything the rules read about one cooperation, as recorded; restricted projects are already left out. */
export interface CooperationHealthInput {
  cooperation: {
    id: string;
    name: string;
    engagementForm: EngagementForm;
    status: CooperationStatus;
    startedOn: DateString | null;
    /** The day the record was created: the last resort for the cooperation's age. */
    createdOn: DateString;
    themes: readonly Theme[];
    narrative: {
      text: string;
      adoptedOn: DateString | null;
      /** Days on which the text changed or was (re)adopted, from the audit trail and the timeline. */
      revisedOn: readonly DateString[];
    };
    engineering: HealthEngineering;
  };
  members: ReadonlyArray<{
    territoryId: string;
    name: string;
    kind: TerritoryKind;
    role: MemberRole;
    joinedOn: DateString | null;
    leftOn: DateString | null;
  }>;
  projects: ReadonlyArray<{
    id: string;
    status: ProjectStatus;
    themes: readonly Theme[];
    startedOn: DateString | null;
    leadTerritoryId: string | null;
    coOwnerTerritoryIds: readonly string[];
    engineering: HealthEngineering;
    statusChanges: ReadonlyArray<{ to: ProjectStatus; on: DateString }>;
  }>;
  actions: ReadonlyArray<{
    id: string;
    occurredOn: DateString;
    kind: ActionKind;
    projectId: string | null;
    territoryIds: readonly string[];
  }>;
  applications: ReadonlyArray<{
    id: string;
    projectId: string;
    status: ApplicationStatus;
    programme: { id: string; name: string; acronym: string; externalRef: string | null };
    funder: { id: string; name: string };
    grantedCents: number | null;
    /** Submitted on, or the day the application was recorded when still a draft. */
    filedOn: DateString;
    decidedOn: DateString | null;
  }>;
}

export const HEALTH_STATUSES = ["good", "watch", "weak", "insufficient_data"] as const;
export type HealthStatus = (typeof HEALTH_STATUSES)[number];

export const HEALTH_FAMILIES = ["narrative", "engineering", "timeTrust", "funding", "results"] as const;
export type HealthFamily = (typeof HEALTH_FAMILIES)[number];

/** In the order of the sheet: the study's keys to success first, then funding, then what came of it. */
export const HEALTH_INDICATORS = [
  { key: "narrative", family: "narrative" },
  { key: "engineering", family: "engineering" },
  { key: "age", family: "timeTrust" },
  { key: "cadence", family: "timeTrust" },
  { key: "silence", family: "timeTrust" },
  { key: "breadth", family: "timeTrust" },
  { key: "balance", family: "timeTrust" },
  { key: "dedicatedFunding", family: "funding" },
  { key: "fragmentation", family: "funding" },
  { key: "funderDependence", family: "funding" },
  { key: "successRate", family: "funding" },
  { key: "results", family: "results" },
  { key: "themes", family: "results" },
] as const;
export type HealthIndicatorKey = (typeof HEALTH_INDICATORS)[number]["key"];

/** The headline figure; shares carry their counts so the screen never shows a bare percentage. */
export type HealthValue =
  | { kind: "share"; ratio: number; numerator: number; denominator: number; unit: "items" | "cents" }
  | { kind: "perQuarter"; value: number }
  | { kind: "days"; days: number }
  | { kind: "months"; months: number }
  | { kind: "fte"; fte: number }
  | { kind: "mean"; value: number }
  | { kind: "presence"; present: boolean };

export type HealthFactFormat = "count" | "share" | "date" | "fte" | "days" | "months" | "text" | "boolean" | "cents";

/** One number (or date, or name) behind the verdict, labelled in core (`healthFactLabels`). */
export interface HealthFact {
  key: HealthFactKey;
  value: number | string | boolean | null;
  format: HealthFactFormat;
}

export type InsufficientReason =
  | "start_unknown"
  | "not_started"
  | "too_young"
  | "too_few_actions"
  | "single_member"
  | "no_metropolis"
  | "too_few_items"
  | "not_recorded"
  | "too_few_funded_projects"
  | "too_few_awarded"
  | "too_few_decided"
  | "too_few_projects"
  | "no_declared_themes";

export type HealthSeriesKey =
  | "narrativeEvents"
  | "members"
  | "meetings"
  | "actions"
  | "involvedShare"
  | "metropolisShare"
  | "dedicatedShare"
  | "programmes"
  | "topFunderShare"
  | "successRate"
  | "started"
  | "completed"
  | "abandoned"
  | "activeThemes";

export interface HealthTrendPoint {
  /** `2025` or `2025-T1` (trimestre): the label the screen shows. */
  period: string;
  from: DateString;
  to: DateString;
  values: Partial<Record<HealthSeriesKey, number | null>>;
}

export interface HealthTrend {
  unit: "quarter" | "year";
  series: HealthSeriesKey[];
  points: HealthTrendPoint[];
}

export interface HealthIndicator {
  key: HealthIndicatorKey;
  family: HealthFamily;
  status: HealthStatus;
  /** Null when the data is too thin to say anything (`insufficient` says why). */
  value: HealthValue | null;
  period: { from: DateString; to: DateString };
  basis: HealthFact[];
  /** A count per theme, status or funder when the indicator is about a split. */
  breakdown: Array<{ label: Label; count: number }>;
  /** Null when the data keeps no history of the quantity (engineering is recorded as it is today). */
  trend: HealthTrend | null;
  insufficient: { reason: InsufficientReason; need: number | null; have: number | null } | null;
}

export interface CooperationHealth {
  cooperation: { id: string; name: string; engagementForm: EngagementForm; status: CooperationStatus };
  asOf: DateString;
  /** The member read as "the metropolis" for balance and engineering, and why. */
  metropolis: { territoryId: string; name: string; basis: "metropolis_kind" | "lead" } | null;
  indicators: HealthIndicator[];
  summary: Record<HealthStatus, number>;
  thresholds: HealthThresholds;
}
