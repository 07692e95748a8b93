import { DEMO_ACCOUNTS } from "./demo-accounts.data.ts";
import { DEMO_APPLICATIONS, DEMO_OWN_FUNDS } from "./demo-applications.data.ts";
import { DEMO_COOPERATION_LIFE } from "./demo-cooperation-life.data.ts";
import { DEMO_PROJECTS } from "./demo-projects.data.ts";
import { OTHER_BODIES } from "./other-bodies.data.ts";
import { COOPERATION_STRUCTURES, NEIGHBOURS } from "./seed-data.ts";
import { startedOnOf } from "./structure-mapping.ts";

export const DEMO_PREFIX = "demo:";

/**
 * The seed's own names for each piece of demo content, recorded in `seed_marks` when the piece is
 * created. They come from the seed's data (curated ids, SIRENs, project keys, call references),
 * never from anything a user can edit, so a restart recognises what it made after any rename.
 */
export const demoKey = {
  body: (name: string) => `${DEMO_PREFIX}body:${name}`,
  neighbour: (siren: string, neighbourSiren: string) => `${DEMO_PREFIX}neighbour:${siren}:${neighbourSiren}`,
  cooperation: (ref: string) => `${DEMO_PREFIX}cooperation:${ref}`,
  founding: (ref: string) => `${DEMO_PREFIX}founding:${ref}`,
  project: (key: string) => `${DEMO_PREFIX}project:${key}`,
  application: (callReference: string) => `${DEMO_PREFIX}application:${callReference}`,
  ownFunds: (projectKey: string) => `${DEMO_PREFIX}own-funds:${projectKey}`,
  narrative: (ref: string) => `${DEMO_PREFIX}narrative:${ref}`,
  engineering: (ref: string) => `${DEMO_PREFIX}engineering:${ref}`,
  meeting: (ref: string, on: string) => `${DEMO_PREFIX}meeting:${ref}:${on}`,
  account: (email: string) => `${DEMO_PREFIX}account:${email}`,
};

/** The curated structures the demo shows: unverified rows stay out of it. */
export const DEMO_STRUCTURES = COOPERATION_STRUCTURES.filter((s) => s.confidence !== "uncertain");

/** Every key a complete demo holds: once all are marked, a restart has nothing to do. */
export function expectedDemoKeys(): string[] {
  const refs = new Set(DEMO_STRUCTURES.map((s) => s.id));
  const projects = DEMO_PROJECTS.filter((p) => refs.has(p.cooperation));
  const projectKeys = new Set(projects.map((p) => p.key));
  const lives = DEMO_COOPERATION_LIFE.filter((life) => refs.has(life.cooperation));
  return [
    ...new Set(Object.values(OTHER_BODIES).map((body) => demoKey.body(body.name))),
    ...NEIGHBOURS.map((n) => demoKey.neighbour(n.metropolisSiren, n.neighbourSiren)),
    ...DEMO_STRUCTURES.map((s) => demoKey.cooperation(s.id)),
    ...DEMO_STRUCTURES.filter((s) => startedOnOf(s.annee) !== null).map((s) => demoKey.founding(s.id)),
    ...projects.map((p) => demoKey.project(p.key)),
    ...DEMO_APPLICATIONS.filter((a) => projectKeys.has(a.project)).map((a) => demoKey.application(a.callReference)),
    ...DEMO_OWN_FUNDS.filter((o) => projectKeys.has(o.project)).map((o) => demoKey.ownFunds(o.project)),
    ...lives.flatMap((life) => [
      ...(life.narrative ? [demoKey.narrative(life.cooperation)] : []),
      ...(life.engineering ? [demoKey.engineering(life.cooperation)] : []),
      ...life.meetings.map((m) => demoKey.meeting(life.cooperation, m.on)),
    ]),
    ...DEMO_ACCOUNTS.map((account) => demoKey.account(account.email)),
  ];
}
