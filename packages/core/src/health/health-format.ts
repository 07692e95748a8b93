import type { Label, Locale } from "../enums/label.ts";
import { INTL_TAGS, numberFormat } from "../format/intl-formats.ts";
import type { HealthFact, HealthIndicator, HealthIndicatorKey, HealthValue } from "./health.types.ts";
import { healthFactLabels, insufficientReasonLabels } from "./health-labels.ts";
import type { HealthThresholds } from "./health-thresholds.ts";

/**
 * Health values and thresholds as sentences, for the sheet, its printout and the CSV alike, so the
 * three never word a verdict differently.
 */

export function healthNumber(value: number, locale: Locale, maxDecimals = 2): string {
  return numberFormat(INTL_TAGS[locale], { maximumFractionDigits: maxDecimals }).format(value);
}

export function healthPercent(ratio: number, locale: Locale): string {
  return numberFormat(INTL_TAGS[locale], { style: "percent", maximumFractionDigits: 0 }).format(ratio);
}

function euros(cents: number, locale: Locale): string {
  return numberFormat(INTL_TAGS[locale], { style: "currency", currency: "EUR", maximumFractionDigits: 0 }).format(
    cents / 100,
  );
}

const pick = (label: Label, locale: Locale) => label[locale];

/** "3 ans et 2 mois", "5 months". */
export function healthDuration(months: number, locale: Locale): string {
  const years = Math.floor(months / 12);
  const rest = months % 12;
  const y = locale === "fr" ? `${years} an${years > 1 ? "s" : ""}` : `${years} year${years > 1 ? "s" : ""}`;
  const m = locale === "fr" ? `${rest} mois` : `${rest} month${rest > 1 ? "s" : ""}`;
  if (years === 0) return m;
  if (rest === 0) return y;
  return locale === "fr" ? `${y} et ${m}` : `${y} and ${m}`;
}

export function healthValueText(value: HealthValue, locale: Locale): string {
  const n = (x: number) => healthNumber(x, locale);
  switch (value.kind) {
    case "share":
      return value.unit === "cents"
        ? healthPercent(value.ratio, locale)
        : `${healthPercent(value.ratio, locale)} (${n(value.numerator)} ${locale === "fr" ? "sur" : "of"} ${n(value.denominator)})`;
    case "perQuarter":
      return locale === "fr" ? `${n(value.value)} par trimestre` : `${n(value.value)} per quarter`;
    case "days":
      return locale === "fr" ? `${n(value.days)} jours` : `${n(value.days)} days`;
    case "months":
      return healthDuration(value.months, locale);
    case "fte":
      return locale === "fr" ? `${n(value.fte)} ETP` : `${n(value.fte)} FTE`;
    case "mean":
      return locale === "fr"
        ? `${n(value.value)} dispositif(s) par projet`
        : `${n(value.value)} programme(s) per project`;
    case "presence":
      return pick(value.present ? { fr: "Présent", en: "Present" } : { fr: "Absent", en: "Absent" }, locale);
  }
}

/** `date` formats calendar days; the CSV passes its own (`12/03/2024`), the screen its long form. */
export function healthFactText(fact: HealthFact, locale: Locale, date: (day: string) => string): string {
  const { value } = fact;
  if (value === null) return "—";
  if (typeof value === "boolean") return pick(value ? { fr: "Oui", en: "Yes" } : { fr: "Non", en: "No" }, locale);
  if (typeof value === "string") return fact.format === "date" ? date(value) : value;
  switch (fact.format) {
    case "fte":
      return locale === "fr" ? `${healthNumber(value, locale)} ETP` : `${healthNumber(value, locale)} FTE`;
    case "days":
      return locale === "fr" ? `${healthNumber(value, locale)} jours` : `${healthNumber(value, locale)} days`;
    case "months":
      return healthDuration(value, locale);
    case "share":
      return healthPercent(value, locale);
    case "cents":
      return euros(value, locale);
    default:
      return healthNumber(value, locale);
  }
}

export function healthFactLabel(fact: HealthFact, locale: Locale): string {
  return healthFactLabels[fact.key][locale];
}

export function insufficientText(insufficient: NonNullable<HealthIndicator["insufficient"]>, locale: Locale): string {
  return insufficientReasonLabels[insufficient.reason][locale]
    .replaceAll("{need}", insufficient.need === null ? "" : healthNumber(insufficient.need, locale))
    .replaceAll("{have}", insufficient.have === null ? "" : healthNumber(insufficient.have, locale));
}

/** How each verdict is reached, with the thresholds in force, so no threshold is hidden. */
export function healthRuleText(key: HealthIndicatorKey, t: HealthThresholds, locale: Locale): string {
  const n = (x: number) => healthNumber(x, locale);
  const p = (x: number) => healthPercent(x, locale);
  const fr = locale === "fr";
  const f = t.funding;
  const rules: Record<HealthIndicatorKey, Label> = {
    narrative: {
      fr: `Bon : récit adopté, revu depuis moins de ${n(t.narrative.staleYears)} ans. À surveiller : récit non adopté, ancien, ou absent dans une coopération de moins de ${n(t.narrative.graceMonths)} mois. Fragile : aucun récit au-delà.`,
      en: `Good: narrative adopted and revisited within ${n(t.narrative.staleYears)} years. To watch: not adopted, old, or missing in a cooperation under ${n(t.narrative.graceMonths)} months. Weak: no narrative beyond that.`,
    },
    engineering: {
      fr: `Somme des ETP de la coopération et de ses projets programmés ou en cours. Bon : au moins ${n(t.engineering.goodFte)} ETP, ou ${n(t.engineering.watchFte)} ETP dont des agents de la métropole. À surveiller : au moins ${n(t.engineering.watchFte)} ETP, ou un apport d'agents de la métropole. Fragile : en dessous.`,
      en: `Sum of the FTE of the cooperation and of its planned or ongoing projects. Good: at least ${n(t.engineering.goodFte)} FTE, or ${n(t.engineering.watchFte)} FTE including metropolis staff. To watch: at least ${n(t.engineering.watchFte)} FTE, or some metropolis staff. Weak: below.`,
    },
    age: {
      fr: `Bon : au moins ${n(t.age.trustYears)} ans depuis le début. À surveiller : plus jeune. Début : la date enregistrée, à défaut le premier fait daté.`,
      en: `Good: at least ${n(t.age.trustYears)} years since the start. To watch: younger. Start: the recorded date, or else the first dated fact.`,
    },
    cadence: {
      fr: `Réunions et ateliers par trimestre sur les ${n(t.cadence.windowMonths)} derniers mois. Bon : au moins ${n(t.cadence.goodPerQuarter)} ; à surveiller : au moins ${n(t.cadence.watchPerQuarter)} ; fragile : en dessous. Mesuré après ${n(t.minHistoryMonths)} mois d'existence.`,
      en: `Meetings and workshops per quarter over the last ${n(t.cadence.windowMonths)} months. Good: at least ${n(t.cadence.goodPerQuarter)}; to watch: at least ${n(t.cadence.watchPerQuarter)}; weak: below. Measured after ${n(t.minHistoryMonths)} months of existence.`,
    },
    silence: {
      fr: `Plus long intervalle sans action consignée sur les ${n(t.silence.windowMonths)} derniers mois, jusqu'à aujourd'hui. Bon : au plus ${n(t.silence.goodMaxDays)} jours ; à surveiller : au plus ${n(t.silence.watchMaxDays)} jours ; fragile : au-delà.`,
      en: `Longest stretch without a recorded action over the last ${n(t.silence.windowMonths)} months, up to today. Good: at most ${n(t.silence.goodMaxDays)} days; to watch: at most ${n(t.silence.watchMaxDays)} days; weak: beyond.`,
    },
    breadth: {
      fr: `Part des membres actuels ayant pris part à au moins une action sur les ${n(t.breadth.windowMonths)} derniers mois. Bon : au moins ${p(t.breadth.goodShare)} ; à surveiller : au moins ${p(t.breadth.watchShare)}. Mesuré à partir de ${n(t.breadth.minActions)} actions et de 2 membres.`,
      en: `Share of current members who took part in at least one action over the last ${n(t.breadth.windowMonths)} months. Good: at least ${p(t.breadth.goodShare)}; to watch: at least ${p(t.breadth.watchShare)}. Measured from ${n(t.breadth.minActions)} actions and 2 members.`,
    },
    balance: {
      fr: `Part des projets et des actions portés par la métropole (un projet co-porté compte pour moitié). Bon : de ${p(t.balance.goodMinShare)} à ${p(t.balance.goodMaxShare)} ; à surveiller : de ${p(t.balance.watchMinShare)} à ${p(t.balance.watchMaxShare)} ; fragile : au-delà. Mesuré à partir de ${n(t.balance.minItems)} projets ou actions au porteur connu.`,
      en: `Share of projects and actions led by the metropolis (a co-led project counts as half). Good: ${p(t.balance.goodMinShare)} to ${p(t.balance.goodMaxShare)}; to watch: ${p(t.balance.watchMinShare)} to ${p(t.balance.watchMaxShare)}; weak: beyond. Measured from ${n(t.balance.minItems)} projects or actions with a known leader.`,
    },
    dedicatedFunding: {
      fr: `Part des projets financés ayant au moins une demande sur un dispositif dédié (contrats territoriaux, CRTE, pacte État-métropole, LEADER, Interreg). Bon : au moins ${p(f.dedicatedGoodShare)} ; à surveiller : au moins ${p(f.dedicatedWatchShare)}. Mesuré à partir de ${n(f.minFundedProjects)} projets avec une demande.`,
      en: `Share of funded projects with at least one application to a dedicated programme (territorial contracts, CRTE, State–metropolis pact, LEADER, Interreg). Good: at least ${p(f.dedicatedGoodShare)}; to watch: at least ${p(f.dedicatedWatchShare)}. Measured from ${n(f.minFundedProjects)} projects with an application.`,
    },
    fragmentation: {
      fr: `Nombre moyen de dispositifs distincts sollicités par projet financé (demandes retirées exclues). Bon : au plus ${n(f.fragmentationGoodMax)} ; à surveiller : au plus ${n(f.fragmentationWatchMax)} ; fragile : au-delà. Mesuré à partir de ${n(f.minFundedProjects)} projets avec une demande.`,
      en: `Mean number of distinct programmes applied to per funded project (withdrawn applications excluded). Good: at most ${n(f.fragmentationGoodMax)}; to watch: at most ${n(f.fragmentationWatchMax)}; weak: beyond. Measured from ${n(f.minFundedProjects)} projects with an application.`,
    },
    funderDependence: {
      fr: `Part des montants accordés venant du premier financeur. Bon : au plus ${p(f.dependenceGoodMax)} ; à surveiller : au plus ${p(f.dependenceWatchMax)} ; fragile : au-delà. Mesuré à partir de ${n(f.minAwardedApplications)} demandes accordées.`,
      en: `Share of the granted amounts coming from the largest funder. Good: at most ${p(f.dependenceGoodMax)}; to watch: at most ${p(f.dependenceWatchMax)}; weak: beyond. Measured from ${n(f.minAwardedApplications)} granted applications.`,
    },
    successRate: {
      fr: `Demandes accordées parmi les demandes décidées (accordées, soldées ou refusées ; les retirées ne comptent pas). Bon : au moins ${p(f.successGoodRate)} ; à surveiller : au moins ${p(f.successWatchRate)}. Mesuré à partir de ${n(f.minDecidedApplications)} décisions.`,
      en: `Granted among decided applications (granted, closed or rejected; withdrawn ones do not count). Good: at least ${p(f.successGoodRate)}; to watch: at least ${p(f.successWatchRate)}. Measured from ${n(f.minDecidedApplications)} decisions.`,
    },
    results: {
      fr: `Part des projets achevés ou en cours. Bon : au moins ${p(t.results.deliveringGoodShare)} et au plus ${p(t.results.abandonedWatchShare)} d'abandons ; fragile : plus de ${p(t.results.abandonedWeakShare)} d'abandons, ou aucun projet en cours ni achevé. Mesuré à partir de ${n(t.results.minProjects)} projets.`,
      en: `Share of projects completed or in progress. Good: at least ${p(t.results.deliveringGoodShare)} with at most ${p(t.results.abandonedWatchShare)} abandoned; weak: over ${p(t.results.abandonedWeakShare)} abandoned, or none in progress or completed. Measured from ${n(t.results.minProjects)} projects.`,
    },
    themes: {
      fr: `Part des thématiques déclarées ayant au moins une action sur les ${n(t.themes.windowMonths)} derniers mois (une action prend les thématiques de son projet). Bon : au moins ${p(t.themes.coverageGoodShare)} ; à surveiller : au moins ${p(t.themes.coverageWatchShare)}. Mesuré à partir de ${n(t.themes.minActions)} actions.`,
      en: `Share of declared themes with at least one action over the last ${n(t.themes.windowMonths)} months (an action takes its project's themes). Good: at least ${p(t.themes.coverageGoodShare)}; to watch: at least ${p(t.themes.coverageWatchShare)}. Measured from ${n(t.themes.minActions)} actions.`,
    },
  };
  return fr ? rules[key].fr : rules[key].en;
}
