import type { EngineeringKind } from "@trame/core";

export interface DemoCooperationLife {
  cooperation: string;
  narrative?: { text: string; adoptedOn: string };
  engineering?: { providerSiren: string; fte: number; kind: EngineeringKind };
  /** Steering meetings of the cooperation as a whole, involving every current member. */
  meetings: Array<{ on: string; title: string }>;
}

const quarterly = (title: string, dates: string[]) => dates.map((on) => ({ on, title }));

/**
 * The life of a few demo cooperations beyond their projects — shared narrative, engineering and
 * regular steering — so that their health sheets have something to say. Illustrative demo content
 * on real structures, like the demo projects.
 */
export const DEMO_COOPERATION_LIFE: DemoCooperationLife[] = [
  {
    cooperation: "MTP-CR-VALLEEHERAULT",
    narrative: {
      text: "Une vallée et une métropole qui se nourrissent l'une l'autre : mobilités du quotidien le long de l'A750, alimentation de proximité, ressource en eau partagée.",
      adoptedOn: "2022-06-22",
    },
    engineering: { providerSiren: "243400017", fte: 0.5, kind: "metropolis_staff" },
    meetings: quarterly("Comité de pilotage du contrat de réciprocité", [
      "2024-03-12",
      "2024-06-18",
      "2024-10-08",
      "2025-01-21",
      "2025-04-15",
      "2025-07-01",
      "2025-10-14",
      "2026-01-20",
      "2026-04-14",
      "2026-06-30",
      "2026-09-29",
    ]),
  },
  {
    cooperation: "STR-EURODISTRICT",
    narrative: {
      text: "Un bassin de vie de part et d'autre du Rhin : se déplacer, travailler et se soigner sans que la frontière ne soit un obstacle.",
      adoptedOn: "2016-11-30",
    },
    engineering: { providerSiren: "246700488", fte: 2, kind: "dedicated_team" },
    meetings: quarterly("Bureau de l'Eurodistrict", [
      "2025-02-06",
      "2025-05-22",
      "2025-09-25",
      "2025-12-11",
      "2026-03-19",
      "2026-06-25",
      "2026-10-01",
    ]),
  },
  {
    cooperation: "BDX-PNR-MEDOC",
    engineering: { providerSiren: "243300316", fte: 0.4, kind: "metropolis_staff" },
    meetings: quarterly("Comité syndical du Parc", [
      "2025-03-27",
      "2025-06-26",
      "2025-11-20",
      "2026-03-26",
      "2026-06-25",
    ]),
  },
];
