import type { MapLevel } from "./map-scale.ts";

/**
 * What a shape shows: a class of the cooperation ramp, the territory itself, a cooperation member's
 * role, or a neighbour with nothing recorded.
 */
export type MapTone = `l${MapLevel}` | "self" | "lead" | "member" | "associate" | "neighbour";

// One blue from light to dark (lightness carries the order); DSFR's blue France for the territory itself.
const FILLS: Record<Exclude<MapTone, "l0" | "associate" | "neighbour">, string> = {
  l1: "#dfe3fb",
  l2: "#a9b4f2",
  l3: "#5c6fd8",
  l4: "#1b2c9c",
  self: "#000091",
  lead: "#1b2c9c",
  member: "#5c6fd8",
};

export function toneFill(tone: MapTone, patternId: string): string {
  if (tone === "l0" || tone === "neighbour") return `url(#${patternId}-hatch)`;
  if (tone === "associate") return `url(#${patternId}-dots)`;
  return FILLS[tone];
}
