import type { Label } from "../enums/label.ts";
import type { HealthIndicatorKey } from "./health.types.ts";

/** The study every explanation refers to (ARCHITECTURE §1): four territories, more than 80 interviews. */
export const HEALTH_STUDY: Label = {
  fr: "Intercommunalités de France / Sciences Po, 2026",
  en: "Intercommunalités de France / Sciences Po, 2026",
};

export interface HealthIndicatorText {
  title: Label;
  /** Why it matters, in the study's words: what its interviews found. */
  why: Label;
  /** What the members can do about it. */
  improve: Label;
}

export const healthIndicatorTexts: Record<HealthIndicatorKey, HealthIndicatorText> = {
  narrative: {
    title: { fr: "Récit commun", en: "Shared narrative" },
    why: {
      fr: "L'étude Intercommunalités de France / Sciences Po (2026) place le récit commun parmi les clés de réussite : un diagnostic et une ambition partagés donnent aux élus et aux services une raison d'agir ensemble au-delà d'un projet ponctuel.",
      en: "The Intercommunalités de France / Sciences Po study (2026) counts a shared narrative among the keys to success: a shared diagnosis and ambition give elected officials and staff a reason to act together beyond a one-off project.",
    },
    improve: {
      fr: "Rédiger le récit avec les membres (diagnostic partagé, ambitions, manière de travailler ensemble), le faire adopter par les assemblées, l'enregistrer ici avec sa date, puis le revoir au moins une fois par mandat.",
      en: "Write the narrative with the members (shared diagnosis, ambitions, way of working together), have the councils adopt it, record it here with its date, then revisit it at least once per term of office.",
    },
  },
  engineering: {
    title: { fr: "Ingénierie dédiée", en: "Dedicated engineering" },
    why: {
      fr: "Selon l'étude, une coopération tient quand des personnes y consacrent du temps : une ingénierie dédiée, souvent des agents que la métropole met à la disposition du collectif. Sans elle, la coopération reste une intention portée par des élus déjà très sollicités.",
      en: "The study finds that a cooperation holds when people give it their time: dedicated engineering staff, often officers the metropolis puts at the group's disposal. Without them, cooperation stays an intention carried by overstretched elected officials.",
    },
    improve: {
      fr: "Désigner un binôme de chargés de mission (côté métropole et côté voisins), chiffrer le temps consacré en ETP et l'enregistrer ; la métropole peut mettre des agents à disposition, ou les membres financer un poste partagé.",
      en: "Appoint a pair of project officers (one on the metropolis side, one on the neighbours' side), record the time given in FTE; the metropolis can lend staff, or the members can fund a shared post.",
    },
  },
  age: {
    title: { fr: "Ancienneté", en: "Age of the cooperation" },
    why: {
      fr: "L'étude insiste sur le temps long : il faut des années pour se connaître, se faire confiance, puis agir ensemble. Une coopération jeune n'est pas en faute ; elle a besoin de temps et de continuité.",
      en: "The study stresses the long run: it takes years to get to know each other, build trust, then act together. A young cooperation is not at fault; it needs time and continuity.",
    },
    improve: {
      fr: "Donner de la durée : inscrire la coopération dans un cadre pluriannuel (contrat, convention), garder les mêmes interlocuteurs et consigner les étapes pour que la mémoire survive aux changements d'équipe.",
      en: "Give it duration: set the cooperation in a multi-year frame (contract, agreement), keep the same contacts, and record each step so the memory survives changes of staff.",
    },
  },
  cadence: {
    title: { fr: "Rythme des réunions", en: "Meeting cadence" },
    why: {
      fr: "La confiance que décrit l'étude se construit en se réunissant régulièrement : un rythme tenu (comités, ateliers) entretient l'interconnaissance entre élus et services.",
      en: "The trust the study describes is built by meeting regularly: a steady rhythm (committees, workshops) keeps elected officials and staff acquainted.",
    },
    improve: {
      fr: "Fixer un calendrier annuel (par exemple un comité par trimestre et des ateliers thématiques) et consigner chaque réunion dans Trame.",
      en: "Set a yearly calendar (for instance a committee each quarter and thematic workshops) and record each meeting in Trame.",
    },
  },
  silence: {
    title: { fr: "Plus long silence", en: "Longest silence" },
    why: {
      fr: "Une coopération s'étiole dans les silences : l'étude montre qu'elle repose sur des relations entretenues dans la durée, et une longue période sans aucune action oblige souvent à reconstruire la confiance.",
      en: "A cooperation fades in silence: the study shows it rests on relationships kept up over time, and a long stretch without any action often means rebuilding trust.",
    },
    improve: {
      fr: "Prévoir au moins un rendez-vous par trimestre, même court (point d'étape, visite de terrain), surtout pendant les périodes creuses (été, élections).",
      en: "Plan at least one meeting per quarter, even a short one (progress review, field visit), especially in slack periods (summer, elections).",
    },
  },
  breadth: {
    title: { fr: "Membres mobilisés", en: "Members involved" },
    why: {
      fr: "L'étude décrit des coopérations portées par quelques acteurs : quand seuls la métropole et un voisin agissent, les autres membres décrochent et le récit commun perd son sens.",
      en: "The study describes cooperations carried by a few actors: when only the metropolis and one neighbour act, the other members drift away and the shared narrative loses its meaning.",
    },
    improve: {
      fr: "Associer chaque membre à au moins une action dans l'année : faire tourner les lieux de réunion, confier un atelier ou une visite à un membre peu présent.",
      en: "Involve each member in at least one action a year: rotate meeting places, entrust a workshop or a visit to a less present member.",
    },
  },
  balance: {
    title: { fr: "Équilibre métropole – voisins", en: "Metropolis–neighbours balance" },
    why: {
      fr: "L'étude souligne l'asymétrie entre la métropole et ses voisins : la métropole apporte souvent l'ingénierie, mais une coopération où elle porte tout devient une relation de guichet ; les voisins doivent aussi porter des projets.",
      en: "The study points to the asymmetry between the metropolis and its neighbours: the metropolis often brings the engineering, but a cooperation where it carries everything becomes a service counter; neighbours must lead projects too.",
    },
    improve: {
      fr: "Confier la maîtrise d'ouvrage (ou la co-maîtrise d'ouvrage) de projets aux intercommunalités voisines, avec l'appui de l'ingénierie métropolitaine.",
      en: "Let neighbouring intercommunalités own (or co-own) projects, backed by the metropolis's engineering staff.",
    },
  },
  dedicatedFunding: {
    title: { fr: "Financements dédiés à la coopération", en: "Funding dedicated to the cooperation" },
    why: {
      fr: "Selon l'étude, les financements dédiés (contrats de réciprocité ou de coopération, contrats territoriaux, CRTE, LEADER, Interreg) font naître des projets qui n'auraient pas vu le jour ; la course aux appels à projets, elle, morcelle l'action.",
      en: "The study finds that dedicated funding (reciprocity or cooperation contracts, territorial contracts, CRTE, LEADER, Interreg) makes projects happen that would not have; the race for calls for projects fragments action.",
    },
    improve: {
      fr: "Inscrire les projets communs dans un contrat qui les finance ensemble (contrat territorial régional, CRTE, programme LEADER ou Interreg) plutôt que de solliciter des appels projet par projet.",
      en: "Place joint projects in a contract that funds them together (regional territorial contract, CRTE, LEADER or Interreg programme) rather than answering calls project by project.",
    },
  },
  fragmentation: {
    title: { fr: "Morcellement des financements", en: "Funding fragmentation" },
    why: {
      fr: "L'étude observe que la course à des financements complexes conduit à des actions au coup par coup : chaque dispositif de plus est un dossier, un calendrier et des règles de plus pour une même opération.",
      en: "The study observes that the race for complex funding leads to piecemeal action: each extra programme is one more file, timetable and rulebook for the same operation.",
    },
    improve: {
      fr: "Regrouper les demandes d'un projet sur un ou deux dispositifs, ou passer par un contrat qui fléche plusieurs crédits à la fois (comme le CRTE).",
      en: "Gather a project's applications on one or two programmes, or go through a contract that earmarks several credit lines at once (such as the CRTE).",
    },
  },
  funderDependence: {
    title: { fr: "Dépendance à un financeur", en: "Dependence on one funder" },
    why: {
      fr: "Le financement stimule la coopération mais peut aussi la fragiliser, note l'étude : quand presque tout vient d'un seul financeur, un changement de priorité ou d'enveloppe suffit à l'arrêter.",
      en: "Funding stimulates cooperation but can also weaken it, the study notes: when nearly everything comes from one funder, a change of priority or budget is enough to stop it.",
    },
    improve: {
      fr: "Diversifier les financeurs (État, Région, Département, agences, Europe) et augmenter la part d'autofinancement des membres.",
      en: "Diversify funders (State, Région, Département, agencies, Europe) and raise the members' own share.",
    },
  },
  successRate: {
    title: { fr: "Taux de succès des demandes", en: "Application success rate" },
    why: {
      fr: "Les dossiers de financement complexes mobilisent une ingénierie rare ; un taux de succès faible signale des efforts dispersés, l'écueil de la course aux financements que décrit l'étude.",
      en: "Complex funding files take scarce engineering time; a low success rate signals scattered efforts, the pitfall of the race for funding the study describes.",
    },
    improve: {
      fr: "Cibler les dispositifs dont les critères correspondent au projet, préparer les dossiers en amont avec le financeur, mutualiser entre membres l'ingénierie de montage.",
      en: "Target programmes whose criteria fit the project, prepare files early with the funder, and pool the members' grant-writing skills.",
    },
  },
  results: {
    title: { fr: "Résultats des projets", en: "Project results" },
    why: {
      fr: "Une coopération se juge aussi à ce qu'elle produit : selon l'étude, des projets menés à bien entretiennent la confiance et le récit commun, des projets abandonnés les usent.",
      en: "A cooperation is also judged by what it produces: according to the study, completed projects sustain trust and the shared narrative, abandoned ones wear them down.",
    },
    improve: {
      fr: "Privilégier quelques projets réalistes et visibles, et examiner avec les membres les causes des abandons avant d'en lancer de nouveaux.",
      en: "Favour a few realistic, visible projects, and review with the members why projects were abandoned before starting new ones.",
    },
  },
  themes: {
    title: { fr: "Actions par thématique", en: "Actions per theme" },
    why: {
      fr: "L'étude a suivi l'eau, l'alimentation et la mobilité : une coopération affiche souvent plus de thématiques qu'elle n'en fait vivre, et une thématique déclarée sans action est une promesse à reprendre ou à abandonner.",
      en: "The study followed water, food and mobility: a cooperation often lists more themes than it brings to life, and a declared theme without action is a promise to take up or drop.",
    },
    improve: {
      fr: "Pour chaque thématique déclarée restée sans action, décider ensemble : lancer une première action (atelier, étude) ou la retirer des thématiques de la coopération.",
      en: "For each declared theme left without action, decide together: start a first action (workshop, study) or remove it from the cooperation's themes.",
    },
  },
};
