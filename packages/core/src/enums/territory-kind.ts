import { z } from "zod";
import type { Label } from "./label.ts";

/** EPCI à fiscalité propre (nature juridique of the DGCL list) first, then other public bodies. */
export const EPCI_KINDS = ["METRO", "MET69", "CU", "CA", "CC"] as const;
/** Bodies other than EPCI (which come from the official list): syndicats, PETR, foreign partners... */
export const OTHER_BODY_KINDS = [
  "syndicat_mixte",
  "petr",
  "pnr",
  "pole_metropolitain",
  "departement",
  "region",
  "commune",
  "foreign_partner",
  "other",
] as const;
export const TERRITORY_KINDS = [...EPCI_KINDS, ...OTHER_BODY_KINDS] as const;

export const territoryKindSchema = z.enum(TERRITORY_KINDS);
export type TerritoryKind = z.infer<typeof territoryKindSchema>;
export const epciKindSchema = z.enum(EPCI_KINDS);
export type EpciKind = z.infer<typeof epciKindSchema>;

export const territoryKindLabels: Record<TerritoryKind, Label> = {
  METRO: { fr: "Métropole", en: "Metropolis" },
  MET69: { fr: "Métropole de Lyon", en: "Lyon Metropolis" },
  CU: { fr: "Communauté urbaine", en: "Urban community" },
  CA: { fr: "Communauté d'agglomération", en: "Agglomeration community" },
  CC: { fr: "Communauté de communes", en: "Community of municipalities" },
  syndicat_mixte: { fr: "Syndicat mixte", en: "Joint syndicate" },
  petr: { fr: "Pôle d'équilibre territorial et rural (PETR)", en: "Rural territorial hub (PETR)" },
  pnr: { fr: "Parc naturel régional", en: "Regional nature park" },
  pole_metropolitain: { fr: "Pôle métropolitain", en: "Metropolitan hub" },
  departement: { fr: "Département", en: "Département" },
  region: { fr: "Région", en: "Region" },
  commune: { fr: "Commune", en: "Municipality" },
  foreign_partner: { fr: "Partenaire étranger", en: "Foreign partner" },
  other: { fr: "Autre organisme public", en: "Other public body" },
};

export function isEpciKind(kind: TerritoryKind): kind is EpciKind {
  return (EPCI_KINDS as readonly string[]).includes(kind);
}
