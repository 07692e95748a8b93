import { addDays } from "@trame/core";
import { createDb, type DbHandle, setMailPreference } from "@trame/db";
import { type SmtpCatcher, startSmtpCatcher } from "@trame/test-support/smtp-catcher";
import type { FastifyInstance } from "fastify";
import { pino } from "pino";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../src/http/app.ts";
import { giveDeadlineReminders, REMINDERS_QUEUE } from "../src/jobs/deadline-reminders.job.ts";
import { type JobQueue, startJobQueue } from "../src/jobs/job-queue.ts";
import { smtpTransport } from "../src/mail/transport.ts";
import { makeTerritory, makeUser, type TestUser } from "./support/factories.ts";
import { makeApplication, makeLeadAndPartner, makeProgramme } from "./support/funding-fixtures.ts";
import { useTestDb } from "./support/test-db.ts";

const getDb = useTestDb();
const PUBLIC_URL = "https://trame.example.fr";
const silent = pino({ level: "silent" });
const started: JobQueue[] = [];
let smtp: SmtpCatcher;
let app: FastifyInstance;

beforeAll(async () => {
  smtp = await startSmtpCatcher();
  app = await buildApp({ db: getDb().db, logLevel: "silent" });
});
afterEach(async () => {
  for (const queue of started.splice(0)) await queue.stop();
}, 60_000);
afterAll(async () => {
  await app?.close();
  await smtp?.close();
});

/**
 * A project led by `lead`, with `partner` as partner; `partner` applies. Around them, everyone who
 * must not be reminded: viewers, an outsider, a disabled editor, one who turned reminders off.
 */
async function world(options: { visibility?: "network" | "partners"; applicantOutside?: boolean } = {}) {
  const { db } = getDb();
  const { lead, partner, project } = await makeLeadAndPartner(db, { visibility: options.visibility ?? "network" });
  const outside = await makeTerritory(db);
  const programme = await makeProgramme(db, {
    name: "DETR",
    funderName: "Préfecture de la Gironde",
    funderKind: "state",
  });
  const applicant = options.applicantOutside ? outside : partner;
  const member = (territoryId: string, role: "viewer" | "editor" | "admin") =>
    makeUser(db, { memberships: [{ territoryId, role }] });
  const people = {
    applicantEditor: await member(applicant.id, "editor"),
    applicantAdmin: await member(applicant.id, "admin"),
    applicantViewer: await member(applicant.id, "viewer"),
    leadEditor: await member(lead.id, "editor"),
    leadViewer: await member(lead.id, "viewer"),
    outsider: await member((await makeTerritory(db)).id, "editor"),
    disabled: await member(applicant.id, "editor"),
    optedOut: await member(applicant.id, "editor"),
  };
  await db
    .updateTable("users")
    .set({ disabled_at: new Date().toISOString() })
    .where("id", "=", people.disabled.id)
    .execute();
  await setMailPreference(db, people.optedOut.id, "reminder", "never");
  // The lead's editor reads English: each message is in its reader's language.
  await db.updateTable("users").set({ locale: "en" }).where("id", "=", people.leadEditor.id).execute();
  const apply = (
    fields: Omit<Parameters<typeof makeApplication>[1], "projectId" | "applicantTerritoryId" | "programmeId">,
  ) =>
    makeApplication(db, {
      projectId: project.id,
      applicantTerritoryId: applicant.id,
      programmeId: programme.id,
      ...fields,
    });
  return { project, people, apply, applicant, lead };
}

const TODAY = "2027-03-01";

async function remindersTo(db: DbHandle["db"], applicationId: string) {
  return db
    .selectFrom("deadline_reminders_sent as r")
    .innerJoin("mail_outbox as o", "o.id", "r.outbox_id")
    .select(["r.user_id as userId", "r.deadline_kind as kind", "r.offset_days as offset", "o.to_address as to"])
    .select(["o.subject", "o.headers", "o.locale"])
    .where("r.application_id", "=", applicationId)
    .orderBy("r.offset_days", "desc")
    .orderBy("r.user_id")
    .execute();
}

const ids = (users: TestUser[]) => users.map((u) => u.id).sort();

describe("deadline reminders (controlled clock)", () => {
  it("30, 7 and 1 days before a filing deadline, once each, to the applicant's and the lead's editors and admins", async () => {
    const { db } = getDb();
    const w = await world();
    const deadline = addDays(TODAY, 30);
    const applicationId = await w.apply({ status: "draft", requestedCents: 5_000_000, submissionDeadline: deadline });
    const expected = ids([w.people.applicantEditor, w.people.applicantAdmin, w.people.leadEditor]);
    const run = (today: string) => giveDeadlineReminders(getDb(), null, { today, publicUrl: PUBLIC_URL });
    const given = async (offset: number) =>
      (await remindersTo(db, applicationId))
        .filter((r) => r.offset === offset)
        .map((r) => r.userId)
        .sort();

    await run(addDays(TODAY, -1));
    expect(await remindersTo(db, applicationId)).toEqual([]);

    await run(TODAY);
    expect(await given(30)).toEqual(expected);
    // The same day again, and the next: nothing more.
    await run(TODAY);
    await run(addDays(TODAY, 1));
    expect(await remindersTo(db, applicationId)).toHaveLength(3);

    await run(addDays(deadline, -7));
    expect(await given(7)).toEqual(expected);
    await run(addDays(deadline, -6));
    await run(addDays(deadline, -1));
    expect(await given(1)).toEqual(expected);
    await run(deadline);
    await run(addDays(deadline, 1));
    const all = await remindersTo(db, applicationId);
    expect(all).toHaveLength(9);

    // In the reader's language, with the one-click unsubscribe headers (RFC 8058).
    const lead = all.find((r) => r.userId === w.people.leadEditor.id && r.offset === 7);
    expect(lead).toMatchObject({
      locale: "en",
      subject: `Deadline in 7 days: filing the application — ${w.project.title}`,
    });
    const editor = all.find((r) => r.userId === w.people.applicantEditor.id && r.offset === 1);
    expect(editor).toMatchObject({
      locale: "fr",
      subject: `Échéance demain : le dépôt du dossier — ${w.project.title}`,
    });
    expect(editor?.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    expect(editor?.headers["List-Unsubscribe"]).toMatch(
      new RegExp(`^<${PUBLIC_URL}/api/desabonnement\\?u=${editor?.userId}&c=reminder&s=[\\w-]{43}>$`),
    );
  });

  it("the expected decision and the spending deadline too; a day missed is caught up; a closed application gets none", async () => {
    const { db } = getDb();
    const w = await world();
    const decision = await w.apply({
      status: "under_review",
      requestedCents: 1_000_000,
      decisionOn: addDays(TODAY, 5),
    });
    const spending = await w.apply({
      status: "granted",
      requestedCents: 1_000_000,
      spendingDeadline: addDays(TODAY, 20),
    });
    const rejected = await w.apply({ status: "rejected", requestedCents: 1_000_000, decisionOn: addDays(TODAY, 5) });
    await giveDeadlineReminders(getDb(), null, { today: TODAY, publicUrl: PUBLIC_URL });
    // Five days left: the 30-day reminder's window is over, the 7-day one is due.
    expect(new Set((await remindersTo(db, decision)).map((r) => `${r.kind}:${r.offset}`))).toEqual(
      new Set(["decision:7"]),
    );
    expect(new Set((await remindersTo(db, spending)).map((r) => `${r.kind}:${r.offset}`))).toEqual(
      new Set(["spending:30"]),
    );
    expect(await remindersTo(db, rejected)).toEqual([]);
    const subject = (await remindersTo(db, decision)).find((r) => r.locale === "fr")?.subject;
    expect(subject).toBe(`Échéance dans 5 jours : la décision attendue du financeur — ${w.project.title}`);
  });

  it("a partners-only project reminds nobody who cannot read it", async () => {
    const { db } = getDb();
    const w = await world({ visibility: "partners", applicantOutside: true });
    const applicationId = await w.apply({
      status: "draft",
      requestedCents: 1_000_000,
      submissionDeadline: addDays(TODAY, 7),
    });
    await giveDeadlineReminders(getDb(), null, { today: TODAY, publicUrl: PUBLIC_URL });
    // The applicant is not a partner of this partners-only project: only the lead's editor is told.
    expect((await remindersTo(db, applicationId)).map((r) => r.userId)).toEqual([w.people.leadEditor.id]);
  });

  it("two instances giving the same day's reminders at once: each reminder is given once", async () => {
    const w = await world();
    const applications = await Promise.all(
      [3, 10, 25].map((days) =>
        w.apply({ status: "draft", requestedCents: 1_000_000, submissionDeadline: addDays(TODAY, days) }),
      ),
    );
    // On PostgreSQL each instance has its own connection pool, as two servers would.
    const url = getDb().connectionString;
    const other = url ? await createDb({ databaseUrl: url, poolSize: 3 }) : getDb();
    try {
      const runs = await Promise.all(
        [getDb(), other, getDb(), other].map((handle) =>
          giveDeadlineReminders(handle, null, { today: TODAY, publicUrl: PUBLIC_URL }),
        ),
      );
      expect(runs.reduce((sum, run) => sum + run.given, 0)).toBe(9);
    } finally {
      if (url) await other.close();
    }
    const { db } = getDb();
    for (const applicationId of applications) {
      const rows = await remindersTo(db, applicationId);
      expect(rows.map((r) => r.userId).sort()).toEqual(
        ids([w.people.applicantEditor, w.people.applicantAdmin, w.people.leadEditor]),
      );
    }
    const messages = await db
      .selectFrom("mail_outbox")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .where("kind", "=", "deadline-reminder")
      .where("to_address", "=", w.people.leadEditor.email)
      .executeTakeFirstOrThrow();
    expect(Number(messages.n)).toBe(3);
  });
});

describe("a reminder through the job queue, the SMTP server, and its unsubscribe link", () => {
  it("arrives with List-Unsubscribe headers; the link shows a confirmation, the post turns reminders off", async () => {
    const { db } = getDb();
    const w = await world();
    const today = "2027-06-01";
    await w.apply({ status: "draft", requestedCents: 1_000_000, submissionDeadline: addDays(today, 1) });
    const queue = await startJobQueue(getDb(), silent, {
      pollingIntervalSeconds: 0.5,
      mailTransport: smtpTransport(smtp.url, "Trame <trame@example.fr>"),
      publicUrl: PUBLIC_URL,
    });
    started.push(queue);
    await queue.boss.send(REMINDERS_QUEUE, { today });

    const mail = await smtp.waitFor(w.people.applicantEditor.email, 60);
    expect(mail.parsed.subject).toBe(`Échéance demain : le dépôt du dossier — ${w.project.title}`);
    expect(mail.parsed.text).toContain(`${PUBLIC_URL}/projets/${w.project.id}`);
    expect(mail.parsed.html).toContain(`href="${PUBLIC_URL}/projets/${w.project.id}"`);
    const header = (name: string) =>
      mail.parsed.headerLines.find((h) => h.key === name.toLowerCase())?.line.replace(/^[^:]+:\s*/, "");
    expect(header("List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
    const link = /^<(https:\/\/[^>]+)>$/.exec(header("List-Unsubscribe") ?? "")?.[1];
    expect(link).toBeDefined();
    const path = (link ?? "").slice(PUBLIC_URL.length);

    // A scanner following the link changes nothing: GET only shows the button.
    const page = await app.inject({ method: "GET", url: path });
    expect(page.statusCode).toBe(200);
    expect(page.headers["content-type"]).toContain("text/html");
    // Not "no-referrer": the browser would post the button's form with `Origin: null`, refused as cross-origin.
    expect(page.headers["referrer-policy"]).toBe("same-origin");
    expect(page.body).toContain("Rappels d&#39;échéances (30, 7 et 1 jours avant)");
    expect(page.body).toContain('<form method="post"');
    const prefs = () =>
      db
        .selectFrom("mail_preferences")
        .select(["category", "delivery"])
        .where("user_id", "=", w.people.applicantEditor.id)
        .execute();
    expect(await prefs()).toEqual([]);

    // A forged or altered link is refused, and changes nothing.
    const altered = path.replace("c=reminder", "c=digest");
    expect(
      (
        await app.inject({
          method: "POST",
          url: altered,
          payload: "List-Unsubscribe=One-Click",
          headers: { "content-type": "application/x-www-form-urlencoded" },
        })
      ).statusCode,
    ).toBe(400);
    const otherUser = path.replace(w.people.applicantEditor.id, w.people.applicantAdmin.id);
    expect((await app.inject({ method: "POST", url: otherUser })).statusCode).toBe(400);
    expect(await prefs()).toEqual([]);

    // The mail client's one-click post (no Origin, no session), twice: reminders are off, once.
    for (let n = 0; n < 2; n++) {
      const done = await app.inject({
        method: "POST",
        url: path,
        payload: "List-Unsubscribe=One-Click",
        headers: { "content-type": "application/x-www-form-urlencoded" },
      });
      expect(done.statusCode).toBe(200);
      expect(done.body).toContain("Désinscription faite");
    }
    expect(await prefs()).toEqual([{ category: "reminder", delivery: "never" }]);

    // The next day's reminder goes to the others, not to them.
    const next = await giveDeadlineReminders(getDb(), null, { today: addDays(today, 1), publicUrl: PUBLIC_URL });
    expect(next.given).toBe(0);
    const later = await w.apply({ status: "draft", requestedCents: 1, submissionDeadline: addDays(today, 7) });
    await giveDeadlineReminders(getDb(), null, { today, publicUrl: PUBLIC_URL });
    const told = (await remindersTo(db, later)).map((r) => r.userId);
    expect(told).not.toContain(w.people.applicantEditor.id);
    expect(told).toContain(w.people.applicantAdmin.id);
  }, 120_000);
});
