import { type Locale, mailCategoryLabels, notificationLink, notificationTitle } from "@trame/core";
import type { MailableNotification } from "@trame/db";
import { footerFor, type MailContent } from "../render.ts";

/** One notification on its own (delivery "immediately"), in the reader's language. */
export function notificationMessage(
  locale: Locale,
  notification: MailableNotification,
  publicUrl: string,
): MailContent {
  const title = notificationTitle(notification.event, locale, notification.actorName);
  const category = mailCategoryLabels[notification.category][locale];
  const url = `${publicUrl}${notificationLink(notification.event)}`;
  return locale === "fr"
    ? {
        subject: title,
        heading: title,
        paragraphs: [
          `Vous recevez ce courriel tout de suite pour la catégorie « ${category} ». Vous pouvez choisir un récapitulatif quotidien ou hebdomadaire dans « Mon compte » : ${publicUrl}/compte`,
        ],
        action: { label: "Voir dans Trame", url },
        fallback: "Si le bouton ne s'affiche pas, copiez ce lien dans votre navigateur :",
        footer: footerFor(locale),
      }
    : {
        subject: title,
        heading: title,
        paragraphs: [
          `You receive this e-mail at once for the category “${category}”. You can choose a daily or weekly digest on “My account”: ${publicUrl}/compte`,
        ],
        action: { label: "See it in Trame", url },
        fallback: "If the button does not show, copy this link into your browser:",
        footer: footerFor(locale),
      };
}
