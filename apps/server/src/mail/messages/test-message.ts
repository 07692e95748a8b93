import type { Locale } from "@trame/core";
import { footerFor, type MailContent } from "../render.ts";

/** Sent by an instance administrator to themselves from /admin/courriels, to check the SMTP settings. */
export function testMessage(locale: Locale, publicUrl: string): MailContent {
  const url = `${publicUrl}/admin/courriels`;
  return locale === "fr"
    ? {
        subject: "Trame : courriel d'essai",
        heading: "Les courriels partent bien",
        paragraphs: ["Ce message d'essai a été envoyé depuis l'administration de Trame."],
        action: { label: "Voir les courriels", url },
        fallback: "Si le bouton ne s'affiche pas, copiez ce lien :",
        footer: footerFor(locale),
      }
    : {
        subject: "Trame: test e-mail",
        heading: "E-mail is working",
        paragraphs: ["This test message was sent from Trame's administration."],
        action: { label: "See the e-mails", url },
        fallback: "If the button does not show, copy this link:",
        footer: footerFor(locale),
      };
}
