import { addDays, todayInFrance } from "@trame/core";
import { sql } from "@trame/db";
import { type SmtpCatcher, startSmtpCatcher } from "@trame/test-support/smtp-catcher";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REMINDERS_QUEUE } from "../src/jobs/deadline-reminders.job.ts";
import { JOB_SCHEMA } from "../src/jobs/job-queue.ts";
import { makeUser } from "./support/factories.ts";
import { makeApplication, makeLeadAndPartner, makeProgramme } from "./support/funding-fixtures.ts";
import { type ServerProcess, spawnServer } from "./support/server-process.ts";
import { useTestDb } from "./support/test-db.ts";

const onPostgres = Boolean(process.env.TEST_DATABASE_URL);
const testDb = useTestDb();

/** The scheduler fires each minute at most: two runs take up to three minutes. */
const TWO_RUNS_MS = 180_000;

/**
 * Two real server processes on one PostgreSQL database, each with its job queue scheduling the
 * deadline reminders every minute and sending to the test's SMTP server: whatever instance runs
 * each minute's job, and however many runs there are, a reminder reaches its reader once.
 * (PGlite is one process's database: two instances need a PostgreSQL server.)
 */
describe.skipIf(!onPostgres)("rappels d'échéance avec deux instances", () => {
  let smtp: SmtpCatcher;
  let instances: ServerProcess[] = [];

  beforeAll(async () => {
    smtp = await startSmtpCatcher();
  });

  afterAll(async () => {
    await Promise.all(instances.map((instance) => instance.kill()));
    await smtp?.close();
  });

  it(
    "chaque rappel est envoyé une fois, quelle que soit l'instance qui exécute la tâche de chaque minute",
    async () => {
      const { db, connectionString } = testDb();
      if (!connectionString) throw new Error("PostgreSQL URL expected");
      const { lead, partner, project } = await makeLeadAndPartner(db);
      const programme = await makeProgramme(db, { name: "DETR", funderName: "Préfecture", funderKind: "state" });
      const applicantEditor = await makeUser(db, { memberships: [{ territoryId: partner.id, role: "editor" }] });
      const leadEditor = await makeUser(db, { memberships: [{ territoryId: lead.id, role: "editor" }] });
      const applicationId = await makeApplication(db, {
        projectId: project.id,
        applicantTerritoryId: partner.id,
        programmeId: programme.id,
        status: "draft",
        requestedCents: 1_000_000,
        submissionDeadline: addDays(todayInFrance(), 1),
      });

      const env = {
        DATABASE_URL: connectionString,
        SMTP_URL: smtp.url,
        MAIL_FROM: "Trame <trame@example.fr>",
        TRAME_PUBLIC_URL: "https://trame.example.fr",
        TRAME_REMINDERS_CRON: "* * * * *",
      };
      instances = await Promise.all([spawnServer(env), spawnServer(env)]);
      await Promise.all(instances.map((instance) => instance.waitUntilReady()));

      // Both instances schedule and work the queue; wait for two completed runs of the reminders.
      const completedRuns = async () => {
        const { rows } = await sql<{ n: number }>`
          select count(*)::int as n from ${sql.table(`${JOB_SCHEMA}.job`)}
          where name = ${REMINDERS_QUEUE} and state = 'completed'`.execute(db);
        return rows[0]?.n ?? 0;
      };
      await expect.poll(completedRuns, { timeout: TWO_RUNS_MS - 20_000, interval: 1000 }).toBeGreaterThanOrEqual(2);
      await smtp.waitFor(applicantEditor.email, 30);
      await smtp.waitFor(leadEditor.email, 30);
      // Let any duplicate the second run might have queued reach the SMTP server before counting.
      await new Promise((resolve) => setTimeout(resolve, 3000));

      const received = (email: string) =>
        smtp.messages.filter((message) => message.envelopeTo.includes(email)).map((m) => m.parsed.subject);
      const subject = `Échéance demain : le dépôt du dossier — ${project.title}`;
      expect(received(applicantEditor.email)).toEqual([subject]);
      expect(received(leadEditor.email)).toEqual([subject]);
      const given = await db
        .selectFrom("deadline_reminders_sent")
        .select(["user_id", "offset_days"])
        .where("application_id", "=", applicationId)
        .execute();
      expect(given.map((row) => row.user_id).sort()).toEqual([applicantEditor.id, leadEditor.id].sort());
      expect(given.every((row) => row.offset_days === 1)).toBe(true);
      for (const instance of instances) expect(instance.output()).not.toMatch(/"level":(50|60)/);
    },
    TWO_RUNS_MS + 60_000,
  );
});
