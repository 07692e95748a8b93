import type { Label } from "../enums/label.ts";
import type { HealthFamily, HealthSeriesKey, HealthStatus, InsufficientReason } from "./health.types.ts";

export const healthStatusLabels: Record<HealthStatus, Label> = {
  good: { fr: "Bon", en: "Good" },
  watch: { fr: "À surveiller", en: "To watch" },
  weak: { fr: "Fragile", en: "Weak" },
  insufficient_data: { fr: "Données insuffisantes", en: "Not enough data" },
};

export const healthFamilyLabels: Record<HealthFamily, Label> = {
  narrative: { fr: "Récit commun", en: "Shared narrative" },
  engineering: { fr: "Ingénierie", en: "Engineering" },
  timeTrust: { fr: "Temps et confiance", en: "Time and trust" },
  funding: { fr: "Financements", en: "Funding" },
  results: { fr: "Résultats", en: "Results" },
};

/** The numbers behind each verdict, labelled once for the screen and the CSV alike. */
export const healthFactLabels = {
  textRecorded: { fr: "Texte du récit enregistré", en: "Narrative text recorded" },
  adoptedOn: { fr: "Adopté le", en: "Adopted on" },
  lastRevisedOn: { fr: "Dernière adoption ou révision", en: "Last adopted or revised" },
  narrativeEvents: { fr: "Adoptions et révisions", en: "Adoptions and revisions" },
  cooperationFte: { fr: "ETP de la coopération", en: "Cooperation FTE" },
  projectsFte: { fr: "ETP des projets programmés ou en cours", en: "FTE of planned or ongoing projects" },
  staffedProjects: { fr: "Projets dotés d'ingénierie", en: "Projects with engineering" },
  providers: { fr: "Apportée par", en: "Provided by" },
  metropolisLends: { fr: "Agents de la métropole mis à disposition", en: "Metropolis staff made available" },
  startedOn: { fr: "Début", en: "Start" },
  startRecorded: { fr: "Date de début enregistrée", en: "Start date recorded" },
  currentMembers: { fr: "Membres actuels", en: "Current members" },
  formerMembers: { fr: "Anciens membres", en: "Former members" },
  meetings: { fr: "Réunions et ateliers sur la période", en: "Meetings and workshops in the period" },
  windowMonths: { fr: "Période observée", en: "Period observed" },
  lastMeetingOn: { fr: "Dernière réunion", en: "Last meeting" },
  actions: { fr: "Actions sur la période", en: "Actions in the period" },
  longestSilenceDays: { fr: "Plus long silence", en: "Longest silence" },
  silenceFrom: { fr: "Silence à partir du", en: "Silence from" },
  silenceTo: { fr: "Silence jusqu'au", en: "Silence until" },
  lastActionOn: { fr: "Dernière action", en: "Last action" },
  involvedMembers: { fr: "Membres ayant pris part à une action", en: "Members who took part in an action" },
  membersNotInvolved: { fr: "Membres sans action sur la période", en: "Members without action in the period" },
  metropolis: { fr: "Métropole (ou chef de file)", en: "Metropolis (or lead)" },
  metropolisLed: { fr: "Portés par la métropole", en: "Led by the metropolis" },
  neighbourLed: { fr: "Portés par un voisin", en: "Led by a neighbour" },
  coLed: { fr: "Co-portés", en: "Co-led" },
  unattributed: { fr: "Actions de la coopération dans son ensemble", en: "Actions of the cooperation as a whole" },
  fundedProjects: { fr: "Projets avec une demande de financement", en: "Projects with a funding application" },
  dedicatedOnly: { fr: "Dispositifs dédiés seulement", en: "Dedicated programmes only" },
  dedicatedAndCalls: { fr: "Dispositif dédié et appels à projets", en: "Dedicated programme and calls" },
  callsOnly: { fr: "Appels à projets seulement", en: "Calls for projects only" },
  projectsWithoutApplication: { fr: "Projets sans demande", en: "Projects without application" },
  applications: { fr: "Demandes (hors retirées)", en: "Applications (withdrawn excluded)" },
  distinctProgrammes: { fr: "Dispositifs distincts", en: "Distinct programmes" },
  maxProgrammesPerProject: { fr: "Dispositifs pour un même projet, au plus", en: "Most programmes for one project" },
  awardedApplications: { fr: "Demandes accordées", en: "Applications granted" },
  grantedCents: { fr: "Montant accordé", en: "Amount granted" },
  funders: { fr: "Financeurs", en: "Funders" },
  topFunder: { fr: "Premier financeur", en: "Largest funder" },
  topFunderCents: { fr: "Accordé par le premier financeur", en: "Granted by the largest funder" },
  decidedApplications: { fr: "Demandes décidées", en: "Applications decided" },
  rejectedApplications: { fr: "Demandes refusées", en: "Applications rejected" },
  pendingApplications: { fr: "Demandes en attente", en: "Applications pending" },
  projects: { fr: "Projets", en: "Projects" },
  completed: { fr: "Achevés", en: "Completed" },
  inProgress: { fr: "En cours", en: "In progress" },
  abandoned: { fr: "Abandonnés", en: "Abandoned" },
  suspended: { fr: "Suspendus", en: "Suspended" },
  notStarted: { fr: "Idées et projets programmés", en: "Ideas and planned projects" },
  declaredThemes: { fr: "Thématiques déclarées", en: "Declared themes" },
  coveredThemes: { fr: "Thématiques avec au moins une action", en: "Themes with at least one action" },
  wholeCooperationActions: { fr: "Actions sans thématique de projet", en: "Actions without a project theme" },
} satisfies Record<string, Label>;
export type HealthFactKey = keyof typeof healthFactLabels;

export const healthSeriesLabels: Record<HealthSeriesKey, Label> = {
  narrativeEvents: { fr: "Adoptions et révisions du récit", en: "Narrative adoptions and revisions" },
  members: { fr: "Membres en fin d'année", en: "Members at year end" },
  meetings: { fr: "Réunions et ateliers", en: "Meetings and workshops" },
  actions: { fr: "Actions", en: "Actions" },
  involvedShare: { fr: "Part des membres mobilisés", en: "Share of members involved" },
  metropolisShare: { fr: "Part portée par la métropole", en: "Share led by the metropolis" },
  dedicatedShare: {
    fr: "Part des demandes sur un dispositif dédié",
    en: "Share of applications to dedicated programmes",
  },
  programmes: { fr: "Dispositifs sollicités", en: "Programmes applied to" },
  topFunderShare: { fr: "Part du premier financeur", en: "Largest funder's share" },
  successRate: { fr: "Taux de succès", en: "Success rate" },
  started: { fr: "Projets lancés", en: "Projects started" },
  completed: { fr: "Projets achevés", en: "Projects completed" },
  abandoned: { fr: "Projets abandonnés", en: "Projects abandoned" },
  activeThemes: { fr: "Thématiques actives", en: "Active themes" },
};

/** Shares are drawn on a 0–100 % axis; the other series are counts. */
export const healthSeriesIsShare: Record<HealthSeriesKey, boolean> = {
  narrativeEvents: false,
  members: false,
  meetings: false,
  actions: false,
  involvedShare: true,
  metropolisShare: true,
  dedicatedShare: true,
  programmes: false,
  topFunderShare: true,
  successRate: true,
  started: false,
  completed: false,
  abandoned: false,
  activeThemes: false,
};

/** Why no verdict; `{need}` and `{have}` are filled by `insufficientText`. */
export const insufficientReasonLabels: Record<InsufficientReason, Label> = {
  start_unknown: {
    fr: "Ni la date de début de la coopération ni aucun fait daté ne sont enregistrés : son ancienneté est inconnue.",
    en: "Neither the cooperation's start date nor any dated fact is recorded: its age is unknown.",
  },
  not_started: {
    fr: "La coopération n'a pas encore commencé à cette date.",
    en: "The cooperation has not started yet.",
  },
  too_young: {
    fr: "La coopération existe depuis {have} mois ; il en faut {need} avant de juger son activité.",
    en: "The cooperation is {have} months old; it takes {need} before its activity can be judged.",
  },
  too_few_actions: {
    fr: "{have} action(s) sur la période ; il en faut au moins {need} pour conclure.",
    en: "{have} action(s) in the period; at least {need} are needed to conclude.",
  },
  single_member: {
    fr: "La coopération compte {have} membre actuel ; il en faut au moins {need}.",
    en: "The cooperation has {have} current member; at least {need} are needed.",
  },
  no_metropolis: {
    fr: "Aucun membre n'est une métropole ni chef de file : l'équilibre ne peut pas être mesuré.",
    en: "No member is a metropolis or the lead: the balance cannot be measured.",
  },
  too_few_items: {
    fr: "{have} projet(s) ou action(s) dont le porteur est connu ; il en faut au moins {need}.",
    en: "{have} project(s) or action(s) with a known leader; at least {need} are needed.",
  },
  not_recorded: {
    fr: "L'ingénierie n'est renseignée ni pour la coopération ni pour ses projets programmés ou en cours.",
    en: "Engineering is recorded neither for the cooperation nor for its planned or ongoing projects.",
  },
  too_few_funded_projects: {
    fr: "{have} projet(s) avec une demande de financement ; il en faut au moins {need}.",
    en: "{have} project(s) with a funding application; at least {need} are needed.",
  },
  too_few_awarded: {
    fr: "{have} demande(s) accordée(s) ; il en faut au moins {need}.",
    en: "{have} application(s) granted; at least {need} are needed.",
  },
  too_few_decided: {
    fr: "{have} demande(s) décidée(s) ; il en faut au moins {need}.",
    en: "{have} application(s) decided; at least {need} are needed.",
  },
  too_few_projects: {
    fr: "{have} projet(s) enregistré(s) ; il en faut au moins {need}.",
    en: "{have} project(s) recorded; at least {need} are needed.",
  },
  no_declared_themes: {
    fr: "La coopération ne déclare aucune thématique.",
    en: "The cooperation declares no theme.",
  },
};
