import type { ActionKind, EngineeringKind, PartnerRole, ProjectStatus, Theme, Visibility } from "@trame/core";

/** A territory by SIREN (EPCI) or by the label of a non-EPCI body (see OTHER_BODIES). */
export type TerritoryRef = string;

export interface DemoAction {
  on: string;
  kind: ActionKind;
  title: string;
  notes?: string;
}

export interface DemoProject {
  /**
   * The seed's own name for the project, recorded in `seed_marks`: how a restart knows it created
   * the project whatever a user has since renamed or changed. Never change a key once shipped.
   */
  key: string;
  cooperation: string;
  title: string;
  summary: string;
  themes: Theme[];
  partners: Array<[TerritoryRef, PartnerRole]>;
  /** Dated steps from the first (the project's creation) to the current status. */
  statuses: Array<[ProjectStatus, string]>;
  budgetEuros?: number;
  engineering?: { provider: TerritoryRef; fte: number; kind: EngineeringKind };
  visibility?: Visibility;
  actions: DemoAction[];
}

const BDX = "243300316";
const MTP = "243400017";
const ORL = "244500468";
const STR = "246700488";

/**
 * Demo projects grounded in the real structures of the study (their ids are the curated
 * structure ids). Titles, dates and notes of these projects and their actions are illustrative,
 * written for the demo; the cooperations they sit in, their members and dates are real.
 */
export const DEMO_PROJECTS: DemoProject[] = [
  {
    cooperation: "MTP-CR-VALLEEHERAULT",
    key: "a750",
    title: "Axe A750 : covoiturage et lignes express domicile-travail",
    summary:
      "Volet mobilité du contrat de réciprocité : aires de covoiturage le long de l'A750, lignes express entre la vallée de l'Hérault et Montpellier, information voyageurs commune.",
    themes: ["mobility"],
    partners: [
      [MTP, "lead"],
      ["243400694", "co_owner"],
    ],
    statuses: [
      ["idea", "2022-06-22"],
      ["planned", "2023-01-16"],
      ["in_progress", "2023-09-04"],
    ],
    budgetEuros: 1_850_000,
    engineering: { provider: MTP, fte: 0.5, kind: "metropolis_staff" },
    actions: [
      { on: "2022-07-05", kind: "meeting", title: "Comité de pilotage de lancement du volet mobilité" },
      { on: "2022-11-17", kind: "study", title: "Enquête sur les déplacements domicile-travail le long de l'A750" },
      { on: "2023-03-09", kind: "workshop", title: "Atelier aires de covoiturage avec les communes de la vallée" },
      {
        on: "2023-06-29",
        kind: "decision",
        title: "Délibération de la CC Vallée de l'Hérault sur le schéma des aires",
      },
      { on: "2023-09-04", kind: "milestone", title: "Mise en service de la ligne express Gignac – Montpellier" },
      { on: "2024-05-21", kind: "field_visit", title: "Visite du pôle d'échanges de Saint-André-de-Sangonis" },
      { on: "2025-02-11", kind: "meeting", title: "Comité de suivi annuel du volet mobilité" },
      { on: "2026-10-08", kind: "communication", title: "Publication du bilan de fréquentation des lignes express" },
    ],
  },
  {
    cooperation: "MTP-CR-VALLEEHERAULT",
    key: "cantines",
    title: "Restauration collective : approvisionnement local",
    summary: "Relier les producteurs de la vallée de l'Hérault aux cuisines centrales de la métropole.",
    themes: ["food"],
    partners: [
      [MTP, "lead"],
      ["243400694", "partner"],
    ],
    statuses: [
      ["idea", "2023-04-12"],
      ["planned", "2024-02-01"],
    ],
    budgetEuros: 240_000,
    actions: [
      { on: "2023-04-12", kind: "workshop", title: "Atelier producteurs de la vallée et cuisines centrales" },
      { on: "2024-02-01", kind: "decision", title: "Adoption de la feuille de route alimentation" },
      { on: "2025-03-18", kind: "field_visit", title: "Visite d'une légumerie intercommunale" },
    ],
  },
  {
    cooperation: "MTP-CR-GPSL",
    key: "lez",
    title: "Ressource en eau du Lez et des garrigues",
    summary: "Connaître et partager la ressource : prélèvements, karst du Lez, sécurisation de l'eau potable.",
    themes: ["water", "biodiversity"],
    partners: [
      [MTP, "lead"],
      ["200022986", "co_owner"],
    ],
    statuses: [
      ["idea", "2018-01-10"],
      ["planned", "2018-06-15"],
      ["in_progress", "2019-03-01"],
    ],
    budgetEuros: 620_000,
    engineering: { provider: MTP, fte: 0.3, kind: "metropolis_staff" },
    actions: [
      { on: "2018-02-06", kind: "meeting", title: "Première réunion technique eau potable" },
      { on: "2018-10-02", kind: "study", title: "Étude des prélèvements sur le bassin du Lez" },
      { on: "2019-03-01", kind: "signature", title: "Convention de mise en œuvre du volet eau" },
      { on: "2021-09-23", kind: "public_event", title: "Journée « garrigues et eau » à Saint-Martin-de-Londres" },
      { on: "2024-04-09", kind: "meeting", title: "Comité technique sécurisation de l'eau potable" },
    ],
  },
  {
    cooperation: "BDX-PROT-VGA",
    key: "vga",
    title: "Logistique alimentaire Val de Garonne – Bordeaux",
    summary:
      "Mutualiser la logistique des produits maraîchers du Val de Garonne vers la restauration collective de la métropole.",
    themes: ["food"],
    partners: [
      [BDX, "lead"],
      ["200030674", "co_owner"],
    ],
    statuses: [
      ["idea", "2018-03-15"],
      ["planned", "2018-09-01"],
      ["in_progress", "2019-01-14"],
      ["completed", "2020-12-15"],
    ],
    budgetEuros: 410_000,
    actions: [
      { on: "2018-03-15", kind: "meeting", title: "Rencontre des exécutifs sur le volet alimentaire du protocole" },
      { on: "2018-11-20", kind: "study", title: "Diagnostic des flux de produits maraîchers vers l'agglomération" },
      { on: "2019-05-14", kind: "workshop", title: "Atelier producteurs : plateforme de groupement" },
      { on: "2019-10-03", kind: "field_visit", title: "Visite d'exploitations maraîchères autour de Marmande" },
      { on: "2020-06-30", kind: "milestone", title: "Première livraison mutualisée vers la restauration scolaire" },
      { on: "2020-12-15", kind: "meeting", title: "Bilan du protocole 2018-2020, volet alimentaire" },
    ],
  },
  {
    cooperation: "BDX-PNR-MEDOC",
    key: "medoc",
    title: "Zones humides et eau potable du Médoc",
    summary:
      "Inventaire et plan de gestion des zones humides de l'estuaire ; ingénierie apportée par des agents de Bordeaux Métropole mis à disposition.",
    themes: ["water", "biodiversity"],
    partners: [
      ["200069995", "lead"],
      ["243301447", "partner"],
      ["243301389", "partner"],
      [BDX, "engineering_provider"],
    ],
    statuses: [
      ["idea", "2019-09-12"],
      ["planned", "2020-02-04"],
      ["in_progress", "2021-01-11"],
    ],
    budgetEuros: 780_000,
    engineering: { provider: BDX, fte: 0.4, kind: "metropolis_staff" },
    actions: [
      { on: "2019-09-12", kind: "meeting", title: "Réunion de lancement avec le Parc naturel régional" },
      { on: "2020-02-04", kind: "study", title: "Inventaire des zones humides de l'estuaire" },
      { on: "2021-05-20", kind: "field_visit", title: "Visite des marais du nord-Médoc" },
      { on: "2022-03-22", kind: "workshop", title: "Atelier nappes profondes et sécurisation de l'eau potable" },
      { on: "2024-11-14", kind: "decision", title: "Délibération sur le plan de gestion des zones humides" },
      { on: "2026-02-02", kind: "public_event", title: "Journée mondiale des zones humides au Parc" },
    ],
  },
  {
    cooperation: "BDX-MOB-NAM",
    key: "titre",
    title: "Titre de transport combiné métropole – intercommunalités",
    summary:
      "Un seul titre pour le car régional et le réseau métropolitain ; réservé aux partenaires tant que la tarification est en négociation.",
    themes: ["mobility"],
    partners: [
      [BDX, "lead"],
      ["200070092", "partner"],
      ["243301264", "partner"],
      ["243301504", "partner"],
    ],
    statuses: [
      ["idea", "2021-06-10"],
      ["planned", "2022-01-25"],
      ["in_progress", "2023-09-01"],
    ],
    visibility: "partners",
    budgetEuros: 1_200_000,
    actions: [
      { on: "2021-06-10", kind: "meeting", title: "Groupe de travail tarification" },
      { on: "2022-01-25", kind: "study", title: "Étude des usages et des recettes" },
      { on: "2023-09-01", kind: "milestone", title: "Lancement du titre combiné en test" },
      { on: "2025-05-13", kind: "meeting", title: "Comité des financeurs : répartition des recettes" },
    ],
  },
  {
    cooperation: "BDX-SCOT-SYSDAU",
    key: "tvb",
    title: "Trame verte et bleue de l'aire métropolitaine",
    summary: "Continuités écologiques entre la métropole et les CC du SCoT, déclinées dans les PLU.",
    themes: ["biodiversity", "land_use"],
    partners: [
      [BDX, "lead"],
      ["243301264", "partner"],
      ["243301165", "partner"],
    ],
    statuses: [
      ["idea", "2023-02-14"],
      ["planned", "2024-06-18"],
    ],
    actions: [
      { on: "2023-02-14", kind: "workshop", title: "Atelier continuités écologiques avec les CC" },
      { on: "2024-06-18", kind: "study", title: "Cartographie des corridors écologiques" },
      { on: "2025-10-07", kind: "meeting", title: "Comité syndical : présentation de la trame" },
    ],
  },
  {
    cooperation: "ORL-PETR-FOLS",
    key: "pat-fols",
    title: "Projet alimentaire territorial Forêt d'Orléans – Loire – Sologne",
    summary: "Diagnostic agricole, circuits courts et restauration scolaire à l'échelle du PETR.",
    themes: ["food"],
    partners: [
      ["244500427", "lead"],
      ["244500484", "partner"],
      ["200070100", "partner"],
    ],
    statuses: [
      ["idea", "2020-10-06"],
      ["planned", "2021-03-16"],
      ["in_progress", "2022-05-12"],
    ],
    budgetEuros: 180_000,
    actions: [
      { on: "2020-10-06", kind: "meeting", title: "Comité de pilotage du PAT" },
      { on: "2021-03-16", kind: "study", title: "Diagnostic agricole et alimentaire du territoire" },
      { on: "2022-05-12", kind: "decision", title: "Adoption du plan d'actions du PAT" },
      { on: "2023-11-09", kind: "public_event", title: "Marché des producteurs locaux" },
    ],
  },
  {
    cooperation: "ORL-INTERSCOT",
    key: "foncier",
    title: "Observatoire foncier interSCoT",
    summary: "Suivre la consommation d'espace et le ZAN à l'échelle de l'aire orléanaise, avec l'agence d'urbanisme.",
    themes: ["land_use"],
    partners: [
      [ORL, "lead"],
      ["244500427", "partner"],
      ["200070183", "partner"],
    ],
    statuses: [
      ["idea", "2019-04-11"],
      ["planned", "2019-09-01"],
      ["in_progress", "2020-09-24"],
    ],
    engineering: { provider: ORL, fte: 0.2, kind: "shared_service" },
    actions: [
      { on: "2019-04-11", kind: "meeting", title: "Réunion interSCoT de lancement" },
      { on: "2020-09-24", kind: "study", title: "Mesure de la consommation d'espace 2011-2020" },
      { on: "2022-12-06", kind: "communication", title: "Publication de l'atlas foncier interSCoT" },
    ],
  },
  {
    cooperation: "STR-EURODISTRICT",
    key: "eurodistrict",
    title: "Mobilité transfrontalière Strasbourg – Ortenau",
    summary: "Tram vers Kehl, covoiturage et information voyageurs bilingue pour les travailleurs frontaliers.",
    themes: ["mobility"],
    partners: [
      [STR, "lead"],
      ["Ortenaukreis (DE)", "partner"],
      ["Ville de Kehl (DE)", "partner"],
      ["200067924", "observer"],
    ],
    statuses: [
      ["idea", "2015-03-02"],
      ["planned", "2015-11-20"],
      ["in_progress", "2017-04-28"],
    ],
    actions: [
      { on: "2017-04-28", kind: "milestone", title: "Mise en service du tram Strasbourg – Kehl" },
      { on: "2019-11-05", kind: "study", title: "Enquête sur les déplacements des travailleurs frontaliers" },
      { on: "2021-06-15", kind: "workshop", title: "Atelier covoiturage transfrontalier" },
      { on: "2023-10-12", kind: "meeting", title: "Conseil de l'Eurodistrict : volet mobilité" },
      { on: "2025-09-18", kind: "public_event", title: "Journée franco-allemande de la mobilité" },
    ],
  },
  {
    cooperation: "STR-SCOTERS",
    key: "scoters",
    title: "Adaptation au changement climatique dans le SCOTERS",
    summary: "Îlots de chaleur, coulées d'eaux boueuses et ressource en eau intégrés à la révision du SCoT.",
    themes: ["climate_adaptation", "water"],
    partners: [
      [STR, "lead"],
      ["200034635", "partner"],
      ["246700959", "partner"],
    ],
    statuses: [
      ["idea", "2021-09-14"],
      ["planned", "2022-02-08"],
      ["in_progress", "2023-05-23"],
    ],
    actions: [
      { on: "2022-02-08", kind: "study", title: "Diagnostic de vulnérabilité au changement climatique" },
      {
        on: "2023-05-23",
        kind: "workshop",
        title: "Atelier coulées d'eaux boueuses avec les agriculteurs du Kochersberg",
      },
      { on: "2024-09-10", kind: "decision", title: "Orientations climat intégrées au projet de SCoT révisé" },
      { on: "2025-12-15", kind: "milestone", title: "Approbation de la révision du SCOTERS" },
    ],
  },
];
