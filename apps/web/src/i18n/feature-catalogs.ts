import accountEn from "../features/account/i18n/en.json";
import accountFr from "../features/account/i18n/fr.json";
import adminEn from "../features/admin/i18n/en.json";
import adminFr from "../features/admin/i18n/fr.json";
import cooperationsEn from "../features/cooperations/i18n/en.json";
import cooperationsFr from "../features/cooperations/i18n/fr.json";
import fundingEn from "../features/funding/i18n/en.json";
import fundingFr from "../features/funding/i18n/fr.json";
import healthEn from "../features/health/i18n/en.json";
import healthFr from "../features/health/i18n/fr.json";
import historyEn from "../features/history/i18n/en.json";
import historyFr from "../features/history/i18n/fr.json";
import homeEn from "../features/home/i18n/en.json";
import homeFr from "../features/home/i18n/fr.json";
import importsEn from "../features/import/i18n/en.json";
import importsFr from "../features/import/i18n/fr.json";
import joinEn from "../features/join/i18n/en.json";
import joinFr from "../features/join/i18n/fr.json";
import mapEn from "../features/map/i18n/en.json";
import mapFr from "../features/map/i18n/fr.json";
import notificationsEn from "../features/notifications/i18n/en.json";
import notificationsFr from "../features/notifications/i18n/fr.json";
import proconnectEn from "../features/proconnect/i18n/en.json";
import proconnectFr from "../features/proconnect/i18n/fr.json";
import projectsEn from "../features/projects/i18n/en.json";
import projectsFr from "../features/projects/i18n/fr.json";
import territoryPageEn from "../features/territory-page/i18n/en.json";
import territoryPageFr from "../features/territory-page/i18n/fr.json";
import timelineEn from "../features/timeline/i18n/en.json";
import timelineFr from "../features/timeline/i18n/fr.json";

/**
 * Each feature keeps its strings beside its code, under its own top-level key (`t("projects.…")`),
 * so features can grow without touching one shared catalog.
 */
export const featureCatalogsFr = {
  account: accountFr,
  admin: adminFr,
  cooperations: cooperationsFr,
  funding: fundingFr,
  health: healthFr,
  history: historyFr,
  home: homeFr,
  imports: importsFr,
  join: joinFr,
  map: mapFr,
  notifications: notificationsFr,
  proconnect: proconnectFr,
  projects: projectsFr,
  territoryPage: territoryPageFr,
  timeline: timelineFr,
};

// `satisfies` makes a key missing from an English catalog a type error.
export const featureCatalogsEn = {
  account: accountEn satisfies typeof accountFr,
  admin: adminEn satisfies typeof adminFr,
  cooperations: cooperationsEn satisfies typeof cooperationsFr,
  funding: fundingEn satisfies typeof fundingFr,
  health: healthEn satisfies typeof healthFr,
  history: historyEn satisfies typeof historyFr,
  home: homeEn satisfies typeof homeFr,
  imports: importsEn satisfies typeof importsFr,
  join: joinEn satisfies typeof joinFr,
  map: mapEn satisfies typeof mapFr,
  notifications: notificationsEn satisfies typeof notificationsFr,
  proconnect: proconnectEn satisfies typeof proconnectFr,
  projects: projectsEn satisfies typeof projectsFr,
  territoryPage: territoryPageEn satisfies typeof territoryPageFr,
  timeline: timelineEn satisfies typeof timelineFr,
};
