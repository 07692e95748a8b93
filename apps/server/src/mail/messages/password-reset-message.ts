import type { Locale } from "@trame/core";
import { footerFor, type MailContent } from "../render.ts";

/** The forgotten-password link: one hour, one use; says what to do when the request was not theirs. */
export function passwordResetMessage(locale: Locale, facts: { name: string; url: string; until: string }): MailContent {
  return locale === "fr"
    ? {
        subject: "Trame : choisir un nouveau mot de passe",
        heading: "Nouveau mot de passe",
        paragraphs: [
          `Bonjour ${facts.name},`,
          `Quelqu'un, sans doute vous, a demandé à changer le mot de passe de votre compte Trame. Ce lien personnel sert une seule fois, jusqu'à ${facts.until} (heure de Paris).`,
          "Une fois le mot de passe changé, toutes vos sessions ouvertes sont fermées : reconnectez-vous avec le nouveau.",
          "Si vous n'avez rien demandé, ignorez ce message : votre mot de passe reste le même.",
        ],
        action: { label: "Choisir un nouveau mot de passe", url: facts.url },
        fallback: "Si le bouton ne s'affiche pas, copiez ce lien dans votre navigateur :",
        footer: footerFor(locale),
      }
    : {
        subject: "Trame: choose a new password",
        heading: "New password",
        paragraphs: [
          `Hello ${facts.name},`,
          `Someone, probably you, asked to change the password of your Trame account. This personal link works once, until ${facts.until} (Paris time).`,
          "Once the password is changed, all your open sessions are closed: sign in again with the new one.",
          "If you asked for nothing, ignore this message: your password stays the same.",
        ],
        action: { label: "Choose a new password", url: facts.url },
        fallback: "If the button does not show, copy this link into your browser:",
        footer: footerFor(locale),
      };
}
