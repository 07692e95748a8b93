import { describe, expect, it } from "vitest";
import { boundedRows, csvFileName, frenchAmount, frenchDate } from "./csv.ts";

async function collect(rows: AsyncIterable<string[]>): Promise<string[][]> {
  const out: string[][] = [];
  for await (const row of rows) out.push(row);
  return out;
}

/** Pages of two over `total` numbered items, as a keyset or offset list would hand them out. */
const pagesOf = (total: number) => async (cursor: number | null) => {
  const start = cursor ?? 0;
  const items = Array.from({ length: Math.min(2, total - start) }, (_, i) => start + i);
  return { items, next: start + 2 < total ? start + 2 : null };
};

describe("conventions CSV françaises", () => {
  it("écrit les dates en JJ/MM/AAAA et les montants avec une virgule décimale, sans séparateur de milliers", () => {
    expect(frenchDate("2024-03-05")).toBe("05/03/2024");
    expect(frenchDate(null)).toBe("");
    expect(frenchAmount(123_456_789)).toBe("1234567,89");
    expect(frenchAmount(5)).toBe("0,05");
    expect(frenchAmount(null)).toBe("");
  });

  it("nomme le fichier en ASCII, sans accents ni espaces", () => {
    expect(csvFileName("frise", "Orléans Métropole / Hérault", "2026-11-26")).toBe(
      "frise-orleans-metropole-herault-2026-11-26.csv",
    );
  });

  it("lit toutes les pages, puis signale par une dernière ligne un export coupé à la limite", async () => {
    const all = await collect(
      boundedRows({ fetchPage: pagesOf(5), toCells: (n) => [String(n)], truncatedRow: ["coupé"], max: 10 }),
    );
    expect(all).toEqual([["0"], ["1"], ["2"], ["3"], ["4"]]);
    const exact = await collect(
      boundedRows({ fetchPage: pagesOf(4), toCells: (n) => [String(n)], truncatedRow: ["coupé"], max: 4 }),
    );
    expect(exact).toHaveLength(4);
    const cut = await collect(
      boundedRows({ fetchPage: pagesOf(9), toCells: (n) => [String(n)], truncatedRow: ["coupé"], max: 3 }),
    );
    expect(cut).toEqual([["0"], ["1"], ["2"], ["coupé"]]);
  });
});
