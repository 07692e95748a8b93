import { type CooperationStatus, type EngagementForm, formalityOf, searchKey, THEMES, type Theme } from "@trame/core";
import type { CooperationStructure } from "./seed-data.ts";

/**
 * The curated `type` of a structure -> the engagement form of the study. Checked in order, on the
 * folded text. The forms without a legal body or a signed contract of their own:
 * - InterSCoT -> informal: dialogue and shared observation run by the urban-planning agency, no body
 *   nor contract between the EPCI.
 * - SERM -> other: a State label on a transport project carried by the Région and the collectivités,
 *   not a frame in which the metropolis and its neighbours commit to one another.
 * - PAT -> other: a State-recognised food programme of the metropolis with a consultative council.
 * - accord (Montpellier–Toulouse accord-cadre) -> other: a framework agreement between two distant
 *   metropolises, kept apart from the contract forms, which the study reserves for neighbours.
 * - "contrat de coopération / réciprocité" or "de partenariat / réciprocité": the first word names
 *   the contract, so contrat_cooperation; a contrat Département–EPCI is a convention.
 * A type matching none throws: a new curated row needs a decision, not a silent "other".
 */
const FORM_RULES: ReadonlyArray<readonly [RegExp, EngagementForm]> = [
  [/^interscot\b/, "informal"],
  [/^scot\b/, "scot"],
  [/^petr\b/, "petr"],
  [/^pnr\b/, "pnr"],
  [/^pole metropolitain\b/, "pole_metropolitain"],
  [/^gect\b/, "gect"],
  [/^syndicat mixte\b/, "syndicat_mixte"],
  [/^contrat de reciprocite\b/, "contrat_reciprocite"],
  [/^contrat de (cooperation|partenariat)\b/, "contrat_cooperation"],
  [/^contrat departement\b/, "convention"],
  [/^protocole\b/, "protocole"],
  [/^convention\b/, "convention"],
  [/^(serm|pat)\b/, "other"],
  [/^accord\b/, "other"],
];

export function engagementFormOf(type: string): EngagementForm {
  const folded = searchKey(type);
  const rule = FORM_RULES.find(([pattern]) => pattern.test(folded));
  if (!rule) throw new Error(`No engagement form for structure type "${type}"`);
  return rule[1];
}

/** Keywords of the curated free text (folded: no accents, lower case) for each theme of the product. */
const THEME_KEYWORDS: Readonly<Partial<Record<Theme, RegExp>>> = {
  water: /\beaux?\b/,
  food: /aliment|circuits? courts?|agricult|viticult/,
  mobility: /mobilit|transport|intermodal|multimodal|ferroviaire|\btram\b|\bter\b|\bserm\b|poles? d echanges/,
  energy: /energ/,
  biodiversity: /biodiversit|trame verte|ressources naturelles|foret|environnement/,
  climate_adaptation: /climat|transitions? ecologique/,
  land_use: /planification|foncier|amenagement|\bzan\b|\bscot\b|centralites/,
  housing: /logement|habitat/,
  economy: /econom|filiere|attractivite|universit|logistique|commerce|promotion du territoire|viticult/,
  waste: /dechet/,
  health: /sante/,
  tourism: /touris/,
  culture: /\bcultur|patrimo|bilinguisme/,
  social_cohesion: /cohesion sociale|participation/,
};

/** Themes named in the text, in the enum's order; "other" when the text names none, none when it says so. */
export function themesOf(text: string): Theme[] {
  const folded = searchKey(text);
  const found = THEMES.filter((theme) => THEME_KEYWORDS[theme]?.test(folded));
  if (found.length > 0) return found;
  return /non detaill/.test(folded) || folded === "" ? [] : ["other"];
}

/**
 * Dates that do not mark the start of the cooperation: a renaming, an amendment, a revision, or the
 * perimeter of a SCoT decided before the body that carries it.
 */
const NOT_A_START = /renomme|modifie|revision|perimetre/;

/** The first full date (dd/mm/yyyy) of the curated `annee` that marks a start, as `YYYY-MM-DD`; else null. */
export function startedOnOf(annee: string): string | null {
  for (const clause of annee.split(/[;,]/)) {
    const match = /(\d{2})\/(\d{2})\/(\d{4})/.exec(clause);
    if (!match || NOT_A_START.test(searchKey(clause))) continue;
    const [, day, month, year] = match;
    return `${year}-${month}-${day}`;
  }
  return null;
}

/**
 * A contract whose period (e.g. "2017-2020", in its name or dates) ended before `currentYear` has
 * ended; statutory bodies outlive the contracts they sign, so their periods (a PETR's 2023-2025 regional
 * contract, a PNR charter) say nothing about them. The data gives years only: the end is 31 December.
 */
export function statusOf(
  structure: Pick<CooperationStructure, "nom" | "annee">,
  form: EngagementForm,
  currentYear: number,
): { status: CooperationStatus; endedOn: string | null } {
  if (formalityOf[form] !== "contractual") return { status: "active", endedOn: null };
  const periods = [...`${structure.nom} ${structure.annee}`.matchAll(/\b(?:19|20)\d{2}\s*[-–]\s*((?:19|20)\d{2})\b/g)];
  const lastYear = Math.max(...periods.map((match) => Number(match[1])));
  if (periods.length === 0 || lastYear >= currentYear) return { status: "active", endedOn: null };
  return { status: "ended", endedOn: `${lastYear}-12-31` };
}

/** The curated `source` lists several addresses, some with a remark in brackets: the first address. */
export function firstSourceUrl(source: string): string | null {
  return /https?:\/\/[^\s;]+/.exec(source)?.[0] ?? null;
}

/** Everything the curated row says beyond the structured fields, kept readable for the user. */
export function descriptionOf(structure: CooperationStructure): string {
  const lines = [
    structure.annee && `Dates : ${structure.annee}.`,
    structure.themes && `Thématiques (source) : ${structure.themes}.`,
    `Type d'origine : ${structure.type}.`,
    structure.note && `Note : ${structure.note}`,
    structure.source && `Sources : ${structure.source}`,
  ];
  return lines.filter(Boolean).join("\n");
}
