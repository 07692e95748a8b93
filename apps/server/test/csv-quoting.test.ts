import { text } from "node:stream/consumers";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { csvStream } from "../src/exports/csv.ts";

async function csvOf(rows: string[][]): Promise<string> {
  async function* source() {
    yield* rows;
  }
  return text(csvStream(["Titre", "Territoires"], source(), (error) => expect.fail(error.message)));
}

describe('CSV : toute cellule qui contient , ; " CR ou LF est entre guillemets', () => {
  const tricky = {
    comma: "Bordeaux Métropole, CC de Montesquieu",
    semicolon: "Mobilité ; transports",
    quote: 'Le "Plan vélo"',
    cr: "ligne une\rligne deux",
    lf: "ligne une\nligne deux",
    crlf: "ligne une\r\nligne deux",
  };

  it.each(Object.entries(tricky))("%s", async (_name, cell) => {
    const body = await csvOf([[cell, "simple"]]);
    const record = body.replace(/^\uFEFF/, "").split("\r\n")[1] ?? "";
    const quoted = `"${cell.replaceAll('"', '""')}"`;
    expect(body.replace(/^\uFEFF/, "").startsWith("Titre;Territoires\r\n")).toBe(true);
    expect(body).toContain(`${quoted};simple`);
    if (!/\r\n/.test(cell)) expect(record.startsWith(`"${cell.split(/[\r\n]/)[0]?.replaceAll('"', '""')}`)).toBe(true);
    // Read back, with ; or even with , as the separator, the cell stays one cell.
    expect(parse(body, { bom: true, delimiter: ";" })).toEqual([
      ["Titre", "Territoires"],
      [cell, "simple"],
    ]);
    const withComma = parse(body, { bom: true, delimiter: ",", relax_quotes: true }) as string[][];
    expect(withComma[1]?.length).toBe(1);
  });

  it("une cellule ordinaire reste sans guillemets ; une formule reste désamorcée", async () => {
    const body = await csvOf([["Plan climat 2026", '=HYPERLINK("http://evil")']]);
    expect(body).toContain("Plan climat 2026;");
    expect(parse(body, { bom: true, delimiter: ";" })[1]).toEqual(["Plan climat 2026", '\'=HYPERLINK("http://evil")']);
  });
});
