import type { Feature, FeatureCollection, MultiPolygon, Polygon } from "geojson";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
// A hashed file of its own (never inlined in JavaScript), precompressed and cached for a year; see data/README.md.
import outlinesUrl from "./data/epci-2026.topo.json?url";

export interface EpciProperties {
  siren: string;
  nom: string;
}
export type EpciFeature = Feature<Polygon | MultiPolygon, EpciProperties>;

let loading: Promise<Map<string, EpciFeature>> | null = null;

/** The outlines of every EPCI by SIREN, fetched once per page load and shared by every map. */
export function loadOutlines(): Promise<Map<string, EpciFeature>> {
  loading ??= fetch(outlinesUrl)
    .then((response) => {
      if (!response.ok) throw new Error(`outlines: HTTP ${response.status}`);
      return response.json() as Promise<Topology<{ epci: GeometryCollection<EpciProperties> }>>;
    })
    .then((topology) => {
      const collection = feature(topology, topology.objects.epci) as FeatureCollection<
        Polygon | MultiPolygon,
        EpciProperties
      >;
      return new Map(collection.features.map((f) => [f.properties.siren, f]));
    })
    .catch((error: unknown) => {
      loading = null; // a later map may try again
      throw error;
    });
  return loading;
}
