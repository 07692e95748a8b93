/** Demo accounts the seed creates, as the tests sign in with them. */

export const DEMO_PASSWORD = "trame-demo-2026";
/** Editor of Montpellier Méditerranée Métropole (lead of the A750 project). */
export const MONTPELLIER = { email: "montpellier@trame.demo", password: DEMO_PASSWORD } as const;
/** Editor of CC Vallée de l'Hérault (co-owner of the A750 project). */
export const VALLEE_HERAULT = { email: "vallee-herault@trame.demo", password: DEMO_PASSWORD } as const;
/** Administrator of Bordeaux Métropole. */
export const BORDEAUX = { email: "bordeaux@trame.demo", password: DEMO_PASSWORD } as const;
