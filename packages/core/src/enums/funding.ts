import { z } from "zod";
import type { Label } from "./label.ts";

export const FUNDER_KINDS = [
  "state",
  "eu",
  "region",
  "departement",
  "agency",
  "banque_territoires",
  "epci",
  "private",
] as const;
export const funderKindSchema = z.enum(FUNDER_KINDS);
export type FunderKind = z.infer<typeof funderKindSchema>;
export const funderKindLabels: Record<FunderKind, Label> = {
  state: { fr: "État", en: "State" },
  eu: { fr: "Union européenne", en: "European Union" },
  region: { fr: "Région", en: "Region" },
  departement: { fr: "Département", en: "Département" },
  agency: { fr: "Agence (ADEME, Agence de l'eau, ANCT…)", en: "Agency (ADEME, water agency, ANCT…)" },
  banque_territoires: { fr: "Banque des Territoires", en: "Banque des Territoires" },
  epci: { fr: "Intercommunalité", en: "Intercommunality" },
  private: { fr: "Financeur privé", en: "Private funder" },
};

export const APPLICATION_STATUSES = [
  "draft",
  "submitted",
  "under_review",
  "granted",
  "rejected",
  "withdrawn",
  "closed",
] as const;
export const applicationStatusSchema = z.enum(APPLICATION_STATUSES);
export type ApplicationStatus = z.infer<typeof applicationStatusSchema>;
export const applicationStatusLabels: Record<ApplicationStatus, Label> = {
  draft: { fr: "Brouillon", en: "Draft" },
  submitted: { fr: "Déposée", en: "Submitted" },
  under_review: { fr: "En instruction", en: "Under review" },
  granted: { fr: "Accordée", en: "Granted" },
  rejected: { fr: "Refusée", en: "Rejected" },
  withdrawn: { fr: "Retirée", en: "Withdrawn" },
  closed: { fr: "Soldée", en: "Closed" },
};
