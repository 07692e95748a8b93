import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { OutlineShape, OutlinesFile } from "../src/features/map/outlines.ts";
import { OUTPUT, projectedText } from "./project-outlines.ts";

const committed = readFileSync(OUTPUT, "utf8");
const file = JSON.parse(committed) as OutlinesFile;
const bySiren = new Map(file.shapes.map((shape) => [shape.siren, shape]));
const shape = (siren: string): OutlineShape => {
  const found = bySiren.get(siren);
  if (!found) throw new Error(`no outline for ${siren}`);
  return found;
};
const inside = ([x, y]: [number, number], box: { x: number; y: number; width: number; height: number }) =>
  x >= box.x && x <= box.x + box.width && y >= box.y && y <= box.y + box.height;

describe("the outlines drawn ahead of time", () => {
  it("are what the script writes from the source outlines (rerun `pnpm --filter @trame/web outlines`)", () => {
    expect(projectedText()).toBe(committed);
  });

  it("hold every EPCI as valid path data in whole units", () => {
    expect(file.shapes).toHaveLength(1255);
    expect(new Set(file.shapes.map((s) => s.siren)).size).toBe(1255);
    for (const outline of file.shapes) {
      expect(outline.d, outline.nom).toMatch(/^(M-?\d+ -?\d+l-?\d+(?:[ -]\d+)*z)+$/);
      const [[x0, y0], [x1, y1]] = outline.bounds;
      expect(outline.centroid[0]).toBeGreaterThanOrEqual(x0);
      expect(outline.centroid[0]).toBeLessThanOrEqual(x1);
      expect(outline.centroid[1]).toBeGreaterThanOrEqual(y0);
      expect(outline.centroid[1]).toBeLessThanOrEqual(y1);
      expect(x0).toBeGreaterThanOrEqual(0);
      expect(x1).toBeLessThanOrEqual(file.layout.width);
      expect(y1).toBeLessThanOrEqual(file.layout.height);
    }
  });

  it("place the mainland as on a map of France and each DROM in its inset", () => {
    const paris = shape("200054781").centroid; // Métropole du Grand Paris
    const bordeaux = shape("243300316").centroid;
    const strasbourg = shape("246700488").centroid;
    const brest = shape("242900314").centroid;
    const nice = shape("200030195").centroid;
    expect(bordeaux[0]).toBeLessThan(paris[0]); // west
    expect(bordeaux[1]).toBeGreaterThan(paris[1]); // south (y grows downwards)
    expect(strasbourg[0]).toBeGreaterThan(paris[0]);
    expect(brest[0]).toBeLessThan(bordeaux[0]);
    expect(nice[1]).toBeGreaterThan(paris[1]);
    expect(nice[0]).toBeGreaterThan(strasbourg[0] - 40);
    const inset = (code: string) => {
      const frame = file.layout.insets.find((i) => i.code === code);
      if (!frame) throw new Error(`no inset ${code}`);
      return frame;
    };
    expect(file.layout.insets.map((i) => i.code)).toEqual(["971", "972", "973", "974", "976"]);
    expect(inside(shape("249740119").centroid, inset("974"))).toBe(true); // CINOR, La Réunion
    expect(inside(shape("249720061").centroid, inset("972"))).toBe(true); // CACEM, Martinique
    expect(inside(shape("249730045").centroid, inset("973"))).toBe(true); // CACL, Guyane
    expect(inside(paris, inset("974"))).toBe(false);
  });
});
