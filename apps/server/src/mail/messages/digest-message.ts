import { deadlineKindLabels, type Locale, notificationLink, notificationTitle } from "@trame/core";
import type { DatedDeadline, DigestPeriod, MailableNotification } from "@trame/db";
import { footerFor, type MailContent } from "../render.ts";

const dayOf = (isoDate: string) => isoDate.split("-").reverse().join("/");

/**
 * A daily or weekly digest: what happened in the reader's cooperations (the notifications of the
 * categories they put in this digest) and, when they chose it, the deadlines of the next 30 days.
 */
export function digestMessage(
  locale: Locale,
  input: {
    period: DigestPeriod;
    /** The first day covered and the digest's day (excluded), `YYYY-MM-DD`. */
    from: string;
    day: string;
    notifications: readonly MailableNotification[];
    deadlines: readonly DatedDeadline[] | null;
    publicUrl: string;
  },
): MailContent {
  const fr = locale === "fr";
  const events = input.notifications.map((n) => ({
    text: notificationTitle(n.event, locale, n.actorName),
    url: `${input.publicUrl}${notificationLink(n.event)}`,
  }));
  const deadlines = (input.deadlines ?? []).map((d) => {
    const what = deadlineKindLabels[d.kind][locale];
    const aid = d.application ? ` — ${d.application.programme.name}` : "";
    return {
      text: fr
        ? `${dayOf(d.on)} (dans ${d.daysLeft} j) : ${what}, « ${d.project.title} »${aid}`
        : `${dayOf(d.on)} (in ${d.daysLeft} d): ${what}, “${d.project.title}”${aid}`,
      url: `${input.publicUrl}/projets/${d.project.id}`,
    };
  });
  const sections = [
    ...(events.length
      ? [
          {
            title: fr ? "Ce qui s'est passé dans vos coopérations" : "What happened in your cooperations",
            items: events,
          },
        ]
      : []),
    ...(deadlines.length
      ? [{ title: fr ? "Échéances des 30 prochains jours" : "Deadlines of the next 30 days", items: deadlines }]
      : []),
  ];
  const span = input.period === "daily" ? dayOf(input.from) : `${dayOf(input.from)} – ${dayOf(input.day)}`;
  const name = input.period === "daily" ? (fr ? "quotidien" : "Daily") : fr ? "hebdomadaire" : "Weekly";
  const summary = fr
    ? `${events.length} nouvelle${events.length > 1 ? "s" : ""}, ${deadlines.length} échéance${deadlines.length > 1 ? "s" : ""} à 30 jours.`
    : `${events.length} update${events.length === 1 ? "" : "s"}, ${deadlines.length} deadline${deadlines.length === 1 ? "" : "s"} within 30 days.`;
  return fr
    ? {
        subject: `Trame : votre récapitulatif ${name} (${span})`,
        heading: `Votre récapitulatif ${name}`,
        paragraphs: [summary],
        sections,
        action: { label: "Ouvrir Trame", url: `${input.publicUrl}/` },
        fallback: "Si le bouton ne s'affiche pas, copiez ce lien dans votre navigateur :",
        footer: `${footerFor(locale)} Réglez vos courriels dans « Mon compte » : ${input.publicUrl}/compte`,
      }
    : {
        subject: `Trame: your ${name.toLowerCase()} digest (${span})`,
        heading: `Your ${name.toLowerCase()} digest`,
        paragraphs: [summary],
        sections,
        action: { label: "Open Trame", url: `${input.publicUrl}/` },
        fallback: "If the button does not show, copy this link into your browser:",
        footer: `${footerFor(locale)} Set your e-mails on “My account”: ${input.publicUrl}/compte`,
      };
}
