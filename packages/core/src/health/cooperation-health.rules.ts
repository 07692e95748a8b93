import {
  dedicatedFundingIndicator,
  fragmentationIndicator,
  funderDependenceIndicator,
  successRateIndicator,
} from "./funding-health.rules.ts";
import {
  type CooperationHealth,
  type CooperationHealthInput,
  HEALTH_INDICATORS,
  HEALTH_STATUSES,
  type HealthIndicator,
  type HealthIndicatorKey,
  type HealthStatus,
} from "./health.types.ts";
import { type HealthContext, healthContext } from "./health-context.ts";
import { DEFAULT_HEALTH_THRESHOLDS, type HealthThresholds } from "./health-thresholds.ts";
import { engineeringIndicator, narrativeIndicator } from "./narrative-engineering.rules.ts";
import { balanceIndicator, breadthIndicator } from "./participation.rules.ts";
import { resultsIndicator, themesIndicator } from "./results-health.rules.ts";
import { ageIndicator, cadenceIndicator, silenceIndicator } from "./time-trust.rules.ts";

const RULES: Record<HealthIndicatorKey, (ctx: HealthContext) => HealthIndicator> = {
  narrative: narrativeIndicator,
  engineering: engineeringIndicator,
  age: ageIndicator,
  cadence: cadenceIndicator,
  silence: silenceIndicator,
  breadth: breadthIndicator,
  balance: balanceIndicator,
  dedicatedFunding: dedicatedFundingIndicator,
  fragmentation: fragmentationIndicator,
  funderDependence: funderDependenceIndicator,
  successRate: successRateIndicator,
  results: resultsIndicator,
  themes: themesIndicator,
};

/**
 * The health sheet of one cooperation on `asOf` (a French calendar day the caller chooses: the rules
 * never read the clock, so a sheet can be recomputed for any past day and tested on fixed dates).
 */
export function cooperationHealth(
  input: CooperationHealthInput,
  asOf: string,
  thresholds: HealthThresholds = DEFAULT_HEALTH_THRESHOLDS,
): CooperationHealth {
  const ctx = healthContext(input, asOf, thresholds);
  const indicators = HEALTH_INDICATORS.map(({ key }) => RULES[key](ctx));
  const summary = Object.fromEntries(HEALTH_STATUSES.map((s) => [s, 0])) as Record<HealthStatus, number>;
  for (const indicator of indicators) summary[indicator.status] += 1;
  const { id, name, engagementForm, status } = input.cooperation;
  return {
    cooperation: { id, name, engagementForm, status },
    asOf,
    metropolis: ctx.metropolis,
    indicators,
    summary,
    thresholds,
  };
}
