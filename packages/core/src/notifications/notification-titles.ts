import { applicationStatusLabels } from "../enums/funding.ts";
import type { Locale } from "../enums/label.ts";
import { projectStatusLabels } from "../enums/project.ts";
import { formatEurosIn } from "../rules/funding-application.rules.ts";
import type { NotificationEvent } from "./notification-events.ts";

const where = (event: { projectTitle: string | null; cooperationName: string }) =>
  event.projectTitle ?? event.cooperationName;

/**
 * The sentence a reader sees for a notification, in their language, from the stored payload: a
 * notification written in French is read in English by an English reader. `actorName` is who
 * caused it as the reader may see it now (null when unknown or removed).
 */
export function notificationTitle(event: NotificationEvent, locale: Locale, actorName: string | null): string {
  const fr = locale === "fr";
  const who = actorName ?? (fr ? "Quelqu'un" : "Someone");
  switch (event.kind) {
    case "action_logged":
      return fr
        ? `${who} a consigné « ${event.actionTitle} » (${where(event)})`
        : `${who} logged “${event.actionTitle}” (${where(event)})`;
    case "actions_imported": {
      const titles = event.actionTitles.map((t) => (fr ? `« ${t} »` : `“${t}”`)).join(", ");
      const more = event.count - event.actionTitles.length;
      const rest = more > 0 ? (fr ? ` et ${more} autre${more > 1 ? "s" : ""}` : ` and ${more} more`) : "";
      return fr
        ? `${who} a importé ${event.count} action${event.count > 1 ? "s" : ""} (${where(event)}) : ${titles}${rest}`
        : `${who} imported ${event.count} action${event.count > 1 ? "s" : ""} (${where(event)}): ${titles}${rest}`;
    }
    case "project_status_changed":
      return fr
        ? `Le projet « ${event.projectTitle} » passe au statut ${projectStatusLabels[event.to].fr.toLowerCase()}`
        : `Project “${event.projectTitle}” is now ${projectStatusLabels[event.to].en.toLowerCase()}`;
    case "application_step":
      return fr
        ? `Demande ${event.programmeName} (« ${event.projectTitle} ») : ${applicationStatusLabels[event.to].fr.toLowerCase()}`
        : `${event.programmeName} application (“${event.projectTitle}”): ${applicationStatusLabels[event.to].en.toLowerCase()}`;
    case "application_payment":
      return fr
        ? `Versement de ${formatEurosIn(event.amountCents, locale)} reçu pour la demande ${event.programmeName} (« ${event.projectTitle} »)`
        : `Payment of ${formatEurosIn(event.amountCents, locale)} received for the ${event.programmeName} application (“${event.projectTitle}”)`;
    case "territory_joined":
      return fr
        ? `${event.territoryName} rejoint la coopération « ${event.cooperationName} »`
        : `${event.territoryName} joined the cooperation “${event.cooperationName}”`;
    case "territory_left":
      return fr
        ? `${event.territoryName} quitte la coopération « ${event.cooperationName} »`
        : `${event.territoryName} left the cooperation “${event.cooperationName}”`;
    case "access_request":
      return fr
        ? `${event.requesterName} demande à rejoindre ${event.territoryName}`
        : `${event.requesterName} asks to join ${event.territoryName}`;
    case "membership_added":
      return fr ? `Vous avez été ajouté·e à ${event.territoryName}` : `You were added to ${event.territoryName}`;
  }
}

/** Where the notification leads in the web app (one of WEB_ROUTE_PATTERNS). */
export function notificationLink(event: NotificationEvent): string {
  switch (event.kind) {
    case "action_logged":
    case "actions_imported":
      return event.projectId ? `/projets/${event.projectId}` : `/cooperations/${event.cooperationId}`;
    case "project_status_changed":
    case "application_step":
    case "application_payment":
      return `/projets/${event.projectId}`;
    case "territory_joined":
    case "territory_left":
      return `/cooperations/${event.cooperationId}`;
    case "access_request":
      return "/admin";
    case "membership_added":
      return `/territoires/${event.territoryId}`;
  }
}
