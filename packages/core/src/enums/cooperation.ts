import { z } from "zod";
import type { Label } from "./label.ts";

export const COOPERATION_STATUSES = ["emerging", "active", "dormant", "ended"] as const;
export const cooperationStatusSchema = z.enum(COOPERATION_STATUSES);
export type CooperationStatus = z.infer<typeof cooperationStatusSchema>;
export const cooperationStatusLabels: Record<CooperationStatus, Label> = {
  emerging: { fr: "Émergente", en: "Emerging" },
  active: { fr: "Active", en: "Active" },
  dormant: { fr: "En sommeil", en: "Dormant" },
  ended: { fr: "Terminée", en: "Ended" },
};

export const MEMBER_ROLES = ["lead", "member", "associate"] as const;
export const memberRoleSchema = z.enum(MEMBER_ROLES);
export type MemberRole = z.infer<typeof memberRoleSchema>;
export const memberRoleLabels: Record<MemberRole, Label> = {
  lead: { fr: "Chef de file", en: "Lead" },
  member: { fr: "Membre", en: "Member" },
  associate: { fr: "Associé", en: "Associate" },
};

export const ENGINEERING_KINDS = [
  "metropolis_staff",
  "dedicated_team",
  "shared_service",
  "consultancy",
  "none",
] as const;
export const engineeringKindSchema = z.enum(ENGINEERING_KINDS);
export type EngineeringKind = z.infer<typeof engineeringKindSchema>;
export const engineeringKindLabels: Record<EngineeringKind, Label> = {
  metropolis_staff: {
    fr: "Agents de la métropole mis à disposition",
    en: "Metropolis staff made available",
  },
  dedicated_team: { fr: "Équipe dédiée", en: "Dedicated team" },
  shared_service: { fr: "Service commun", en: "Shared service" },
  consultancy: { fr: "Prestataire externe", en: "Consultancy" },
  none: { fr: "Aucune ingénierie dédiée", en: "No dedicated engineering" },
};

export const CONFIDENCES = ["confirmed", "inferred", "uncertain"] as const;
export const confidenceSchema = z.enum(CONFIDENCES);
export type Confidence = z.infer<typeof confidenceSchema>;
export const confidenceLabels: Record<Confidence, Label> = {
  confirmed: { fr: "Confirmé par la source", en: "Confirmed by the source" },
  inferred: { fr: "Déduit des données", en: "Inferred from data" },
  uncertain: { fr: "Non vérifié", en: "Not verified" },
};
