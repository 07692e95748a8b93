import { Writable } from "node:stream";
import { createDb, sql } from "@trame/db";
import { type SmtpCatcher, startSmtpCatcher } from "@trame/test-support/smtp-catcher";
import { pino } from "pino";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type JobQueue, startJobQueue } from "../src/jobs/job-queue.ts";
import { MAIL_SWEEP_QUEUE } from "../src/jobs/mail-send.job.ts";
import { smtpTransport } from "../src/mail/transport.ts";
import { failure } from "./support/expect-error.ts";
import { callerFor, makeUser } from "./support/factories.ts";
import { useTestDb } from "./support/test-db.ts";

const getDb = useTestDb();
const silent = pino({ level: "silent" });
const fast = { pollingIntervalSeconds: 0.5 };
const FROM = "Trame <trame@example.fr>";
const PUBLIC_URL = "https://trame.example.fr";
const started: JobQueue[] = [];
let smtp: SmtpCatcher;

beforeAll(async () => {
  smtp = await startSmtpCatcher();
});
// Every queue of the file works on the same database: one left running would take the next test's jobs.
afterEach(async () => {
  for (const queue of started.splice(0)) await queue.stop();
}, 60_000);
afterAll(async () => {
  await smtp.close();
});

async function startQueue(options: { smtp: boolean; log?: pino.Logger; handle?: ReturnType<typeof getDb> }) {
  const queue = await startJobQueue(options.handle ?? getDb(), options.log ?? silent, {
    ...fast,
    mailTransport: options.smtp ? smtpTransport(smtp.url, FROM) : null,
  });
  started.push(queue);
  return queue;
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, seconds = 40): Promise<T> {
  const end = Date.now() + seconds * 1000;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > end) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const outboxRow = (id: string) =>
  getDb().db.selectFrom("mail_outbox").selectAll().where("id", "=", id).executeTakeFirstOrThrow();

describe("e-mail through the outbox and a job (real SMTP server, real parser)", () => {
  it("an administrator's test message reaches the SMTP server in their language, HTML and text, with its link", async () => {
    const { db } = getDb();
    const queue = await startQueue({ smtp: true });
    const admin = await makeUser(db, { isInstanceAdmin: true });
    await db.updateTable("users").set({ locale: "en" }).where("id", "=", admin.id).execute();
    const caller = await callerFor(db, admin, "127.0.0.1", { jobs: queue.boss, publicUrl: PUBLIC_URL });

    const { id } = await caller.admin.sendTestMail();
    const mail = await smtp.waitFor(admin.email);
    expect(mail.parsed.from?.value).toEqual([{ name: "Trame", address: "trame@example.fr" }]);
    expect(mail.parsed.subject).toBe("Trame: test e-mail");
    expect(mail.parsed.text).toContain(`See the e-mails : ${PUBLIC_URL}/admin/courriels`);
    expect(mail.parsed.html).toContain(`href="${PUBLIC_URL}/admin/courriels"`);
    expect(mail.parsed.html).toContain('<html lang="en"');
    // No tracking pixel, nothing fetched when the message is opened.
    expect(mail.parsed.html).not.toMatch(/<img\b/i);
    expect(mail.parsed.attachments).toEqual([]);

    const row = await until(
      () => outboxRow(id),
      (r) => r.status === "sent",
    );
    expect(row.status).toBe("sent");
    expect(row.message_id).toBe(mail.parsed.messageId);
    expect(row.links).toEqual([`${PUBLIC_URL}/admin/courriels`]);
  });

  it("values typed by users are escaped in the HTML", async () => {
    const { renderMail } = await import("../src/mail/render.ts");
    const rendered = renderMail("fr", {
      subject: "<b>x</b>",
      heading: 'Bonjour <script>alert("x")</script>',
      paragraphs: ["Marie & Paul"],
      action: { label: "Ouvrir", url: "https://t.fr/a?b=1&c=2" },
      fallback: "Lien :",
      footer: "Pied",
    });
    expect(rendered.html).not.toContain("<script>");
    expect(rendered.html).toContain("Bonjour &lt;script&gt;");
    expect(rendered.html).toContain("Marie &amp; Paul");
    expect(rendered.html).toContain('href="https://t.fr/a?b=1&amp;c=2"');
    expect(rendered.text).toContain("Ouvrir : https://t.fr/a?b=1&c=2");
  });

  it("a refused message goes back to pending with its error and is retried later with backoff", async () => {
    const { db } = getDb();
    const queue = await startQueue({ smtp: true });
    const admin = await makeUser(db, { isInstanceAdmin: true });
    const caller = await callerFor(db, admin, "127.0.0.1", { jobs: queue.boss, publicUrl: PUBLIC_URL });
    smtp.refuseNext(1);
    const { id } = await caller.admin.sendTestMail();
    const row = await until(
      () => outboxRow(id),
      (r) => r.attempts === 1 && r.status === "pending" && r.last_error !== null,
    );
    expect(row.status).toBe("pending");
    expect(row.last_error).toMatch(/451|Try again later/);
    const job = await until(
      async () =>
        (
          await sql<{ state: string; later: boolean }>`
            select state, start_after > now() + interval '10 seconds' as later from pgboss.job
            where name = 'mail-send' and data->>'id' = ${id}`.execute(db)
        ).rows[0],
      (j) => j?.state === "retry",
    );
    expect(job).toEqual({ state: "retry", later: true });
    // The retry: brought forward rather than waited for.
    await sql`update pgboss.job set start_after = now() where name = 'mail-send' and data->>'id' = ${id}`.execute(db);
    const sent = await until(
      () => outboxRow(id),
      (r) => r.status === "sent",
    );
    expect(sent.attempts).toBe(2);
    expect(smtp.messages.filter((m) => m.envelopeTo.includes(admin.email))).toHaveLength(1);
  });

  it("with two instances (each its own connections), twelve messages are each sent once", async () => {
    const handle = getDb();
    const url = handle.connectionString;
    const other = url ? await createDb({ databaseUrl: url, poolSize: 3 }) : handle;
    const queues = [await startQueue({ smtp: true }), await startQueue({ smtp: true, handle: other })];
    const admins = await Promise.all(Array.from({ length: 12 }, () => makeUser(handle.db, { isInstanceAdmin: true })));
    for (const [i, admin] of admins.entries()) {
      const caller = await callerFor(handle.db, admin, "127.0.0.1", { jobs: queues[i % 2]?.boss ?? null });
      await caller.admin.sendTestMail();
    }
    for (const admin of admins) await smtp.waitFor(admin.email);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    for (const admin of admins) {
      expect(smtp.messages.filter((m) => m.envelopeTo.includes(admin.email))).toHaveLength(1);
    }
    for (const queue of started.splice(0)) await queue.stop();
    if (other !== handle) await other.close();
  });

  it("a message written while no queue ran is sent by the sweep", async () => {
    const { db } = getDb();
    const admin = await makeUser(db, { isInstanceAdmin: true });
    const { id } = await (await callerFor(db, admin)).admin.sendTestMail();
    expect((await outboxRow(id)).status).toBe("pending");
    await sql`update mail_outbox set created_at = now() - interval '2 minutes' where id = ${id}`.execute(db);
    const queue = await startQueue({ smtp: true });
    await queue.boss.send(MAIL_SWEEP_QUEUE, {});
    await smtp.waitFor(admin.email);
    expect(
      (
        await until(
          () => outboxRow(id),
          (r) => r.status === "sent",
        )
      ).status,
    ).toBe("sent");
  });

  it("without SMTP the message stays in the outbox, its links are logged, and instance administrators read it", async () => {
    const { db } = getDb();
    const lines: string[] = [];
    const log = pino(
      { level: "info" },
      new Writable({
        write(chunk, _encoding, next) {
          lines.push(String(chunk));
          next();
        },
      }),
    );
    const queue = await startQueue({ smtp: false, log });
    const admin = await makeUser(db, { isInstanceAdmin: true });
    const caller = await callerFor(db, admin, "127.0.0.1", { jobs: queue.boss, publicUrl: PUBLIC_URL });
    const { id } = await caller.admin.sendTestMail();
    const row = await until(
      () => outboxRow(id),
      (r) => r.status === "unsent",
    );
    expect(row.status).toBe("unsent");
    expect(lines.join("")).toContain(`${PUBLIC_URL}/admin/courriels`);
    expect(smtp.messages.some((m) => m.envelopeTo.includes(admin.email))).toBe(false);

    const list = await caller.admin.mailOutbox({ limit: 100 });
    expect(list.items.find((m) => m.id === id)).toMatchObject({ to: admin.email, status: "unsent", kind: "test" });
    const message = await caller.admin.mailMessage({ id });
    expect(message.text).toContain(`${PUBLIC_URL}/admin/courriels`);
    expect(message.html).toContain("Les courriels partent bien");

    // Territory administrators and others read nothing of it.
    const territoryAdmin = await makeUser(db);
    const other = await callerFor(db, territoryAdmin);
    expect((await failure(other.admin.mailOutbox({}))).code).toBe("FORBIDDEN");
    expect((await failure(other.admin.mailMessage({ id }))).code).toBe("FORBIDDEN");
    expect((await failure(other.admin.sendTestMail())).code).toBe("FORBIDDEN");
  });
});
