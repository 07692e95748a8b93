import { z } from "zod";
import type { Label } from "./label.ts";

export const ENGAGEMENT_FORMS = [
  "syndicat_mixte",
  "petr",
  "pnr",
  "scot",
  "pole_metropolitain",
  "entente",
  "gip",
  "spl_sem",
  "gect",
  "contrat_reciprocite",
  "contrat_cooperation",
  "protocole",
  "convention",
  "informal",
  "other",
] as const;
export const engagementFormSchema = z.enum(ENGAGEMENT_FORMS);
export type EngagementForm = z.infer<typeof engagementFormSchema>;

export const FORMALITY_CLASSES = ["statutory", "contractual", "informal"] as const;
export type FormalityClass = (typeof FORMALITY_CLASSES)[number];

/** The study's three degrees of engagement: a legal body, a signed contract, or neither. */
export const formalityOf: Record<EngagementForm, FormalityClass> = {
  syndicat_mixte: "statutory",
  petr: "statutory",
  pnr: "statutory",
  scot: "statutory",
  pole_metropolitain: "statutory",
  entente: "statutory",
  gip: "statutory",
  spl_sem: "statutory",
  gect: "statutory",
  contrat_reciprocite: "contractual",
  contrat_cooperation: "contractual",
  protocole: "contractual",
  convention: "contractual",
  informal: "informal",
  other: "informal",
};

export const engagementFormLabels: Record<EngagementForm, Label> = {
  syndicat_mixte: { fr: "Syndicat mixte", en: "Joint syndicate" },
  petr: { fr: "PETR", en: "Rural territorial hub (PETR)" },
  pnr: { fr: "Parc naturel régional", en: "Regional nature park" },
  scot: { fr: "SCoT", en: "Territorial coherence scheme (SCoT)" },
  pole_metropolitain: { fr: "Pôle métropolitain", en: "Metropolitan hub" },
  entente: { fr: "Entente intercommunale", en: "Inter-municipal agreement (entente)" },
  gip: { fr: "Groupement d'intérêt public", en: "Public interest grouping" },
  spl_sem: { fr: "SPL / SEM", en: "Local public company" },
  gect: { fr: "GECT", en: "European grouping of territorial cooperation" },
  contrat_reciprocite: { fr: "Contrat de réciprocité", en: "Reciprocity contract" },
  contrat_cooperation: { fr: "Contrat de coopération", en: "Cooperation contract" },
  protocole: { fr: "Protocole de coopération", en: "Cooperation protocol" },
  convention: { fr: "Convention", en: "Agreement" },
  informal: { fr: "Coopération informelle", en: "Informal cooperation" },
  other: { fr: "Autre forme", en: "Other form" },
};

export const formalityLabels: Record<FormalityClass, Label> = {
  statutory: { fr: "Statutaire", en: "Statutory" },
  contractual: { fr: "Contractuelle", en: "Contractual" },
  informal: { fr: "Informelle", en: "Informal" },
};
