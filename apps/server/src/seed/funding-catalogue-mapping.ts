import { type FunderKind, searchKey, THEMES, type Theme } from "@trame/core";

/** One curated programme, with the French field names of the shared file (kept so it can be re-copied as is). */
export interface CuratedProgramme {
  id: string;
  sigle: string;
  nom_officiel: string;
  financeur: string;
  niveau: string;
  instrument: string;
  beneficiaires: string;
  themes: string;
  perimetre: string;
  periode: string;
  source: string;
  confidence: "confirmed" | "inferred" | "uncertain";
  note: string;
}

export interface CuratedFunder {
  name: string;
  kind: FunderKind;
}

/**
 * Who pays, from the curated `niveau` (level) and `financeur` (funder) fields, checked in order on
 * the folded text:
 * - niveau "agence de l'eau" -> agency, one funder per water agency, named as the programme names it
 *   ("Agence de l'eau Adour-Garonne").
 * - niveau "établissement public financier" (the Caisse des Dépôts) -> banque_territoires.
 * - financeur "opéré par l'ADEME" -> agency ADEME: the Fonds chaleur is State money, but the agency
 *   instructs and pays it, so it is who a territory deals with.
 * - financeur "ANCT + partenaires" -> agency ANCT for the agency's own programmes (Action cœur de
 *   ville, Petites villes de demain, Territoires d'industrie); the FNADT, a State budget line the
 *   ANCT manages for the préfets, stays with the State.
 * - niveau "État…" (including "État/Région" for the CPER, "État (opérateur)") -> state "État".
 * - niveau "UE" -> eu "Union européenne" (the managing Région is in the programme's name).
 * - niveau "Région…" -> region, named after the first "Région X" of the financeur field.
 * - niveau "Département" -> departement, named after the first "Département du/de X".
 * A row matching none throws: a new curated level needs a decision, not a silent default.
 */
export function funderOf(row: CuratedProgramme): CuratedFunder {
  const niveau = searchKey(row.niveau);
  const financeur = searchKey(row.financeur);
  if (niveau.startsWith("agence de l eau")) {
    return { kind: "agency", name: (row.nom_officiel.split(" – ")[0] ?? row.nom_officiel).trim() };
  }
  if (niveau === "etablissement public financier") {
    return { kind: "banque_territoires", name: "Banque des Territoires (Caisse des Dépôts)" };
  }
  if (/\bopere par l ademe\b/.test(financeur)) return { kind: "agency", name: "ADEME" };
  if (/^etat anct \+/.test(financeur)) return { kind: "agency", name: "ANCT" };
  if (niveau.startsWith("etat")) return { kind: "state", name: "État" };
  if (niveau === "ue") return { kind: "eu", name: "Union européenne" };
  if (niveau.startsWith("region")) return { kind: "region", name: namedIn(row, /Région [^,(+;–]+/) };
  if (niveau === "departement") return { kind: "departement", name: namedIn(row, /Département d[eu'’ ][^,(+;–]+/) };
  throw new Error(`${row.id}: no funder kind for niveau "${row.niveau}"`);
}

function namedIn(row: CuratedProgramme, pattern: RegExp): string {
  const name = pattern.exec(row.financeur)?.[0]?.trim();
  if (!name) throw new Error(`${row.id}: no funder name in "${row.financeur}"`);
  return name;
}

/** INSEE région codes of the study's metropolises. */
const METROPOLIS_REGIONS: Readonly<Record<string, string>> = {
  BDX: "75", // Bordeaux: Nouvelle-Aquitaine
  MTP: "76", // Montpellier: Occitanie
  ORL: "24", // Orléans: Centre-Val de Loire
  STR: "44", // Strasbourg: Grand Est
};

/**
 * A water agency acts on its hydrographic basin, which follows no administrative border. Approximated
 * by the régions holding most of the basin (INSEE codes):
 * - Adour-Garonne: Nouvelle-Aquitaine 75, Occitanie 76 (the Garonne, the Adour, the Dordogne, the Lot).
 * - Rhône Méditerranée Corse: Auvergne-Rhône-Alpes 84, Bourgogne-Franche-Comté 27,
 *   Provence-Alpes-Côte d'Azur 93, Corse 94, Occitanie 76 (its Mediterranean side, Montpellier included).
 * - Loire-Bretagne: Centre-Val de Loire 24, Pays de la Loire 52, Bretagne 53, Nouvelle-Aquitaine 75
 *   (Vienne, Deux-Sèvres, Creuse), Auvergne-Rhône-Alpes 84 (Allier, Loire), Bourgogne-Franche-Comté 27 (Nièvre).
 * - Rhin-Meuse: Grand Est 44.
 * So a project in the Hérault also fits Adour-Garonne: a wider net, never a missed programme.
 */
const WATER_BASINS: ReadonlyArray<readonly [RegExp, readonly string[]]> = [
  [/adour garonne/, ["75", "76"]],
  [/rhone mediterranee corse|\brmc\b/, ["84", "27", "93", "94", "76"]],
  [/loire bretagne/, ["24", "52", "53", "75", "84", "27"]],
  [/rhin meuse/, ["44"]],
];

export interface CuratedPerimeter {
  national: boolean;
  regions: string[];
  departements: string[];
}

/**
 * Where a programme applies: a département's own programme (id `DEP-<code>-…`) in that département;
 * a water agency in its basin; `FR` everywhere; the codes of the study's metropolises in their
 * régions. The Pacte État-métropoles is listed under the four metropolises of the study but was
 * offered to every métropole ("toutes métropoles"), so it is national.
 */
export function perimeterOf(row: CuratedProgramme): CuratedPerimeter {
  const departement = /^DEP-(\d{2,3}|2A|2B)-/.exec(row.id)?.[1];
  if (departement) return { national: false, regions: [], departements: [departement] };
  const name = searchKey(`${row.sigle} ${row.nom_officiel}`);
  if (searchKey(row.niveau).startsWith("agence de l eau")) {
    const basin = WATER_BASINS.find(([pattern]) => pattern.test(name));
    if (!basin) throw new Error(`${row.id}: no basin for water agency "${row.nom_officiel}"`);
    return { national: false, regions: [...basin[1]], departements: [] };
  }
  if (/^FR\b/.test(row.perimetre) || /toutes metropoles/.test(searchKey(row.perimetre))) {
    return { national: true, regions: [], departements: [] };
  }
  const regions = [...row.perimetre.matchAll(/\b(BDX|MTP|ORL|STR)\b/g)].map((m) => METROPOLIS_REGIONS[m[1] ?? ""]);
  const known = [...new Set(regions.filter((code): code is string => code !== undefined))];
  if (known.length === 0) throw new Error(`${row.id}: no perimeter in "${row.perimetre}"`);
  return { national: false, regions: known, departements: [] };
}

/**
 * Keywords of the curated free text (themes and official name, folded) for each theme of the
 * product. Flood and coastal risks count as water: in French local government they belong to the
 * water cycle (GEMAPI). "Économies d'eau" is water, not economy, hence the narrow economy pattern; the
 * services express (SERM) are trains, not public services.
 */
const THEME_KEYWORDS: Readonly<Partial<Record<Theme, RegExp>>> = {
  water: /\beaux?\b|inondation|risques naturels|trait de cote|assainissement|pluvia|desimpermeabilis|sdage/,
  food: /aliment|restauration collective|gaspillage|agricult|circuits? courts?/,
  mobility:
    /mobilit|transport|covoiturage|ferroviaire|intermodal|\bzfe\b|car express|poles? d echanges|voirie|\broutes?\b/,
  energy:
    /energ|\benr\b|chaleur|biomasse|geothermi|solaire|eclairage public|decarbonation|renovation (thermique|des batiments)/,
  biodiversity: /biodiversit|renaturation|milieux/,
  climate_adaptation: /climat|ecologique/,
  land_use:
    /friche|foncier|amenagement|centralit|revitalisation|developpement (urbain|territorial|rural|du territoire)|cadre de vie|projet de territoire|reequilibrage territorial|bassin de vie|ville durable/,
  housing: /logement|habitat/,
  economy: /economie (locale|resiliente)|\beconomique|industri|innovation|entreprise|\bpme\b|emploi|recherche/,
  waste: /dechet/,
  health: /sante|medico/,
  tourism: /touris/,
  culture: /cultur|patrimo|bilinguisme/,
  social_cohesion:
    /cohesion|inclusion|solidarites?\b(?! urbain)|justice sociale|jeunesse|\bservices\b(?! express)|education|scolaire|ecoles?\b/,
  digital: /numerique|telephonie/,
};

/**
 * Themes named in the curated text, in the enum's order. A programme whose text names no field
 * ("investissements d'intérêt supra-communal") funds any project: every theme but "other".
 */
export function programmeThemesOf(row: CuratedProgramme): Theme[] {
  const folded = searchKey(`${row.themes} ${row.nom_officiel}`);
  const found = THEMES.filter((theme) => THEME_KEYWORDS[theme]?.test(folded));
  return found.length > 0 ? found : THEMES.filter((theme) => theme !== "other");
}

/** Everything the curated row says beyond the structured fields, kept readable for the user. */
export function programmeNotesOf(row: CuratedProgramme): string {
  const lines = [
    row.note && `Note : ${row.note}`,
    `Financeur (source) : ${row.financeur}.`,
    row.themes && `Thématiques (source) : ${row.themes}.`,
    `Périmètre (source) : ${row.perimetre}.`,
    row.source && `Sources : ${row.source}`,
  ];
  return lines.filter(Boolean).join("\n");
}
