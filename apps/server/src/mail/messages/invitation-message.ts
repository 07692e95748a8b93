import { type Label, type Locale, type MembershipRole, membershipRoleLabels } from "@trame/core";
import { footerFor, type MailContent } from "../render.ts";

export interface InvitationFacts {
  inviterName: string;
  territoryName: string;
  role: MembershipRole;
  url: string;
  /** When the link stops working, as the recipient reads dates (26/11/2026). */
  expiresOn: string;
}

const lower = (label: Label, locale: Locale) => label[locale].toLowerCase();

/** To someone without an account: the single-use link to set their name and password. */
export function invitationMessage(locale: Locale, facts: InvitationFacts): MailContent {
  const role = lower(membershipRoleLabels[facts.role], locale);
  return locale === "fr"
    ? {
        subject: `${facts.inviterName} vous invite sur Trame (${facts.territoryName})`,
        heading: `Rejoignez ${facts.territoryName} sur Trame`,
        paragraphs: [
          `${facts.inviterName} vous invite à rejoindre ${facts.territoryName} sur Trame, avec le rôle ${role}.`,
          "Trame est l'espace de travail partagé des territoires qui coopèrent : actions communes, projets, financements et chronologie.",
          `Choisissez votre nom et votre mot de passe avec ce lien personnel, valable une seule fois, jusqu'au ${facts.expiresOn}.`,
        ],
        action: { label: "Accepter l'invitation", url: facts.url },
        fallback: "Si le bouton ne s'affiche pas, copiez ce lien dans votre navigateur :",
        footer: `${footerFor(locale)} Si vous n'attendiez pas cette invitation, ignorez ce message.`,
      }
    : {
        subject: `${facts.inviterName} invites you to Trame (${facts.territoryName})`,
        heading: `Join ${facts.territoryName} on Trame`,
        paragraphs: [
          `${facts.inviterName} invites you to join ${facts.territoryName} on Trame, as ${role}.`,
          "Trame is the shared workspace of cooperating territories: joint actions, projects, funding and timeline.",
          `Choose your name and password with this personal link, usable once, until ${facts.expiresOn}.`,
        ],
        action: { label: "Accept the invitation", url: facts.url },
        fallback: "If the button does not show, copy this link into your browser:",
        footer: `${footerFor(locale)} If you did not expect this invitation, ignore this message.`,
      };
}

/** To someone who already has an account: they now belong to one more territory. */
export function membershipAddedMessage(
  locale: Locale,
  facts: { inviterName: string; territoryName: string; role: MembershipRole; url: string },
): MailContent {
  const role = lower(membershipRoleLabels[facts.role], locale);
  return locale === "fr"
    ? {
        subject: `Vous avez rejoint ${facts.territoryName} sur Trame`,
        heading: `Bienvenue à ${facts.territoryName}`,
        paragraphs: [
          `${facts.inviterName} vous a rattaché à ${facts.territoryName} sur Trame, avec le rôle ${role}.`,
          "Connectez-vous comme d'habitude : le territoire apparaît déjà dans vos territoires.",
        ],
        action: { label: `Ouvrir ${facts.territoryName}`, url: facts.url },
        fallback: "Si le bouton ne s'affiche pas, copiez ce lien dans votre navigateur :",
        footer: footerFor(locale),
      }
    : {
        subject: `You joined ${facts.territoryName} on Trame`,
        heading: `Welcome to ${facts.territoryName}`,
        paragraphs: [
          `${facts.inviterName} added you to ${facts.territoryName} on Trame, as ${role}.`,
          "Sign in as usual: the territory is already among your territories.",
        ],
        action: { label: `Open ${facts.territoryName}`, url: facts.url },
        fallback: "If the button does not show, copy this link into your browser:",
        footer: footerFor(locale),
      };
}
