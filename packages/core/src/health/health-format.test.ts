import { describe, expect, it } from "vitest";
import { HEALTH_INDICATORS } from "./health.types.ts";
import { healthDuration, healthFactText, healthRuleText, healthValueText, insufficientText } from "./health-format.ts";
import { healthFactLabels } from "./health-labels.ts";
import { healthIndicatorTexts } from "./health-texts.ts";
import { DEFAULT_HEALTH_THRESHOLDS, withThresholds } from "./health-thresholds.ts";

const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");
const iso = (day: string) => day;

describe("textes de la fiche santé", () => {
  it("chaque indicateur a un titre, une explication citant l'étude et une piste d'amélioration, dans les deux langues", () => {
    for (const { key } of HEALTH_INDICATORS) {
      const text = healthIndicatorTexts[key];
      for (const label of [text.title, text.why, text.improve]) {
        expect(label.fr.length).toBeGreaterThan(3);
        expect(label.en.length).toBeGreaterThan(3);
      }
      expect(`${text.why.fr} ${text.why.en}`).toMatch(/étude|study/i);
    }
  });

  it("écrit chaque valeur en français, partages avec leurs effectifs", () => {
    expect(
      plain(healthValueText({ kind: "share", ratio: 2 / 3, numerator: 2, denominator: 3, unit: "items" }, "fr")),
    ).toBe("67 % (2 sur 3)");
    expect(
      plain(healthValueText({ kind: "share", ratio: 0.6, numerator: 60, denominator: 100, unit: "cents" }, "fr")),
    ).toBe("60 %");
    expect(healthValueText({ kind: "perQuarter", value: 1.25 }, "fr")).toBe("1,25 par trimestre");
    expect(healthValueText({ kind: "fte", fte: 0.5 }, "en")).toBe("0.5 FTE");
    expect(healthValueText({ kind: "presence", present: false }, "fr")).toBe("Absent");
    expect(healthValueText({ kind: "months", months: 77 }, "fr")).toBe("6 ans et 5 mois");
    expect(healthDuration(1, "en")).toBe("1 month");
    expect(healthDuration(24, "fr")).toBe("2 ans");
  });

  it("écrit les données de base selon leur nature", () => {
    expect(healthFactText({ key: "metropolisLends", value: true, format: "boolean" }, "fr", iso)).toBe("Oui");
    expect(healthFactText({ key: "adoptedOn", value: null, format: "date" }, "fr", iso)).toBe("—");
    expect(healthFactText({ key: "adoptedOn", value: "2024-01-10", format: "date" }, "fr", (d) => `le ${d}`)).toBe(
      "le 2024-01-10",
    );
    expect(plain(healthFactText({ key: "grantedCents", value: 65_000_000, format: "cents" }, "fr", iso))).toBe(
      "650 000 €",
    );
    expect(healthFactLabels.longestSilenceDays.fr).toBe("Plus long silence");
  });

  it("dit pourquoi il n'y a pas de verdict, avec les nombres", () => {
    expect(insufficientText({ reason: "too_few_actions", need: 3, have: 1 }, "fr")).toBe(
      "1 action(s) sur la période ; il en faut au moins 3 pour conclure.",
    );
    expect(insufficientText({ reason: "not_recorded", need: null, have: null }, "en")).toMatch(
      /^Engineering is recorded/,
    );
  });

  it("énonce les seuils en vigueur, y compris ceux remplacés", () => {
    expect(plain(healthRuleText("breadth", DEFAULT_HEALTH_THRESHOLDS, "fr"))).toContain("au moins 75 %");
    const custom = withThresholds({ silence: { goodMaxDays: 90 } });
    expect(healthRuleText("silence", custom, "fr")).toContain("au plus 90 jours");
    for (const { key } of HEALTH_INDICATORS) expect(healthRuleText(key, custom, "en").length).toBeGreaterThan(20);
  });
});
