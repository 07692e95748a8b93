import type { ActionKind } from "../enums/action-kind.ts";

/**
 * Every number the health sheet judges by, in one place, so a reader can check a verdict and an
 * instance can tune it: callers pass an override (see `withThresholds`), and the sheet prints the
 * thresholds it used beside each indicator. Shares are fractions (0.5 = 50 %).
 *
 * The defaults translate the study (Intercommunalités de France / Sciences Po, 2026) into orders of
 * magnitude, not laws: trust takes years, a cooperation that stops meeting fades, and a project
 * chasing many small grants is a symptom of the "course aux financements".
 */
export interface HealthThresholds {
  /** Months a cooperation must have existed before activity-based indicators are scored. */
  minHistoryMonths: number;
  /** How many calendar years the yearly trends show, the current one included. */
  trendYears: number;
  narrative: {
    /** A young cooperation gets this long to write its narrative before its absence weighs. */
    graceMonths: number;
    /** A narrative not revised for this long is to be revisited: six years is one municipal mandate. */
    staleYears: number;
  };
  engineering: {
    /** Full-time equivalents from which the cooperation has a real team behind it. */
    goodFte: number;
    /** Below this, engineering is a side task of someone's job. */
    watchFte: number;
  };
  age: {
    /** The time the interviewees describe to know each other, trust, then act. */
    trustYears: number;
  };
  cadence: {
    windowMonths: number;
    /** What counts as meeting: a workshop brings the same people around a table. */
    meetingKinds: readonly ActionKind[];
    goodPerQuarter: number;
    watchPerQuarter: number;
  };
  silence: {
    windowMonths: number;
    /** Longest gap between two dated actions (or the window's ends) still read as a normal rhythm. */
    goodMaxDays: number;
    watchMaxDays: number;
  };
  breadth: {
    windowMonths: number;
    minActions: number;
    goodShare: number;
    watchShare: number;
  };
  balance: {
    /** Projects and actions with a known leader needed before the split says anything. */
    minItems: number;
    /** The metropolis's share of leadership inside [goodMin, goodMax] reads as a partnership. */
    goodMinShare: number;
    goodMaxShare: number;
    watchMinShare: number;
    watchMaxShare: number;
  };
  funding: {
    /** Projects with at least one application, before the funding mix is judged. */
    minFundedProjects: number;
    dedicatedGoodShare: number;
    dedicatedWatchShare: number;
    /** Mean distinct programmes per funded project: beyond these, the project is piecing grants together. */
    fragmentationGoodMax: number;
    fragmentationWatchMax: number;
    minAwardedApplications: number;
    /** Share of granted money from the largest funder. */
    dependenceGoodMax: number;
    dependenceWatchMax: number;
    minDecidedApplications: number;
    successGoodRate: number;
    successWatchRate: number;
    /**
     * Programmes "dedicated to cooperation": contracts that fund a territory's agenda as a whole
     * (CRTE, pacte État-métropole, regional territorial contracts, LEADER through its GAL, Interreg),
     * named by the curated catalogue ids stored as external_ref...
     */
    dedicatedProgrammeRefs: readonly string[];
    /** ...and, for programmes entered by users without one, words of their name or acronym (folded). */
    dedicatedProgrammeWords: readonly string[];
  };
  results: {
    minProjects: number;
    /** Share of projects completed or under way. */
    deliveringGoodShare: number;
    abandonedWatchShare: number;
    abandonedWeakShare: number;
  };
  themes: {
    windowMonths: number;
    minActions: number;
    /** Share of the cooperation's declared themes with at least one action in the window. */
    coverageGoodShare: number;
    coverageWatchShare: number;
  };
}

export const DEFAULT_HEALTH_THRESHOLDS: HealthThresholds = {
  minHistoryMonths: 6,
  trendYears: 5,
  narrative: { graceMonths: 12, staleYears: 6 },
  engineering: { goodFte: 1, watchFte: 0.5 },
  age: { trustYears: 3 },
  cadence: { windowMonths: 24, meetingKinds: ["meeting", "workshop"], goodPerQuarter: 1, watchPerQuarter: 0.5 },
  silence: { windowMonths: 24, goodMaxDays: 120, watchMaxDays: 240 },
  breadth: { windowMonths: 12, minActions: 3, goodShare: 0.75, watchShare: 0.5 },
  balance: { minItems: 3, goodMinShare: 0.25, goodMaxShare: 0.75, watchMinShare: 0.1, watchMaxShare: 0.9 },
  funding: {
    minFundedProjects: 2,
    dedicatedGoodShare: 0.5,
    dedicatedWatchShare: 0.25,
    fragmentationGoodMax: 2,
    fragmentationWatchMax: 3,
    minAwardedApplications: 2,
    dependenceGoodMax: 0.5,
    dependenceWatchMax: 0.75,
    minDecidedApplications: 3,
    successGoodRate: 0.6,
    successWatchRate: 0.4,
    dedicatedProgrammeRefs: [
      "FR-CRTE",
      "FR-PACTE-METRO",
      "REG-NA-CDT",
      "REG-OCC-CTO",
      "REG-CVL-CRST",
      "REG-GE-PTRTE",
      "EU-LEADER",
      "EU-INTERREG-RS",
    ],
    dedicatedProgrammeWords: [
      "contrat de reciprocite",
      "contrat de cooperation",
      "contrat territorial",
      "contrat de territoire",
      "crte",
      "pacte",
      "leader",
      "interreg",
    ],
  },
  results: { minProjects: 2, deliveringGoodShare: 0.5, abandonedWatchShare: 0.25, abandonedWeakShare: 0.5 },
  themes: { windowMonths: 24, minActions: 3, coverageGoodShare: 0.66, coverageWatchShare: 0.33 },
};

type Override<T> = {
  [K in keyof T]?: T[K] extends readonly unknown[] ? T[K] : T[K] extends object ? Partial<T[K]> : T[K];
};
export type HealthThresholdsOverride = Override<HealthThresholds>;

/** The defaults with some values replaced, family by family (an override names only what it changes). */
export function withThresholds(
  override: HealthThresholdsOverride,
  base: HealthThresholds = DEFAULT_HEALTH_THRESHOLDS,
): HealthThresholds {
  return {
    minHistoryMonths: override.minHistoryMonths ?? base.minHistoryMonths,
    trendYears: override.trendYears ?? base.trendYears,
    narrative: { ...base.narrative, ...override.narrative },
    engineering: { ...base.engineering, ...override.engineering },
    age: { ...base.age, ...override.age },
    cadence: { ...base.cadence, ...override.cadence },
    silence: { ...base.silence, ...override.silence },
    breadth: { ...base.breadth, ...override.breadth },
    balance: { ...base.balance, ...override.balance },
    funding: { ...base.funding, ...override.funding },
    results: { ...base.results, ...override.results },
    themes: { ...base.themes, ...override.themes },
  };
}
