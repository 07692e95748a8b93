import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type GeoProjection, geoConicConformal, geoMercator, geoPath } from "d3-geo";
import type { FeatureCollection, MultiPolygon, Polygon, Position } from "geojson";
import { feature, transform } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import type { MapLayout, OutlineShape, OutlinesFile } from "../src/features/map/outlines.ts";

/**
 * Draws the EPCI outlines once, when the data changes, rather than in every browser at every visit:
 * decoding and projecting 1,255 outlines point by point cost the national map half a second of main
 * thread. The output holds each outline as SVG path data in the national map's frame (800 × 720),
 * with its centre and bounds; a local map only scales and translates them.
 *
 * France with the DROM in insets down the left side: the mainland (and Corsica) in a conformal conic
 * close to Lambert-93, each DROM in its own Mercator fitted to its box. Every arc goes through the
 * projection of the place it lies in (mainland and DROM share no arc).
 *
 * Run `pnpm --filter @trame/web outlines` after changing the source; a test checks the committed
 * file is what this script writes.
 */

interface EpciProperties {
  siren: string;
  nom: string;
}
type Outlines = Topology<{ epci: GeometryCollection<EpciProperties> }>;

/** The national map's frame; every map scales from it. */
const WIDTH = 800;
const HEIGHT = 720;
/**
 * Outlines are drawn in twentieths of a unit (about 85 m on the ground): a tenth of the spacing of
 * their vertices (simplified to about 800 m), so rounding never shows, and brotli keeps the file at
 * the size of the TopoJSON it comes from.
 */
const UNIT = 0.05;

/** Where each of the five DROM sits on the globe: a point goes to the nearest one (else mainland). */
const DROM = [
  { code: "971", lon: -61.5, lat: 16.2 },
  { code: "972", lon: -61.0, lat: 14.65 },
  { code: "973", lon: -53.0, lat: 4.0 },
  { code: "974", lon: 55.5, lat: -21.1 },
  { code: "976", lon: 45.15, lat: -12.8 },
] as const;
const INSET = { x: 10, width: 120, height: 118, gap: 22 };

const MAINLAND = "mainland";

function placeOf([lon = 0, lat = 0]: Position): string {
  if (lon > -10 && lat > 40) return MAINLAND;
  let best: string = MAINLAND;
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

/** One projection per place, fitted to the outlines that lie there, and the inset frames. */
function fitPlaces(source: Outlines): { projections: Map<string, GeoProjection>; layout: Omit<MapLayout, "unit"> } {
  const collection = feature(source, source.objects.epci) as FeatureCollection<Polygon | MultiPolygon, EpciProperties>;
  const byPlace = new Map<string, FeatureCollection>();
  for (const outline of collection.features) {
    const geometry = outline.geometry;
    const first = geometry.type === "Polygon" ? geometry.coordinates[0]?.[0] : geometry.coordinates[0]?.[0]?.[0];
    const place = placeOf(first ?? [0, 0]);
    const group = byPlace.get(place) ?? { type: "FeatureCollection", features: [] };
    group.features.push(outline);
    byPlace.set(place, group);
  }
  const left = INSET.x + INSET.width + 20;
  const mainland = geoConicConformal()
    .parallels([44, 49])
    .rotate([-3, 0])
    .fitExtent(
      [
        [left, 10],
        [WIDTH - 10, HEIGHT - 10],
      ],
      byPlace.get(MAINLAND) ?? { type: "FeatureCollection", features: [] },
    );
  const projections = new Map<string, GeoProjection>([[MAINLAND, mainland]]);
  const insets: MapLayout["insets"] = [];
  DROM.forEach((drom, index) => {
    const members = byPlace.get(drom.code);
    if (!members) return;
    const y = 10 + index * (INSET.height + INSET.gap);
    const frame = { code: drom.code, x: INSET.x, y, width: INSET.width, height: INSET.height };
    projections.set(
      drom.code,
      geoMercator().fitExtent(
        [
          [frame.x + 6, frame.y + 6],
          [frame.x + frame.width - 6, frame.y + frame.height - 6],
        ],
        members,
      ),
    );
    insets.push(frame);
  });
  return { projections, layout: { width: WIDTH, height: HEIGHT, insets } };
}

/** A ring as relative moves in whole units ("M120 45l3-2 4 1…z"): a third of the text of absolute decimals. */
function ringPath(ring: Position[]): string {
  const points = ring.map(([x = 0, y = 0]) => [Math.round(x / UNIT), Math.round(y / UNIT)] as const);
  const [first] = points;
  if (!first) return "";
  const moves: string[] = [];
  let [px, py] = first;
  for (const [x, y] of points.slice(1)) {
    if (x !== px || y !== py) moves.push(`${x - px} ${y - py}`);
    [px, py] = [x, y];
  }
  // A ring that rounding folds to a line or a point draws nothing (and "l" alone would break the path).
  if (moves.length < 3) return "";
  return `M${first[0]} ${first[1]}l${moves.join(" ").replaceAll(" -", "-")}z`;
}

function polygons(geometry: Polygon | MultiPolygon): Position[][][] {
  return geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
}

const round = (value: number) => Math.round(value * 100) / 100;

/** Every outline drawn in the national frame, with the layout of the national map. */
export function projectOutlines(source: Outlines): OutlinesFile {
  const { projections, layout } = fitPlaces(source);
  const decode = transform(source.transform ?? null);
  const arcs = source.arcs.map((arc) => {
    const points = arc.map((point, index) => decode(point, index > 0)); // delta-decoded from the arc's start
    const projection = projections.get(placeOf(points[0] ?? [0, 0])) ?? projections.get(MAINLAND);
    return points.map((point) => projection?.([point[0] ?? 0, point[1] ?? 0]) ?? [0, 0]);
  });
  // Still a topology: each border shared by two outlines is projected once, so both get the same points.
  const planar: Outlines = { type: "Topology", objects: source.objects, arcs };
  const collection = feature(planar, planar.objects.epci) as FeatureCollection<Polygon | MultiPolygon, EpciProperties>;
  const measure = geoPath();
  const shapes = collection.features.map((outline): OutlineShape => {
    const [[x0, y0], [x1, y1]] = measure.bounds(outline);
    const [cx, cy] = measure.centroid(outline);
    return {
      siren: outline.properties.siren,
      nom: outline.properties.nom,
      d: polygons(outline.geometry)
        .flatMap((rings) => rings.map(ringPath))
        .join(""),
      centroid: [round(cx), round(cy)],
      bounds: [
        [round(x0), round(y0)],
        [round(x1), round(y1)],
      ],
    };
  });
  return { layout: { ...layout, unit: UNIT }, shapes };
}

export const SOURCE = fileURLToPath(new URL("../src/features/map/data/epci-2026.geo.topo.json", import.meta.url));
export const OUTPUT = fileURLToPath(new URL("../src/features/map/data/epci-2026.france.json", import.meta.url));

export function projectedText(): string {
  return `${JSON.stringify(projectOutlines(JSON.parse(readFileSync(SOURCE, "utf8")) as Outlines))}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(OUTPUT, projectedText());
  console.log(`written ${OUTPUT}`);
}
