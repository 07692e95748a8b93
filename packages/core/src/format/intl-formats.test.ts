import { describe, expect, it } from "vitest";
import { formatEurosIn } from "../rules/funding-application.rules.ts";
import { dateTimeFormat, numberFormat } from "./intl-formats.ts";

/** French separates thousands and the sign with no-break spaces: compared as plain spaces. */
const plain = (text: string) => text.replace(/\s/g, " ");

describe("formateurs Intl gardés", () => {
  it("rend le même formateur pour la même langue et les mêmes options", () => {
    expect(numberFormat("fr-FR", { maximumFractionDigits: 0 })).toBe(
      numberFormat("fr-FR", { maximumFractionDigits: 0 }),
    );
    expect(dateTimeFormat("en-CA", { timeZone: "Europe/Paris" })).toBe(
      dateTimeFormat("en-CA", { timeZone: "Europe/Paris" }),
    );
  });

  it("distingue les langues et les options", () => {
    expect(plain(numberFormat("fr-FR", { maximumFractionDigits: 0 }).format(1234.5))).toBe("1 235");
    expect(plain(numberFormat("fr-FR", { maximumFractionDigits: 2 }).format(1234.5))).toBe("1 234,5");
    expect(numberFormat("en-GB", { maximumFractionDigits: 2 }).format(1234.5)).toBe("1,234.5");
  });

  it("écrit les montants entiers sans centimes, les autres avec, dans chaque langue", () => {
    expect(plain(formatEurosIn(12_000_000, "fr"))).toBe("120 000 €");
    expect(plain(formatEurosIn(12_345, "fr"))).toBe("123,45 €");
    expect(formatEurosIn(12_000_000, "en")).toBe("€120,000");
    expect(formatEurosIn(12_345, "en")).toBe("€123.45");
  });
});
