/** Département codes as typed ("33, 24" or "33 24"), in the form the schemas check ("2a" becomes "2A"). */
export function parseDepartements(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((code) => code.trim().toUpperCase())
    .filter(Boolean);
}

export function departementsText(codes: readonly string[]): string {
  return codes.join(", ");
}

/** What the edit form holds for a territory (an editable subset: the kind and SIREN identify the body). */
export interface TerritoryEditValues {
  name: string;
  population: number | null;
  departements: string;
}

export function territoryEditValues(territory: {
  name: string;
  population: number | null;
  departements: readonly string[];
}): TerritoryEditValues {
  return {
    name: territory.name,
    population: territory.population,
    departements: departementsText(territory.departements),
  };
}

export function territoryPatch(patch: Partial<TerritoryEditValues>) {
  const { departements, ...rest } = patch;
  return departements === undefined ? rest : { ...rest, departements: parseDepartements(departements) };
}

export const TERRITORY_FIELD_IDS = {
  name: "territory-name",
  kind: "territory-kind",
  siren: "territory-siren",
  population: "territory-population",
  departements: "territory-departements",
  country: "territory-country",
} as const;
