import { foldLabel } from "./import-values.ts";

/**
 * Abbreviations of intercommunal bodies as offices write them, expanded so that « CC de Montesquieu »
 * and « Communauté de communes de Montesquieu » fold to the same key. Applied to stored names and to
 * spreadsheet cells alike, so both sides always agree.
 */
const ABBREVIATIONS: [RegExp, string][] = [
  [/^cc /, "communaute de communes "],
  [/^ca /, "communaute d agglomeration "],
  [/^cu /, "communaute urbaine "],
  [/^pnr /, "parc naturel regional "],
  [/^petr /, "pole d equilibre territorial et rural "],
  [/^sm /, "syndicat mixte "],
];

export function territoryNameKey(name: string): string {
  let key = foldLabel(name);
  for (const [pattern, expansion] of ABBREVIATIONS) key = key.replace(pattern, expansion);
  return key;
}

/** A cell that is a SIREN: 9 digits, spaces allowed (« 200 071 165 »). */
export function sirenOf(value: string): string | null {
  const digits = value.replace(/[\s\u00a0\u202f]/g, "");
  return /^\d{9}$/.test(digits) ? digits : null;
}

export interface TerritoryCandidate {
  id: string;
  name: string;
  siren: string | null;
}

export type TerritoryMatch =
  | { status: "found"; territory: TerritoryCandidate }
  | { status: "unknown" }
  | { status: "ambiguous"; candidates: TerritoryCandidate[] };

/**
 * Finds one territory by SIREN or by folded name. Two territories with the same folded name (two
 * communes called Saint-Martin) are an ambiguity to ask about, never a guess.
 */
export function matchTerritory(value: string, territories: readonly TerritoryCandidate[]): TerritoryMatch {
  const siren = sirenOf(value);
  if (siren !== null) {
    const found = territories.find((territory) => territory.siren === siren);
    return found ? { status: "found", territory: found } : { status: "unknown" };
  }
  const key = territoryNameKey(value);
  const candidates = territories.filter((territory) => territoryNameKey(territory.name) === key);
  if (candidates.length === 1 && candidates[0]) return { status: "found", territory: candidates[0] };
  if (candidates.length === 0) return { status: "unknown" };
  return { status: "ambiguous", candidates };
}
