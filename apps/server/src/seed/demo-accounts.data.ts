import type { MembershipRole } from "@trame/core";

/** Public on purpose: printed at start and in the README. Demo accounts exist only on a demo instance. */
export const DEMO_PASSWORD = "trame-demo-2026";

export interface DemoAccount {
  email: string;
  name: string;
  /** The territory the account works for; null for the instance administrator. */
  territorySiren: string | null;
  territoryName: string | null;
  role: MembershipRole | "instance_admin";
}

/** One account per study metropolis (Bordeaux's is its admin, so the demo shows one) and a few neighbours. */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    email: "admin@trame.demo",
    name: "Administratrice de l'instance (démo)",
    territorySiren: null,
    territoryName: null,
    role: "instance_admin",
  },
  {
    email: "bordeaux@trame.demo",
    name: "Chargée de mission coopérations, Bordeaux Métropole (démo)",
    territorySiren: "243300316",
    territoryName: "Bordeaux Métropole",
    role: "admin",
  },
  {
    email: "montpellier@trame.demo",
    name: "Chargé de mission coopérations, Montpellier Méditerranée Métropole (démo)",
    territorySiren: "243400017",
    territoryName: "Montpellier Méditerranée Métropole",
    role: "editor",
  },
  {
    email: "orleans@trame.demo",
    name: "Chargée de mission coopérations, Orléans Métropole (démo)",
    territorySiren: "244500468",
    territoryName: "Orléans Métropole",
    role: "editor",
  },
  {
    email: "strasbourg@trame.demo",
    name: "Chargé de mission coopérations, Eurométropole de Strasbourg (démo)",
    territorySiren: "246700488",
    territoryName: "Eurométropole de Strasbourg",
    role: "editor",
  },
  {
    email: "montesquieu@trame.demo",
    name: "Directrice générale des services, CC de Montesquieu (démo)",
    territorySiren: "243301264",
    territoryName: "CC de Montesquieu",
    role: "editor",
  },
  {
    email: "vallee-herault@trame.demo",
    name: "Chargé de développement, CC Vallée de l'Hérault (démo)",
    territorySiren: "243400694",
    territoryName: "CC Vallée de l'Hérault",
    role: "editor",
  },
  {
    email: "loges@trame.demo",
    name: "Élue référente, CC des Loges (démo)",
    territorySiren: "244500427",
    territoryName: "CC des Loges",
    role: "viewer",
  },
  {
    email: "kochersberg@trame.demo",
    name: "Chargée de mission, CC du Kochersberg (démo)",
    territorySiren: "200034635",
    territoryName: "CC du Kochersberg",
    role: "editor",
  },
];
