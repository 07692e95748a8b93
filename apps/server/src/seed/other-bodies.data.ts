import type { TerritoryKind } from "@trame/core";

export interface OtherBody {
  name: string;
  kind: TerritoryKind;
  country: string;
}

const germanPartner = (name: string): OtherBody => ({ name, kind: "foreign_partner", country: "DE" });

/**
 * Associates named in the curated data that are not EPCI, by the label the data uses. The data
 * spells the town of Kehl two ways ("Kehl" in the Eurodistrict, "Ville de Kehl (DE)" in the Strasbourg
 * convention): both are the same partner, so one territory.
 */
export const OTHER_BODIES: Readonly<Record<string, OtherBody>> = {
  "Ortenaukreis (DE)": germanPartner("Ortenaukreis (DE)"),
  Achern: germanPartner("Ville d'Achern (DE)"),
  Kehl: germanPartner("Ville de Kehl (DE)"),
  "Ville de Kehl (DE)": germanPartner("Ville de Kehl (DE)"),
  Lahr: germanPartner("Ville de Lahr (DE)"),
  Oberkirch: germanPartner("Ville d'Oberkirch (DE)"),
  Offenburg: germanPartner("Ville d'Offenburg (DE)"),
  "État français": { name: "État français", kind: "other", country: "FR" },
};
