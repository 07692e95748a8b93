import type { Database, Kysely } from "@trame/db";
import { DEMO_ACCOUNTS } from "./demo-accounts.data.ts";
import { demoKey, expectedDemoKeys } from "./demo-keys.ts";
import { DEMO_PROJECTS } from "./demo-projects.data.ts";
import { OTHER_BODIES } from "./other-bodies.data.ts";
import type { SeedMarks } from "./seed-marks.ts";

/**
 * A database seeded before the seed kept marks holds the demo already, perhaps edited since: every
 * piece of the current demo is taken as made, so nothing is made twice. The ids the later steps
 * need (bodies, projects) are found the way that seed knew them, once, at this upgrade.
 */
export async function adoptEarlierDemo(trx: Kysely<Database>, marks: SeedMarks): Promise<boolean> {
  if (marks.size > 0) return false;
  const seeded = await trx.selectFrom("cooperations").select("id").where("is_demo", "=", true).limit(1).execute();
  if (seeded.length === 0) return false;

  const ids = new Map<string, string>();
  const bodies = await trx
    .selectFrom("territories")
    .select(["id", "name"])
    .where("source", "=", "seed")
    .where(
      "name",
      "in",
      Object.values(OTHER_BODIES).map((b) => b.name),
    )
    .execute();
  for (const body of bodies) ids.set(demoKey.body(body.name), body.id);
  const projects = await trx
    .selectFrom("projects as p")
    .innerJoin("cooperations as c", "c.id", "p.cooperation_id")
    .select(["p.id", "p.title", "c.external_ref"])
    .where("p.is_demo", "=", true)
    .execute();
  for (const demo of DEMO_PROJECTS) {
    const found = projects.find((p) => p.external_ref === demo.cooperation && p.title === demo.title);
    if (found) ids.set(demoKey.project(demo.key), found.id);
  }
  const users = await trx
    .selectFrom("users")
    .select(["id", "email"])
    .where(
      "email",
      "in",
      DEMO_ACCOUNTS.map((a) => a.email),
    )
    .execute();
  for (const user of users) ids.set(demoKey.account(user.email), user.id);

  await marks.recordAll(
    trx,
    expectedDemoKeys().map((key) => ({ key, entityId: ids.get(key) ?? null })),
  );
  return true;
}
