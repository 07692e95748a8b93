import type { ApplicationStatus } from "@trame/core";
import type { TerritoryRef } from "./demo-projects.data.ts";

/** A fixed day, or a number of days from the seed's run: demo deadlines stay ahead of whoever opens it. */
export type DemoDate = string | { inDays: number };

export type DemoStep = `${ApplicationStatus} ${string}`;

export interface DemoApplication {
  /** The demo project's key (DemoProject.key). */
  project: string;
  applicant: TerritoryRef;
  /** The programme's curated id, stored as its external_ref. */
  programme: string;
  callReference: string;
  /** The eligible base (assiette), the amount requested and, once decided, the amount granted. */
  euros: { base?: number; requested: number; granted?: number };
  /** "status YYYY-MM-DD", then the comment a chargée de mission would write: every step from the draft on. */
  steps: DemoStep[];
  /** The decision and what follows it; payments are recorded after the grant, before the closing. */
  decision?: DemoStep[];
  /** Euros paid, by payment day. */
  payments?: Record<string, number>;
  submissionDeadline?: DemoDate;
  agreementSignedOn?: string;
  spendingDeadline?: DemoDate;
}

export interface DemoOwnFunds {
  /** The demo project's key (DemoProject.key). */
  project: string;
  /** Animation and studies are operating costs, outside the 20 % rule on investments. */
  isInvestment: boolean;
  ownFunds: Array<[TerritoryRef, number]>;
}

const BDX = "243300316";
const MTP = "243400017";
const ORL = "244500468";
const STR = "246700488";
const CC_VALLEE_HERAULT = "243400694";
const CC_GRAND_PIC_SAINT_LOUP = "200022986";
const VAL_DE_GARONNE = "200030674";
const CC_MEDOC_COEUR = "200069995";
const CC_MEDOC_ESTUAIRE = "243301447";
const CC_MEDULLIENNE = "243301389";
const LIBOURNAIS = "200070092";
const CC_MONTESQUIEU = "243301264";
const COBAN = "243301504";
const CC_LOGES = "244500427";
const CC_FORET = "244500484";
const CC_VAL_DE_SULLY = "200070100";
const CC_KOCHERSBERG = "200034635";
const CC_PAYS_ZORN = "246700959";

/** The demo projects, by their keys. */
const A750 = "a750";
const CANTINES = "cantines";
const LEZ = "lez";
const VGA = "vga";
const MEDOC = "medoc";
const TITRE = "titre";
const TVB = "tvb";
const PAT_FOLS = "pat-fols";
const FONCIER = "foncier";
const EURODISTRICT = "eurodistrict";
const SCOTERS = "scoters";

const PAID_IN_FULL = "Soldée : versements complets";

/**
 * Applications of the demo projects to real programmes of the curated catalogue, in every status.
 * The programmes, their funders and perimeters are real; amounts, dates and comments are
 * illustrative, written for the demo.
 */
export const DEMO_APPLICATIONS: DemoApplication[] = [
  {
    project: A750,
    applicant: MTP,
    programme: "FR-DSIL",
    callReference: "DSIL 2023 – Hérault",
    euros: { base: 900_000, requested: 450_000, granted: 400_000 },
    steps: ["draft 2022-11-02", "submitted 2023-01-20", "under_review 2023-02-06"],
    decision: ["granted 2023-05-12 Arrêté préfectoral attributif", `closed 2025-03-18 ${PAID_IN_FULL}`],
    payments: { "2023-10-02": 160_000, "2024-06-14": 120_000, "2025-03-18": 120_000 },
    agreementSignedOn: "2023-06-01",
  },
  {
    project: A750,
    applicant: CC_VALLEE_HERAULT,
    programme: "FR-FONDS-VERT",
    callReference: "Fonds vert 2023 – covoiturage",
    euros: { base: 600_000, requested: 300_000, granted: 250_000 },
    steps: ["draft 2023-02-10", "submitted 2023-03-31", "under_review 2023-04-14"],
    decision: ["granted 2023-07-20 Notification de la préfecture de l'Hérault"],
    payments: { "2024-02-05": 75_000, "2025-01-20": 75_000 },
    spendingDeadline: "2027-07-20",
  },
  {
    project: A750,
    applicant: CC_VALLEE_HERAULT,
    programme: "REG-OCC-CTO",
    callReference: "CTO Cœur d'Hérault 2026",
    euros: { base: 400_000, requested: 200_000 },
    steps: ["draft 2026-03-02", "submitted 2026-05-15", "under_review 2026-06-01"],
  },
  {
    project: CANTINES,
    applicant: MTP,
    programme: "FR-PNA-PAT",
    callReference: "AAP PNA 2026-2027",
    euros: { base: 200_000, requested: 80_000 },
    steps: ["draft 2026-09-15"],
    submissionDeadline: { inDays: 21 },
  },
  {
    project: LEZ,
    applicant: MTP,
    programme: "AE-RMC",
    callReference: "Économies d'eau 2018",
    euros: { base: 620_000, requested: 310_000, granted: 248_000 },
    steps: ["draft 2018-09-03", "submitted 2018-10-15", "under_review 2018-11-05"],
    decision: ["granted 2019-02-21 Aide de 40 % de l'assiette"],
    payments: { "2019-09-30": 100_000, "2021-06-15": 74_400 },
    spendingDeadline: "2026-06-30",
  },
  {
    project: LEZ,
    applicant: CC_GRAND_PIC_SAINT_LOUP,
    programme: "FR-FONDS-VERT",
    callReference: "Fonds vert 2023 – renaturation",
    euros: { base: 180_000, requested: 90_000 },
    steps: ["draft 2023-04-03", "submitted 2023-05-30", "under_review 2023-06-12"],
    decision: ["rejected 2023-10-05 Dossier non retenu : enveloppe départementale épuisée"],
  },
  {
    project: VGA,
    applicant: VAL_DE_GARONNE,
    programme: "FR-PNA-PAT",
    callReference: "AAP PNA 2017-2018",
    euros: { base: 150_000, requested: 70_000, granted: 60_000 },
    steps: ["draft 2018-01-22", "submitted 2018-03-09", "under_review 2018-03-26"],
    decision: ["granted 2018-07-10", `closed 2021-03-15 ${PAID_IN_FULL}`],
    payments: { "2018-12-14": 30_000, "2021-03-15": 30_000 },
  },
  {
    project: VGA,
    applicant: BDX,
    programme: "REG-NA-CDT",
    callReference: "Contrat de développement 2018",
    euros: { base: 300_000, requested: 100_000 },
    steps: ["draft 2018-04-02", "submitted 2018-05-14", "under_review 2018-05-28"],
    decision: ["rejected 2018-10-19 La Région réserve ce contrat aux territoires hors métropole"],
  },
  {
    project: MEDOC,
    applicant: CC_MEDOC_COEUR,
    programme: "AE-AG",
    callReference: "Zones humides 2020",
    euros: { base: 780_000, requested: 390_000, granted: 390_000 },
    steps: ["draft 2020-09-07", "submitted 2020-11-16", "under_review 2020-12-01"],
    decision: ["granted 2021-03-25 Aide de 50 % de l'assiette"],
    payments: { "2021-10-11": 156_000 },
    spendingDeadline: { inDays: 45 },
  },
  {
    project: MEDOC,
    applicant: CC_MEDOC_ESTUAIRE,
    programme: "FR-FONDS-VERT",
    callReference: "Fonds vert 2026 – renaturation",
    euros: { base: 240_000, requested: 120_000 },
    steps: ["draft 2026-07-01", "submitted 2026-09-25"],
  },
  {
    project: TITRE,
    applicant: BDX,
    programme: "FR-DSIL",
    callReference: "DSIL 2022 – Gironde",
    euros: { requested: 400_000 },
    steps: ["draft 2022-02-14", "submitted 2022-03-31"],
    decision: ["withdrawn 2022-09-12 Redéposée au Fonds vert, mieux adapté au volet mobilité"],
  },
  {
    project: TITRE,
    applicant: BDX,
    programme: "FR-FONDS-VERT",
    callReference: "Fonds vert 2023 – mobilités",
    euros: { base: 960_000, requested: 480_000, granted: 360_000 },
    steps: ["draft 2022-10-03", "submitted 2023-01-31", "under_review 2023-02-15"],
    decision: ["granted 2023-06-29"],
    agreementSignedOn: "2023-09-12",
    spendingDeadline: { inDays: 35 },
  },
  {
    project: TVB,
    applicant: BDX,
    programme: "AE-AG",
    callReference: "Continuités écologiques 2027",
    euros: { base: 300_000, requested: 150_000 },
    steps: ["draft 2026-10-05"],
    submissionDeadline: { inDays: 20 },
  },
  {
    project: PAT_FOLS,
    applicant: CC_LOGES,
    programme: "FR-PNA-PAT",
    callReference: "AAP PNA 2020-2021",
    euros: { base: 120_000, requested: 75_000, granted: 60_000 },
    steps: ["draft 2020-11-02", "submitted 2020-12-18", "under_review 2021-01-11"],
    decision: ["granted 2021-04-29 Labellisation PAT de niveau 1", `closed 2024-02-12 ${PAID_IN_FULL}`],
    payments: { "2021-09-20": 30_000, "2024-02-12": 30_000 },
  },
  {
    project: PAT_FOLS,
    applicant: CC_LOGES,
    programme: "EU-LEADER",
    callReference: "GAL Forêt d'Orléans-Loire-Sologne 2026",
    euros: { base: 80_000, requested: 40_000 },
    steps: [
      "draft 2026-03-09",
      "submitted 2026-05-29",
      "under_review 2026-06-15",
      "submitted 2026-08-03 Pièces complémentaires demandées par le GAL",
      "under_review 2026-09-01",
    ],
  },
  {
    project: PAT_FOLS,
    applicant: CC_FORET,
    programme: "DEP-45-CDSPS",
    callReference: "Contrat départemental 2022",
    euros: { base: 40_000, requested: 20_000, granted: 15_000 },
    steps: ["draft 2022-01-10", "submitted 2022-02-25", "under_review 2022-03-07"],
    decision: ["granted 2022-06-20"],
    payments: { "2023-01-16": 7_500 },
    spendingDeadline: { inDays: 30 },
  },
  {
    project: FONCIER,
    applicant: ORL,
    programme: "DEP-45-CDSPS",
    callReference: "Contrat départemental 2020",
    euros: { requested: 50_000 },
    steps: ["draft 2020-02-03", "submitted 2020-03-20", "under_review 2020-04-06"],
    decision: ["rejected 2020-07-09 La métropole n'est pas éligible au contrat départemental"],
  },
  {
    project: FONCIER,
    applicant: ORL,
    programme: "EU-FEDER-CVL",
    callReference: "FEDER Centre-Val de Loire – observation foncière",
    euros: { base: 200_000, requested: 100_000 },
    steps: ["draft 2026-10-20"],
    submissionDeadline: { inDays: 40 },
  },
  {
    project: EURODISTRICT,
    applicant: STR,
    programme: "EU-INTERREG-RS",
    callReference: "Interreg V Rhin Supérieur – appel 2016",
    euros: { base: 2_200_000, requested: 1_320_000, granted: 1_100_000 },
    steps: ["draft 2016-01-11", "submitted 2016-03-31", "under_review 2016-04-18"],
    decision: ["granted 2016-10-20 Comité de suivi du programme", `closed 2022-11-30 ${PAID_IN_FULL}`],
    payments: { "2018-05-15": 440_000, "2020-06-30": 330_000, "2022-11-30": 330_000 },
  },
  {
    project: EURODISTRICT,
    applicant: STR,
    programme: "EU-INTERREG-RS",
    callReference: "Interreg VI Rhin Supérieur – appel 2026",
    euros: { base: 1_400_000, requested: 800_000 },
    steps: ["draft 2025-11-03", "submitted 2026-03-31", "under_review 2026-04-20"],
  },
  {
    project: SCOTERS,
    applicant: CC_PAYS_ZORN,
    programme: "AE-RM",
    callReference: "Coulées d'eaux boueuses 2023",
    euros: { base: 300_000, requested: 150_000, granted: 120_000 },
    steps: ["draft 2023-09-04", "submitted 2023-10-31", "under_review 2023-11-13"],
    decision: ["granted 2024-03-14"],
    payments: { "2024-11-04": 60_000 },
    spendingDeadline: { inDays: 50 },
  },
  {
    project: SCOTERS,
    applicant: STR,
    programme: "REG-GE-PTRTE",
    callReference: "PTRTE Eurométropole 2026",
    euros: { base: 500_000, requested: 200_000 },
    steps: ["draft 2026-06-02", "submitted 2026-10-14"],
  },
  {
    project: SCOTERS,
    applicant: CC_KOCHERSBERG,
    programme: "FR-FONDS-VERT",
    callReference: "Fonds vert 2026 – adaptation",
    euros: { base: 160_000, requested: 80_000 },
    steps: ["draft 2026-08-24"],
    submissionDeadline: { inDays: -10 },
  },
];

/**
 * Own funds of some partners, so the demo plans show both warnings: the Lez (lead under 20 %, not
 * covered), the Eurodistrict (under 20 %, an Interreg project: one of the exceptions), a covered one.
 */
export const DEMO_OWN_FUNDS: DemoOwnFunds[] = [
  {
    project: A750,
    isInvestment: true,
    ownFunds: [
      [MTP, 500_000],
      [CC_VALLEE_HERAULT, 150_000],
    ],
  },
  {
    project: CANTINES,
    isInvestment: false,
    ownFunds: [
      [MTP, 60_000],
      [CC_VALLEE_HERAULT, 20_000],
    ],
  },
  {
    project: LEZ,
    isInvestment: true,
    ownFunds: [
      [MTP, 60_000],
      [CC_GRAND_PIC_SAINT_LOUP, 20_000],
    ],
  },
  {
    project: VGA,
    isInvestment: true,
    ownFunds: [
      [BDX, 200_000],
      [VAL_DE_GARONNE, 150_000],
    ],
  },
  {
    project: MEDOC,
    isInvestment: true,
    ownFunds: [
      [CC_MEDOC_COEUR, 156_000],
      [CC_MEDOC_ESTUAIRE, 60_000],
      [CC_MEDULLIENNE, 20_000],
    ],
  },
  {
    project: TITRE,
    isInvestment: true,
    ownFunds: [
      [BDX, 360_000],
      [LIBOURNAIS, 40_000],
      [CC_MONTESQUIEU, 20_000],
      [COBAN, 20_000],
    ],
  },
  {
    project: PAT_FOLS,
    isInvestment: false,
    ownFunds: [
      [CC_LOGES, 30_000],
      [CC_FORET, 10_000],
      [CC_VAL_DE_SULLY, 5_000],
    ],
  },
  {
    project: EURODISTRICT,
    isInvestment: true,
    ownFunds: [
      [STR, 400_000],
      ["Ortenaukreis (DE)", 150_000],
      ["Ville de Kehl (DE)", 100_000],
    ],
  },
];
