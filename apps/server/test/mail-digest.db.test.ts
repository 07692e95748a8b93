import { randomUUID } from "node:crypto";
import { NOTIFICATION_CATEGORY_OF, type NotificationEvent } from "@trame/core";
import { createDb, insertNotifications, setMailPreference } from "@trame/db";
import { type SmtpCatcher, startSmtpCatcher } from "@trame/test-support/smtp-catcher";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startJobQueue } from "../src/jobs/job-queue.ts";
import { buildDigests, sendImmediateNotifications } from "../src/jobs/mail-digest.job.ts";
import { smtpTransport } from "../src/mail/transport.ts";
import { makeTerritory, makeUser } from "./support/factories.ts";
import { makeApplication, makeCooperation, makeFundingProject, makeProgramme } from "./support/funding-fixtures.ts";
import { useTestDb } from "./support/test-db.ts";

const getDb = useTestDb();
const PUBLIC_URL = "https://trame.example.fr";
let smtp: SmtpCatcher;
beforeAll(async () => {
  smtp = await startSmtpCatcher();
});
afterAll(async () => {
  await smtp?.close();
});

/**
 * A cooperation with a network project (lead and partner) and a partners-only one (lead only);
 * the lead's editor reads French, the partner's editor English.
 */
async function world() {
  const { db } = getDb();
  const [lead, partner] = await Promise.all([makeTerritory(db), makeTerritory(db)]);
  const cooperation = await makeCooperation(db);
  const open = await makeFundingProject(db, {
    cooperationId: cooperation.id,
    partners: [
      [lead.id, "lead"],
      [partner.id, "partner"],
    ],
    title: `Voie verte ${randomUUID().slice(0, 6)}`,
  });
  const restricted = await makeFundingProject(db, {
    cooperationId: cooperation.id,
    partners: [[lead.id, "lead"]],
    visibility: "partners",
    title: `Dossier confidentiel ${randomUUID().slice(0, 6)}`,
  });
  const leadEditor = await makeUser(db, { memberships: [{ territoryId: lead.id, role: "editor" }] });
  const partnerEditor = await makeUser(db, { memberships: [{ territoryId: partner.id, role: "editor" }] });
  await db.updateTable("users").set({ locale: "en" }).where("id", "=", partnerEditor.id).execute();

  const notify = async (event: NotificationEvent, userIds: string[], createdAt: string) => {
    const projectId = "projectId" in event ? event.projectId : null;
    await insertNotifications(
      db,
      {
        eventId: randomUUID(),
        createdAt,
        category: NOTIFICATION_CATEGORY_OF[event.kind],
        event,
        actorId: null,
        cooperationId: cooperation.id,
        projectId,
        adminTerritoryId: null,
      },
      userIds,
    );
  };
  const action = (project: { id: string; title: string }, title: string): NotificationEvent => ({
    kind: "action_logged",
    cooperationId: cooperation.id,
    cooperationName: cooperation.name,
    projectId: project.id,
    projectTitle: project.title,
    actionId: randomUUID(),
    actionTitle: title,
    occurredOn: "2027-03-07",
  });
  const step = (project: { id: string; title: string }): NotificationEvent => ({
    kind: "application_step",
    cooperationId: cooperation.id,
    projectId: project.id,
    projectTitle: project.title,
    applicationId: randomUUID(),
    programmeName: "DETR",
    from: "submitted",
    to: "granted",
  });
  return { lead, partner, open, restricted, leadEditor, partnerEditor, notify, action, step };
}

const outbox = (to: string, kind: string) =>
  getDb()
    .db.selectFrom("mail_outbox")
    .select(["subject", "text", "html", "links", "headers", "locale"])
    .where("to_address", "=", to)
    .where("kind", "=", kind)
    .execute();

describe("notifications by e-mail, immediately (each once, readable now)", () => {
  it("a funding step reaches both partners at once, once even with two instances; the partners-only one only its partner", async () => {
    const w = await world();
    const now = new Date().toISOString();
    await w.notify(w.step(w.open), [w.leadEditor.id, w.partnerEditor.id], now);
    // Queued for the partner's editor, who cannot read the partners-only project (as if the right went since).
    await w.notify(w.step(w.restricted), [w.leadEditor.id, w.partnerEditor.id], now);
    // Actions go to the daily digest by default: not now.
    await w.notify(w.action(w.open, "Comité de pilotage"), [w.leadEditor.id], now);

    const url = getDb().connectionString;
    const other = url ? await createDb({ databaseUrl: url, poolSize: 3 }) : getDb();
    try {
      await Promise.all([
        sendImmediateNotifications(getDb(), null, PUBLIC_URL),
        sendImmediateNotifications(other, null, PUBLIC_URL),
      ]);
      await sendImmediateNotifications(getDb(), null, PUBLIC_URL);
    } finally {
      if (url) await other.close();
    }
    const toLead = await outbox(w.leadEditor.email, "notification");
    expect(toLead.map((m) => m.subject).sort()).toEqual(
      [`Demande DETR (« ${w.open.title} ») : accordée`, `Demande DETR (« ${w.restricted.title} ») : accordée`].sort(),
    );
    const toPartner = await outbox(w.partnerEditor.email, "notification");
    expect(toPartner.map((m) => m.subject)).toEqual([`DETR application (“${w.open.title}”): granted`]);
    expect(toPartner[0]?.locale).toBe("en");
    expect(toPartner[0]?.links).toContain(`${PUBLIC_URL}/projets/${w.open.id}`);
    expect(toPartner[0]?.headers["List-Unsubscribe"]).toContain(`c=funding`);
    expect(toPartner[0]?.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
  });

  it("never for a category turned off", async () => {
    const w = await world();
    await setMailPreference(getDb().db, w.leadEditor.id, "funding", "never");
    await w.notify(w.step(w.open), [w.leadEditor.id], new Date().toISOString());
    await sendImmediateNotifications(getDb(), null, PUBLIC_URL);
    expect(await outbox(w.leadEditor.email, "notification")).toEqual([]);
  });
});

describe("daily and weekly digests (controlled clock, Paris days)", () => {
  it("the daily digest holds the day before in Paris, readable now, in the reader's language; built once", async () => {
    const w = await world();
    const monday = "2027-03-08";
    // Sunday 10:00 in Paris; Sunday 23:30 UTC is already Monday in Paris (next digest).
    await w.notify(
      w.action(w.open, "Comité de pilotage"),
      [w.leadEditor.id, w.partnerEditor.id],
      "2027-03-07T09:00:00Z",
    );
    await w.notify(
      w.action(w.restricted, "Note interne"),
      [w.leadEditor.id, w.partnerEditor.id],
      "2027-03-07T10:00:00Z",
    );
    await w.notify(w.action(w.open, "Après minuit"), [w.leadEditor.id], "2027-03-07T23:30:00Z");
    await w.notify(w.action(w.open, "Samedi"), [w.leadEditor.id], "2027-03-06T12:00:00Z");

    // The partner's editor moved reminders to the daily digest: it lists the deadlines of the next 30 days.
    await setMailPreference(getDb().db, w.partnerEditor.id, "reminder", "daily");
    const programme = await makeProgramme(getDb().db, {
      name: "FEDER",
      funderName: "Union européenne",
      funderKind: "eu",
    });
    await makeApplication(getDb().db, {
      projectId: w.open.id,
      applicantTerritoryId: w.partner.id,
      programmeId: programme.id,
      status: "granted",
      requestedCents: 1_000_000,
      spendingDeadline: "2027-03-31",
    });

    const first = await buildDigests(getDb(), null, {
      period: "daily",
      today: monday,
      publicUrl: PUBLIC_URL,
      batchSize: 7,
    });
    expect(first.queued).toBeGreaterThanOrEqual(2);
    const again = await buildDigests(getDb(), null, { period: "daily", today: monday, publicUrl: PUBLIC_URL });
    expect(again.queued).toBe(0);

    const [lead] = await outbox(w.leadEditor.email, "digest-daily");
    expect(lead?.subject).toBe("Trame : votre récapitulatif quotidien (07/03/2027)");
    expect(lead?.text).toContain("« Comité de pilotage »");
    expect(lead?.text).toContain("« Note interne »");
    expect(lead?.text).not.toContain("Après minuit");
    expect(lead?.text).not.toContain("Samedi");
    expect(lead?.html).toContain(`href="${PUBLIC_URL}/projets/${w.open.id}"`);
    expect(lead?.headers["List-Unsubscribe"]).toContain("c=digest");
    const [partner] = await outbox(w.partnerEditor.email, "digest-daily");
    expect(partner?.subject).toBe("Trame: your daily digest (07/03/2027)");
    expect(partner?.text).toContain("“Comité de pilotage”");
    // The partners-only project's action never reaches a non-partner, even with a row queued for them.
    expect(partner?.text).not.toContain("Note interne");
    expect(partner?.text).not.toContain(w.restricted.title);
    expect(partner?.text).toContain(`31/03/2027 (in 23 d): Spending deadline, “${w.open.title}” — FEDER`);
    // The lead's editor keeps reminders by e-mail and the summary weekly: no deadlines in the daily digest.
    expect(lead?.text).not.toContain("Échéances des 30 prochains jours");
  });

  it("the weekly digest (Monday): the categories put in it and the deadlines of the next 30 days; none for 'never'", async () => {
    const { db } = getDb();
    const w = await world();
    const monday = "2027-05-10";
    await setMailPreference(db, w.partnerEditor.id, "action", "weekly");
    const programme = await makeProgramme(db, {
      name: "LEADER",
      funderName: "Région Nouvelle-Aquitaine",
      funderKind: "region",
    });
    await makeApplication(db, {
      projectId: w.open.id,
      applicantTerritoryId: w.partner.id,
      programmeId: programme.id,
      status: "draft",
      requestedCents: 1_000_000,
      submissionDeadline: "2027-05-20",
    });
    await makeApplication(db, {
      projectId: w.restricted.id,
      applicantTerritoryId: w.lead.id,
      programmeId: programme.id,
      status: "draft",
      requestedCents: 1_000_000,
      submissionDeadline: "2027-05-21",
    });
    await w.notify(
      w.action(w.open, "Visite de chantier"),
      [w.leadEditor.id, w.partnerEditor.id],
      "2027-05-05T08:00:00Z",
    );
    const silent = await makeUser(db, { memberships: [{ territoryId: w.lead.id, role: "viewer" }] });
    await setMailPreference(db, silent.id, "digest", "never");

    await buildDigests(getDb(), null, { period: "weekly", today: monday, publicUrl: PUBLIC_URL });
    const [partner] = await outbox(w.partnerEditor.email, "digest-weekly");
    expect(partner?.subject).toBe("Trame: your weekly digest (03/05/2027 – 10/05/2027)");
    expect(partner?.text).toContain("What happened in your cooperations");
    expect(partner?.text).toContain("“Visite de chantier”");
    expect(partner?.text).toContain(`20/05/2027 (in 10 d): Submission deadline, “${w.open.title}” — LEADER`);
    expect(partner?.text).not.toContain(w.restricted.title);
    const [lead] = await outbox(w.leadEditor.email, "digest-weekly");
    // The lead's editor keeps actions daily: the weekly holds the deadlines only, both projects (a partner of each).
    expect(lead?.text).not.toContain("Visite de chantier");
    expect(lead?.text).toContain("Échéances des 30 prochains jours");
    expect(lead?.text).toContain(w.restricted.title);
    expect(await outbox(silent.email, "digest-weekly")).toEqual([]);
  });
});

describe("a digest through the job queue and the SMTP server", () => {
  it("is sent with its links and the one-click unsubscribe headers, read back by mailparser", async () => {
    const w = await world();
    await w.notify(w.action(w.open, "Atelier mobilités"), [w.partnerEditor.id], "2027-09-14T10:00:00Z");
    const queue = await startJobQueue(getDb(), pino({ level: "silent" }), {
      pollingIntervalSeconds: 0.5,
      mailTransport: smtpTransport(smtp.url, "Trame <trame@example.fr>"),
      publicUrl: PUBLIC_URL,
    });
    try {
      const { queued } = await buildDigests(getDb(), queue.boss, {
        period: "daily",
        today: "2027-09-15",
        publicUrl: PUBLIC_URL,
      });
      expect(queued).toBeGreaterThanOrEqual(1);
      const mail = await smtp.waitFor(w.partnerEditor.email, 60, /daily digest/);
      expect(mail.parsed.subject).toBe("Trame: your daily digest (14/09/2027)");
      expect(mail.parsed.html).toContain(`href="${PUBLIC_URL}/projets/${w.open.id}"`);
      expect(mail.parsed.text).toContain(`“Atelier mobilités” (${w.open.title}) : ${PUBLIC_URL}/projets/${w.open.id}`);
      const header = (name: string) =>
        mail.parsed.headerLines.find((h) => h.key === name)?.line.replace(/^[^:]+:\s*/, "");
      expect(header("list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
      expect(header("list-unsubscribe")).toMatch(
        new RegExp(`^<${PUBLIC_URL}/api/desabonnement\\?u=${w.partnerEditor.id}&c=digest&s=`),
      );
    } finally {
      await queue.stop();
    }
  }, 120_000);
});
