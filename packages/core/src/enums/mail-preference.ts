import { z } from "zod";
import type { Label } from "./label.ts";

/**
 * What a person may be told by e-mail, one choice each (issue 14): the five kinds of in-app
 * notification, the deadline reminders, and the digest itself (what happened in their cooperations
 * with the deadlines of the next 30 days).
 */
export const MAIL_CATEGORIES = [
  "action",
  "project_status",
  "funding",
  "membership",
  "invitation",
  "reminder",
  "digest",
] as const;
export const mailCategorySchema = z.enum(MAIL_CATEGORIES);
export type MailCategory = z.infer<typeof mailCategorySchema>;

/** When: one e-mail each time, gathered in the daily or the weekly digest, or not by e-mail at all. */
export const MAIL_DELIVERIES = ["immediately", "daily", "weekly", "never"] as const;
export const mailDeliverySchema = z.enum(MAIL_DELIVERIES);
export type MailDelivery = z.infer<typeof mailDeliverySchema>;

/**
 * Defaults: what needs a person's hand (a funding decision, a new territory, an invitation, a
 * deadline) comes at once; the daily stream of partners' actions and status changes waits for the
 * daily digest, so nobody is flooded the day a cooperation gets busy.
 */
export const DEFAULT_MAIL_DELIVERY: Record<MailCategory, MailDelivery> = {
  action: "daily",
  project_status: "daily",
  funding: "immediately",
  membership: "immediately",
  invitation: "immediately",
  reminder: "immediately",
  digest: "weekly",
};

export const mailCategoryLabels: Record<MailCategory, Label> = {
  action: { fr: "Actions des partenaires", en: "Partners' actions" },
  project_status: { fr: "Changements de statut des projets", en: "Project status changes" },
  funding: { fr: "Financements (étapes et versements)", en: "Funding (steps and payments)" },
  membership: { fr: "Territoires qui rejoignent ou quittent", en: "Territories joining or leaving" },
  invitation: { fr: "Invitations et demandes d'accès", en: "Invitations and access requests" },
  reminder: { fr: "Rappels d'échéances (30, 7 et 1 jours avant)", en: "Deadline reminders (30, 7 and 1 days before)" },
  digest: { fr: "Récapitulatif et échéances à 30 jours", en: "Summary and deadlines of the next 30 days" },
};

export const mailDeliveryLabels: Record<MailDelivery, Label> = {
  immediately: { fr: "Tout de suite", en: "Immediately" },
  daily: { fr: "Récapitulatif quotidien", en: "Daily digest" },
  weekly: { fr: "Récapitulatif hebdomadaire", en: "Weekly digest" },
  never: { fr: "Jamais", en: "Never" },
};

export const mailPreferenceSetSchema = z.object({
  category: mailCategorySchema,
  delivery: mailDeliverySchema,
});
export type MailPreferenceSet = z.infer<typeof mailPreferenceSetSchema>;
