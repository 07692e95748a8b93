import {
  type HealthFact,
  type HealthIndicator,
  type HealthIndicatorKey,
  type HealthThresholds,
  type HealthValue,
  healthFactLabel,
  healthFactText,
  healthRuleText,
  healthValueText,
  insufficientText,
} from "@trame/core";
import { useMemo } from "react";
import { useFormat } from "../../i18n/format.ts";

/**
 * The sheet's sentences come from @trame/core, as the CSV's do, so a value reads the same on screen,
 * on paper and in a spreadsheet; only dates take the screen's long form here.
 */
export function useHealthFormat() {
  const format = useFormat();
  return useMemo(() => {
    const { locale } = format;
    return {
      locale,
      date: format.date,
      value: (value: HealthValue) => healthValueText(value, locale),
      factLabel: (fact: HealthFact) => healthFactLabel(fact, locale),
      factValue: (fact: HealthFact) => healthFactText(fact, locale, format.date),
      insufficient: (why: NonNullable<HealthIndicator["insufficient"]>) => insufficientText(why, locale),
      rule: (key: HealthIndicatorKey, thresholds: HealthThresholds) => healthRuleText(key, thresholds, locale),
    };
  }, [format]);
}
