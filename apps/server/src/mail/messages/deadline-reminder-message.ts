import type { Locale } from "@trame/core";
import type { DueReminder } from "@trame/db";
import { footerFor, type MailContent } from "../render.ts";

/** `YYYY-MM-DD` as read in France and in English alike here: 26/11/2026. */
const dayOf = (isoDate: string) => isoDate.split("-").reverse().join("/");

const WHAT = {
  submission: { fr: "le dépôt du dossier", en: "filing the application" },
  decision: { fr: "la décision attendue du financeur", en: "the funder's expected decision" },
  spending: { fr: "la fin des dépenses éligibles", en: "the end of eligible spending" },
} as const;

function when(locale: Locale, daysLeft: number): string {
  if (locale === "fr") return daysLeft === 0 ? "aujourd'hui" : daysLeft === 1 ? "demain" : `dans ${daysLeft} jours`;
  return daysLeft === 0 ? "today" : daysLeft === 1 ? "tomorrow" : `in ${daysLeft} days`;
}

/** A deadline of an application 30, 7 or 1 day(s) away, to the people who must act on it. */
export function deadlineReminderMessage(
  locale: Locale,
  reminder: DueReminder,
  urls: { project: string; preferences: string },
): MailContent {
  const what = WHAT[reminder.kind][locale];
  const on = dayOf(reminder.deadlineOn);
  const soon = when(locale, reminder.daysLeft);
  const aid = `${reminder.programmeName} (${reminder.funderName})`;
  return locale === "fr"
    ? {
        subject: `Échéance ${soon} : ${what} — ${reminder.projectTitle}`,
        heading: `${what.charAt(0).toUpperCase()}${what.slice(1)} ${soon}, le ${on}`,
        paragraphs: [
          `Projet « ${reminder.projectTitle} », demande de ${reminder.applicantName} au titre de ${aid}.`,
          `L'échéance est le ${on}, ${soon}.`,
          `Vous recevez ce rappel (30, 7 et 1 jours avant) en tant qu'éditeur ou administrateur du territoire demandeur ou chef de file. Réglez vos courriels : ${urls.preferences}`,
        ],
        action: { label: "Ouvrir le projet", url: urls.project },
        fallback: "Si le bouton ne s'affiche pas, copiez ce lien dans votre navigateur :",
        footer: `${footerFor(locale)} Pour ne plus recevoir ces rappels, utilisez le lien de désinscription de votre messagerie.`,
      }
    : {
        subject: `Deadline ${soon}: ${what} — ${reminder.projectTitle}`,
        heading: `${what.charAt(0).toUpperCase()}${what.slice(1)} ${soon}, on ${on}`,
        paragraphs: [
          `Project “${reminder.projectTitle}”, application by ${reminder.applicantName} to ${aid}.`,
          `The deadline is ${on}, ${soon}.`,
          `You receive this reminder (30, 7 and 1 days before) as an editor or administrator of the applicant or lead territory. Your e-mail settings: ${urls.preferences}`,
        ],
        action: { label: "Open the project", url: urls.project },
        fallback: "If the button does not show, copy this link into your browser:",
        footer: `${footerFor(locale)} To stop these reminders, use your mail client's unsubscribe link.`,
      };
}
