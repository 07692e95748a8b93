import { z } from "zod";
import type { Label } from "./label.ts";

export const PROJECT_STATUSES = ["idea", "planned", "in_progress", "completed", "suspended", "abandoned"] as const;
export const projectStatusSchema = z.enum(PROJECT_STATUSES);
export type ProjectStatus = z.infer<typeof projectStatusSchema>;
export const projectStatusLabels: Record<ProjectStatus, Label> = {
  idea: { fr: "Idée", en: "Idea" },
  planned: { fr: "Programmé", en: "Planned" },
  in_progress: { fr: "En cours", en: "In progress" },
  completed: { fr: "Achevé", en: "Completed" },
  suspended: { fr: "Suspendu", en: "Suspended" },
  abandoned: { fr: "Abandonné", en: "Abandoned" },
};

export const PARTNER_ROLES = ["lead", "co_owner", "partner", "funder", "engineering_provider", "observer"] as const;
export const partnerRoleSchema = z.enum(PARTNER_ROLES);
export type PartnerRole = z.infer<typeof partnerRoleSchema>;
export const partnerRoleLabels: Record<PartnerRole, Label> = {
  lead: { fr: "Chef de file", en: "Lead" },
  co_owner: { fr: "Co-maître d'ouvrage", en: "Co-owner" },
  partner: { fr: "Partenaire", en: "Partner" },
  funder: { fr: "Financeur", en: "Funder" },
  engineering_provider: { fr: "Apporteur d'ingénierie", en: "Engineering provider" },
  observer: { fr: "Observateur", en: "Observer" },
};

export const VISIBILITIES = ["network", "partners"] as const;
export const visibilitySchema = z.enum(VISIBILITIES);
export type Visibility = z.infer<typeof visibilitySchema>;
export const visibilityLabels: Record<Visibility, Label> = {
  network: { fr: "Visible par tout le réseau", en: "Visible to the whole network" },
  partners: { fr: "Réservé aux partenaires", en: "Restricted to partners" },
};
