import type { MapLayout, OutlineShape } from "./outlines.ts";

/** Every map is drawn in this width, the national frame's. */
export const MAP_WIDTH = 800;

/**
 * Where a map puts the national frame: a scale and a translation (the outlines are already in a
 * conformal projection, see scripts/project-outlines.ts).
 */
export interface Placement {
  k: number;
  x: number;
  y: number;
  /** The frames of the DROM insets, drawn around them. */
  insets: MapLayout["insets"];
  height: number;
}

/** The whole country as drawn: France with the DROM in insets. */
export function placeFrance(layout: MapLayout): Placement {
  return { k: 1, x: 0, y: 0, insets: layout.insets, height: layout.height };
}

/** A few shapes around a territory, filling the width, the height following their proportions. */
export function placeLocal(shapes: readonly OutlineShape[]): Placement {
  const x0 = Math.min(...shapes.map((shape) => shape.bounds[0][0]));
  const y0 = Math.min(...shapes.map((shape) => shape.bounds[0][1]));
  const x1 = Math.max(...shapes.map((shape) => shape.bounds[1][0]));
  const y1 = Math.max(...shapes.map((shape) => shape.bounds[1][1]));
  const width = Math.max(x1 - x0, 1e-6);
  const drawn = MAP_WIDTH - 20;
  const height = Math.min(700, Math.max(320, Math.ceil(((y1 - y0) / width) * drawn) + 20));
  // Fitted inside a 10-unit margin, centred both ways.
  const k = Math.min(drawn / width, (height - 20) / Math.max(y1 - y0, 1e-6));
  return {
    k,
    x: (MAP_WIDTH - k * (x0 + x1)) / 2,
    y: (height - k * (y0 + y1)) / 2,
    insets: [],
    height,
  };
}
