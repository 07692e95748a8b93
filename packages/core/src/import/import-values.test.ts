import { describe, expect, it } from "vitest";
import { projectStatusLabels } from "../enums/project.ts";
import { themeLabels } from "../enums/theme.ts";
import {
  isEmptyRow,
  isTotalRow,
  parseAmountCell,
  parseChoiceCell,
  parseChoiceListCell,
  parseDateCell,
} from "./import-values.ts";

describe("parseDateCell", () => {
  it.each([
    ["26/11/2026", "2026-11-26"],
    ["1/2/2026", "2026-02-01"],
    ["26.11.2026", "2026-11-26"],
    ["2026-11-26", "2026-11-26"],
    ["2026-11-26T00:00:00.000Z", "2026-11-26"],
    [46352, "2026-11-26"],
    [46352.75, "2026-11-26"],
    ["46352", "2026-11-26"],
    [new Date(Date.UTC(2026, 10, 26)), "2026-11-26"],
  ] as const)("reads %s as %s", (cell, expected) => {
    expect(parseDateCell(cell)).toEqual({ ok: true, value: expected });
  });

  it("leaves an empty cell empty", () => {
    expect(parseDateCell(null)).toEqual({ ok: true, value: null });
    expect(parseDateCell("  ")).toEqual({ ok: true, value: null });
  });

  it.each(["31/02/2026", "11/26/2026", "demain", "2026-13-01", "26/11/26"])("refuses %s", (cell) => {
    const result = parseDateCell(cell);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toBe("import.date.invalid");
  });

  it("refuses a year outside 1950–2100", () => {
    const result = parseDateCell("01/01/1900");
    expect(result.ok === false && result.reason).toBe("import.date.outOfRange");
  });
});

describe("parseAmountCell", () => {
  it.each([
    ["1 234 567 €", 123_456_700],
    ["1\u202f234\u202f567,50\u00a0€", 123_456_750],
    ["1234567,50", 123_456_750],
    ["1.234.567,50", 123_456_750],
    ["1,234,567.50", 123_456_750],
    ["1234567.5", 123_456_750],
    ["250000 EUR", 25_000_000],
    ["0", 0],
    [1234.56, 123_456],
    [250000, 25_000_000],
  ] as const)("reads %s as %d cents", (cell, cents) => {
    expect(parseAmountCell(cell)).toEqual({ ok: true, value: cents });
  });

  it.each([
    ["1,2 M€", "import.amount.abbreviated"],
    ["300 k€", "import.amount.abbreviated"],
    ["2 millions", "import.amount.abbreviated"],
    ["douze mille", "import.amount.invalid"],
    ["12a00", "import.amount.invalid"],
    ["-500 €", "import.amount.negative"],
    ["10,555", "import.amount.tooPrecise"],
    [-3, "import.amount.negative"],
  ] as const)("refuses %s (%s)", (cell, reason) => {
    const result = parseAmountCell(cell);
    expect(result.ok === false && result.reason).toBe(reason);
  });
});

describe("choices", () => {
  it("reads a status by its French or English label or code, accents and case aside", () => {
    expect(parseChoiceCell("en cours", projectStatusLabels)).toEqual({ ok: true, value: "in_progress" });
    expect(parseChoiceCell("ACHEVE", projectStatusLabels)).toEqual({ ok: true, value: "completed" });
    expect(parseChoiceCell("In progress", projectStatusLabels)).toEqual({ ok: true, value: "in_progress" });
    expect(parseChoiceCell("Termine", projectStatusLabels, { termine: "completed" })).toEqual({
      ok: true,
      value: "completed",
    });
  });

  it("refuses a status outside the workflow and lists the allowed ones", () => {
    const result = parseChoiceCell("En pause", projectStatusLabels);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).toBe("import.choice.unknown");
      expect(String(result.params.allowed)).toContain("En cours");
    }
  });

  it("reads a list of themes", () => {
    expect(parseChoiceListCell("Alimentation; santé, Eau", themeLabels)).toEqual({
      ok: true,
      value: ["food", "health", "water"],
    });
  });
});

describe("rows", () => {
  it("knows empty and total rows", () => {
    expect(isEmptyRow([null, "", "  "])).toBe(true);
    expect(isEmptyRow([null, 0])).toBe(false);
    expect(isTotalRow([null, "TOTAL GÉNÉRAL", 1234])).toBe(true);
    expect(isTotalRow(["Sous-total", 1234])).toBe(true);
    expect(isTotalRow(["Totalement nouveau projet", 1234])).toBe(false);
    expect(isTotalRow(["Plan vélo", 1234])).toBe(false);
  });
});
