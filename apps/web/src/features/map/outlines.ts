// A hashed file of its own (never inlined in JavaScript), precompressed and cached for a year; see data/README.md.
import outlinesUrl from "./data/epci-2026.france.json?url";

/** One EPCI drawn in the national frame, by scripts/project-outlines.ts. */
export interface OutlineShape {
  siren: string;
  nom: string;
  /** SVG path data in `unit`s of the frame. */
  d: string;
  /** Area-weighted centre, in the frame's units. */
  centroid: [number, number];
  bounds: [[number, number], [number, number]];
}

/** The national map's frame and its DROM insets. */
export interface MapLayout {
  width: number;
  height: number;
  /** The frame's units per unit of path data. */
  unit: number;
  /** The frames drawn around the DROM insets. */
  insets: Array<{ code: string; x: number; y: number; width: number; height: number }>;
}

export interface OutlinesFile {
  layout: MapLayout;
  shapes: OutlineShape[];
}

export interface Outlines {
  bySiren: Map<string, OutlineShape>;
  layout: MapLayout;
}

let loading: Promise<Outlines> | null = null;

/**
 * The outlines of every EPCI by SIREN, fetched once per page load and shared by every map. Small and
 * free of map code, so a page's prefetch starts the download before the map's chunk has arrived.
 */
export function loadOutlines(): Promise<Outlines> {
  loading ??= fetch(outlinesUrl)
    .then((response) => {
      if (!response.ok) throw new Error(`outlines: HTTP ${response.status}`);
      return response.json() as Promise<OutlinesFile>;
    })
    .then((file) => ({ bySiren: new Map(file.shapes.map((shape) => [shape.siren, shape])), layout: file.layout }))
    .catch((error: unknown) => {
      loading = null; // a later map may try again
      throw error;
    });
  return loading;
}
