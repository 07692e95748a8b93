import { randomUUID } from "node:crypto";
import { type Database, deleteMembership, type Kysely, upsertMembership } from "@trame/db";
import PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { JOB_SCHEMA } from "../src/jobs/job-queue.ts";
import { fanOutNotification, NOTIFICATION_QUEUE, type NotificationJob } from "../src/jobs/notification-fanout.job.ts";
import { sqlExecutor } from "../src/jobs/sql-executor.ts";
import { failure } from "./support/expect-error.ts";
import { callerFor, makeTerritory, makeUser, type TestUser } from "./support/factories.ts";
import { useTestDb } from "./support/test-db.ts";

const testDb = useTestDb();
const db = () => testDb().db;

/**
 * A real pg-boss on the test database with no worker: the test takes the queued jobs itself and runs
 * the fan-out, so it decides when (e.g. after a right is removed) and nothing races it.
 */
let boss: PgBoss;
beforeAll(async () => {
  boss = new PgBoss({ db: sqlExecutor(testDb()), schema: JOB_SCHEMA, supervise: false, schedule: false });
  await boss.start();
  await boss.createQueue(NOTIFICATION_QUEUE, { name: NOTIFICATION_QUEUE });
}, 60_000);
afterAll(async () => {
  await boss.stop({ graceful: false, close: false, wait: true });
});

/** Takes every queued fan-out job (returned, so a test may run them later). */
async function takeJobs(): Promise<NotificationJob[]> {
  const jobs = await boss.fetch<NotificationJob>(NOTIFICATION_QUEUE, { batchSize: 100 });
  if (jobs.length)
    await boss.complete(
      NOTIFICATION_QUEUE,
      jobs.map((j) => j.id),
    );
  return jobs.map((j) => j.data);
}
async function runJobs(jobs: NotificationJob[]): Promise<void> {
  for (const job of jobs) await fanOutNotification(db(), job);
}

const as = (user: TestUser) => callerFor(db(), user, "127.0.0.1", { notifications: boss });

/**
 * A cooperation of a metropolis and a neighbour, a restricted project of both, and a third territory
 * that joins the cooperation as an associate but is not a partner of the project.
 */
async function world(d: Kysely<Database>) {
  const [lead, partner, associate, elsewhere] = await Promise.all([
    makeTerritory(d, { kind: "METRO" }),
    makeTerritory(d),
    makeTerritory(d),
    makeTerritory(d),
  ]);
  const leadAdmin = await makeUser(d, { memberships: [{ territoryId: lead.id, role: "admin" }] });
  const leadEditor = await makeUser(d, { memberships: [{ territoryId: lead.id, role: "editor" }] });
  const partnerEditor = await makeUser(d, { memberships: [{ territoryId: partner.id, role: "editor" }] });
  const partnerViewer = await makeUser(d, { memberships: [{ territoryId: partner.id, role: "viewer" }] });
  const associateViewer = await makeUser(d, { memberships: [{ territoryId: associate.id, role: "viewer" }] });
  const stranger = await makeUser(d, { memberships: [{ territoryId: elsewhere.id, role: "viewer" }] });
  const admin = await as(leadAdmin);
  const cooperation = await admin.cooperation.create({
    name: `Contrat de réciprocité ${randomUUID().slice(0, 8)}`,
    engagementForm: "contrat_reciprocite",
    leadTerritoryId: lead.id,
    startedOn: "2020-01-15",
    themes: ["food"],
  });
  for (const territoryId of [partner.id, associate.id]) {
    await admin.cooperation.addMember({
      cooperationId: cooperation.id,
      territoryId,
      role: "member",
      joinedOn: "2020-06-01",
    });
  }
  const restricted = await (await as(leadEditor)).project.create({
    cooperationId: cooperation.id,
    title: `PAT réservé ${randomUUID().slice(0, 8)}`,
    themes: ["food"],
    visibility: "partners",
    partners: [
      { territoryId: lead.id, role: "lead" },
      { territoryId: partner.id, role: "partner" },
    ],
  });
  await takeJobs(); // what the set-up queued is not what these tests look at
  return {
    lead,
    partner,
    associate,
    cooperation,
    restricted,
    leadAdmin,
    leadEditor,
    partnerEditor,
    partnerViewer,
    associateViewer,
    stranger,
  };
}

const meeting = { occurredOn: "2026-11-20", kind: "meeting" as const, title: "Comité de pilotage" };

async function unread(user: TestUser): Promise<number> {
  return (await as(user)).notification.unreadCount();
}

describe("notifications : abonnements et diffusion", () => {
  it("une action sur un projet réservé notifie les membres des partenaires, pas l'auteur ni les autres", async () => {
    const w = await world(db());
    await (await as(w.partnerEditor)).action.create({ ...meeting, projectId: w.restricted.id });
    const jobs = await takeJobs();
    expect(jobs).toHaveLength(1); // ONE job per write; nothing written before it runs
    expect(await unread(w.leadEditor)).toBe(0);
    await runJobs(jobs);

    expect(await unread(w.leadEditor)).toBe(1);
    expect(await unread(w.leadAdmin)).toBe(1);
    expect(await unread(w.partnerViewer)).toBe(1);
    expect(await unread(w.partnerEditor)).toBe(0); // the author
    expect(await unread(w.associateViewer)).toBe(0); // follows the cooperation, but may not read the project
    expect(await unread(w.stranger)).toBe(0);
    const rows = await db()
      .selectFrom("notifications")
      .select("user_id")
      .where("project_id", "=", w.restricted.id)
      .execute();
    expect(rows.map((r) => r.user_id).sort()).toEqual([w.leadAdmin.id, w.leadEditor.id, w.partnerViewer.id].sort());

    const page = await (await as(w.leadEditor)).notification.list({});
    expect(page.items).toHaveLength(1);
    const [item] = page.items;
    expect(item).toMatchObject({
      category: "action",
      kind: "action_logged",
      link: `/projets/${w.restricted.id}`,
      readAt: null,
      event: { projectId: w.restricted.id, actionTitle: meeting.title },
    });
    expect(item?.title.fr).toContain(`« ${meeting.title} »`);
    expect(item?.title.en).toContain(`“${meeting.title}”`);

    // A retried job writes nothing twice.
    await runJobs(jobs);
    expect(await unread(w.leadEditor)).toBe(1);
  });

  it("une action sur la coopération notifie tous ses membres ; qui se désabonne ne reçoit plus rien", async () => {
    const w = await world(db());
    const associate = await as(w.associateViewer);
    expect(await associate.follow.status({ target: { kind: "cooperation", id: w.cooperation.id } })).toEqual({
      following: true,
      explicit: null,
      automatic: true,
    });
    await (await as(w.leadEditor)).action.create({ ...meeting, cooperationId: w.cooperation.id });
    await runJobs(await takeJobs());
    expect(await unread(w.associateViewer)).toBe(1);
    expect(await unread(w.stranger)).toBe(0);

    expect(
      await associate.follow.set({ target: { kind: "cooperation", id: w.cooperation.id }, following: false }),
    ).toEqual({
      following: false,
      explicit: false,
      automatic: true,
    });
    await (await as(w.leadEditor)).action.create({
      ...meeting,
      title: "Deuxième comité",
      cooperationId: w.cooperation.id,
    });
    await runJobs(await takeJobs());
    expect(await unread(w.associateViewer)).toBe(1);
    expect(await unread(w.partnerViewer)).toBe(2);
  });

  it("un abonnement explicite à ce qu'on peut lire ; NOT_FOUND pour un projet réservé qu'on ne peut pas lire", async () => {
    const w = await world(db());
    const stranger = await as(w.stranger);
    const hidden = await failure(
      stranger.follow.set({ target: { kind: "project", id: w.restricted.id }, following: true }),
    );
    expect(hidden.code).toBe("NOT_FOUND");
    expect((await failure(stranger.follow.status({ target: { kind: "project", id: randomUUID() } }))).code).toBe(
      "NOT_FOUND",
    );
    await stranger.follow.set({ target: { kind: "cooperation", id: w.cooperation.id }, following: true });
    await (await as(w.leadEditor)).action.create({ ...meeting, cooperationId: w.cooperation.id });
    await (await as(w.leadEditor)).action.create({ ...meeting, projectId: w.restricted.id });
    await runJobs(await takeJobs());
    // The cooperation's own action, yes; the restricted project's, never (an outsider to its partners).
    const page = await stranger.notification.list({});
    expect(page.items.map((i) => i.event)).toEqual([expect.objectContaining({ projectId: null })]);
  });

  it("un droit retiré après la mise en file : rien n'est écrit ; retiré après l'écriture : plus listé ni compté", async () => {
    const w = await world(db());
    await (await as(w.leadEditor)).action.create({ ...meeting, projectId: w.restricted.id });
    const jobs = await takeJobs();
    await deleteMembership(db(), w.partnerViewer.id, w.partner.id);
    await upsertMembership(db(), { userId: w.partnerViewer.id, territoryId: w.associate.id, role: "viewer" });
    await runJobs(jobs);
    expect(
      await db().selectFrom("notifications").select("id").where("user_id", "=", w.partnerViewer.id).execute(),
    ).toEqual([]);

    // partnerEditor got it, then loses the partner territory: it disappears from the list and the count.
    const editor = await as(w.partnerEditor);
    expect(await editor.notification.unreadCount()).toBe(1);
    await upsertMembership(db(), { userId: w.partnerEditor.id, territoryId: w.associate.id, role: "viewer" });
    await deleteMembership(db(), w.partnerEditor.id, w.partner.id);
    const later = await as(w.partnerEditor);
    expect(await later.notification.unreadCount()).toBe(0);
    expect((await later.notification.list({})).items).toEqual([]);
  });

  it("marquer comme lu : une, puis toutes ; celles d'un autre ne bougent pas ; pages par curseur", async () => {
    const w = await world(db());
    const author = await as(w.partnerEditor);
    for (const title of ["Un", "Deux", "Trois"])
      await author.action.create({ ...meeting, title, cooperationId: w.cooperation.id });
    await runJobs(await takeJobs());
    const reader = await as(w.leadEditor);
    const first = await reader.notification.list({ limit: 2 });
    expect(first.items.map((i) => i.event)).toEqual([
      expect.objectContaining({ actionTitle: "Trois" }),
      expect.objectContaining({ actionTitle: "Deux" }),
    ]);
    expect(first.nextCursor).toBeTruthy();
    const second = await reader.notification.list({ limit: 2, cursor: first.nextCursor ?? undefined });
    expect(second.items.map((i) => i.event)).toEqual([expect.objectContaining({ actionTitle: "Un" })]);
    expect(second.nextCursor).toBeNull();

    const one = first.items[0]?.id ?? "";
    // Someone else's id changes nothing.
    expect(await (await as(w.leadAdmin)).notification.markRead({ ids: [one] })).toEqual({ changed: 0 });
    expect(await reader.notification.markRead({ ids: [one] })).toEqual({ changed: 1 });
    expect(await reader.notification.unreadCount()).toBe(2);
    expect((await reader.notification.list({ unreadOnly: true })).items).toHaveLength(2);
    expect(await reader.notification.markRead({ all: true })).toEqual({ changed: 2 });
    expect(await reader.notification.unreadCount()).toBe(0);
    expect(await unread(w.leadAdmin)).toBe(3);
    const bad = await failure(reader.notification.markRead({ ids: ["pas-un-id"] }));
    expect(bad.code).toBe("BAD_REQUEST");
  });

  it("un changement de statut du projet et l'arrivée d'un territoire sont notifiés, avec leur catégorie", async () => {
    const w = await world(db());
    const project = await (await as(w.leadEditor)).project.get({ id: w.restricted.id });
    await (await as(w.leadEditor)).project.changeStatus({
      id: project.id,
      version: project.version,
      status: project.status === "idea" ? "planned" : "abandoned",
      changedOn: "2026-11-25",
    });
    const newcomer = await makeTerritory(db());
    await (await as(w.leadAdmin)).cooperation.addMember({
      cooperationId: w.cooperation.id,
      territoryId: newcomer.id,
      role: "member",
      joinedOn: "2026-11-26",
    });
    await runJobs(await takeJobs());
    const partner = await (await as(w.partnerViewer)).notification.list({});
    expect(partner.items.map((i) => [i.category, i.kind])).toEqual([
      ["membership", "territory_joined"],
      ["project_status", "project_status_changed"],
    ]);
    expect(partner.items[0]?.title.fr).toBe(`${newcomer.name} rejoint la coopération « ${w.cooperation.name} »`);
    // The associate follows the cooperation but may not read the restricted project.
    const associate = await (await as(w.associateViewer)).notification.list({});
    expect(associate.items.map((i) => i.kind)).toEqual(["territory_joined"]);
  });
});
