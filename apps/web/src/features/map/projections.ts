import { type GeoProjection, geoConicConformal, geoMercator, geoPath } from "d3-geo";
import type { FeatureCollection } from "geojson";
import type { EpciFeature } from "./outlines.ts";

export const MAP_WIDTH = 800;
export const FRANCE_HEIGHT = 720;

/** Where each of the five DROM sits on the globe: a shape goes to the nearest one (else mainland). */
const DROM = [
  { code: "971", lon: -61.5, lat: 16.2 },
  { code: "972", lon: -61.0, lat: 14.65 },
  { code: "973", lon: -53.0, lat: 4.0 },
  { code: "974", lon: 55.5, lat: -21.1 },
  { code: "976", lon: 45.15, lat: -12.8 },
] as const;
const INSET = { x: 10, width: 120, height: 118, gap: 22 };

export interface Placement {
  /** One projection per shape: each point goes through one projection only. */
  projectionOf: (feature: EpciFeature) => GeoProjection;
  /** The frames of the DROM insets, drawn around them. */
  insets: Array<{ code: string; x: number; y: number; width: number; height: number }>;
  height: number;
}

function firstPoint(feature: EpciFeature): [number, number] {
  const geometry = feature.geometry;
  const ring = geometry.type === "Polygon" ? geometry.coordinates[0] : geometry.coordinates[0]?.[0];
  const point = ring?.[0];
  return point ? [point[0] ?? 0, point[1] ?? 0] : [0, 0];
}

function dromOf(feature: EpciFeature): string | null {
  const [lon, lat] = firstPoint(feature);
  if (lon > -10 && lat > 40) return null;
  let best: string | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const drom of DROM) {
    const distance = (lon - drom.lon) ** 2 + (lat - drom.lat) ** 2;
    if (distance < bestDistance) {
      best = drom.code;
      bestDistance = distance;
    }
  }
  return best;
}

const collectionOf = (features: EpciFeature[]): FeatureCollection => ({ type: "FeatureCollection", features });

/**
 * France with the DROM in insets down the left side: the mainland (and Corsica) in a conformal conic
 * close to Lambert-93, each DROM in its own Mercator fitted to its box. Unlike a composite projection
 * that sends every point through every sub-projection, each shape is projected once, by its own.
 */
export function placeFrance(features: EpciFeature[]): Placement {
  const groups = new Map<string | null, EpciFeature[]>();
  for (const feature of features) {
    const key = dromOf(feature);
    groups.set(key, [...(groups.get(key) ?? []), feature]);
  }
  const byGroup = new Map<string | null, GeoProjection>();
  const mainland = geoConicConformal().parallels([44, 49]).rotate([-3, 0]);
  const left = INSET.x + INSET.width + 20;
  mainland.fitExtent(
    [
      [left, 10],
      [MAP_WIDTH - 10, FRANCE_HEIGHT - 10],
    ],
    collectionOf(groups.get(null) ?? []),
  );
  byGroup.set(null, mainland);
  const insets: Placement["insets"] = [];
  DROM.forEach((drom, index) => {
    const members = groups.get(drom.code);
    if (!members) return;
    const y = 10 + index * (INSET.height + INSET.gap);
    const projection = geoMercator().fitExtent(
      [
        [INSET.x + 6, y + 6],
        [INSET.x + INSET.width - 6, y + INSET.height - 6],
      ],
      collectionOf(members),
    );
    byGroup.set(drom.code, projection);
    insets.push({ code: drom.code, x: INSET.x, y, width: INSET.width, height: INSET.height });
  });
  return {
    projectionOf: (feature) => byGroup.get(dromOf(feature)) ?? mainland,
    insets,
    height: FRANCE_HEIGHT,
  };
}

/** A few shapes around a territory: Mercator fitted to them, the height following their proportions. */
export function placeLocal(features: EpciFeature[]): Placement {
  const collection = collectionOf(features);
  const projection = geoMercator().fitWidth(MAP_WIDTH - 20, collection);
  const [[, top], [, bottom]] = geoPath(projection).bounds(collection);
  const height = Math.min(700, Math.max(320, Math.ceil(bottom - top) + 20));
  projection.fitExtent(
    [
      [10, 10],
      [MAP_WIDTH - 10, height - 10],
    ],
    collection,
  );
  return { projectionOf: () => projection, insets: [], height };
}
