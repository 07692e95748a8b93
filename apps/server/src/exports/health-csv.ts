import type { Readable } from "node:stream";
import {
  type CooperationHealth,
  type HealthExportQuery,
  type HealthIndicator,
  type HealthValue,
  healthFactLabel,
  healthFactText,
  healthFamilyLabels,
  healthIndicatorTexts,
  healthRuleText,
  healthStatusLabels,
  healthValueText,
  insufficientText,
} from "@trame/core";
import type { Database, Kysely, Viewer } from "@trame/db";
import { readCooperationHealth, readHealthComparison } from "../services/health.service.ts";
import { csvStream, frenchDate } from "./csv.ts";

const HEADERS = [
  "Coopération",
  "Famille",
  "Indicateur",
  "Statut",
  "Valeur",
  "Valeur (nombre)",
  "Unité",
  "Période du",
  "Période au",
  "Données",
  "Données insuffisantes",
  "Seuils",
  "Pourquoi c'est important",
  "Pour progresser",
  "Date de référence",
] as const;

/** A decimal comma and no thousands separator, so the spreadsheet reads a number it can sort. */
const decimal = (value: number) => String(Math.round(value * 100) / 100).replace(".", ",");

function numberCells(value: HealthValue | null): [string, string] {
  if (!value) return ["", ""];
  switch (value.kind) {
    case "share":
      return [decimal(value.ratio * 100), "%"];
    case "perQuarter":
      return [decimal(value.value), "réunions par trimestre"];
    case "days":
      return [decimal(value.days), "jours"];
    case "months":
      return [decimal(value.months), "mois"];
    case "fte":
      return [decimal(value.fte), "ETP"];
    case "mean":
      return [decimal(value.value), "dispositifs par projet"];
    case "presence":
      return [value.present ? "1" : "0", "présent (1) ou absent (0)"];
  }
}

function indicatorCells(sheet: CooperationHealth, indicator: HealthIndicator): string[] {
  const facts = indicator.basis.map((f) => `${healthFactLabel(f, "fr")} : ${healthFactText(f, "fr", frenchDate)}`);
  const split = indicator.breakdown.map((b) => `${b.label.fr} : ${b.count}`);
  const text = healthIndicatorTexts[indicator.key];
  return [
    sheet.cooperation.name,
    healthFamilyLabels[indicator.family].fr,
    text.title.fr,
    healthStatusLabels[indicator.status].fr,
    indicator.value ? healthValueText(indicator.value, "fr") : "",
    ...numberCells(indicator.value),
    frenchDate(indicator.period.from),
    frenchDate(indicator.period.to),
    [...facts, ...split].join(" ; "),
    indicator.insufficient ? insufficientText(indicator.insufficient, "fr") : "",
    healthRuleText(indicator.key, sheet.thresholds, "fr"),
    text.why.fr,
    text.improve.fr,
    frenchDate(sheet.asOf),
  ];
}

/**
 * One cooperation's health sheet, or the comparison of a territory's cooperations, one row per
 * indicator, read through the same service as the screen (restricted projects hidden alike). Returns
 * the name the file is called after: the cooperation's, or the territory's.
 */
export async function healthCsv(
  db: Kysely<Database>,
  query: HealthExportQuery,
  viewer: Viewer,
  onError: (error: Error) => void,
): Promise<{ name: string; body: Readable }> {
  const { scope, asOf } = query;
  let name: string;
  let sheets: CooperationHealth[];
  if (scope.kind === "cooperation") {
    const sheet = await readCooperationHealth(db, viewer, { cooperationId: scope.id, asOf });
    name = sheet.cooperation.name;
    sheets = [sheet];
  } else {
    const comparison = await readHealthComparison(db, viewer, { territoryId: scope.id, asOf });
    name = comparison.territory.name;
    sheets = comparison.cooperations;
  }
  async function* rows() {
    for (const sheet of sheets) for (const indicator of sheet.indicators) yield indicatorCells(sheet, indicator);
  }
  return { name, body: csvStream(HEADERS, rows(), onError) };
}
