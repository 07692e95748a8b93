import { describe, expect, it } from "vitest";
import { fundingWorld } from "./support/application-fixtures.ts";
import { callerFor, makeUser } from "./support/factories.ts";
import { useNotificationQueue } from "./support/notification-queue.ts";
import type { Caller } from "./support/project-fixtures.ts";
import { useTestDb } from "./support/test-db.ts";

const testDb = useTestDb();
const db = () => testDb().db;
const { queue, takeJobs, runJobs } = useNotificationQueue(testDb);

/**
 * The funding world (lead, applicant partner, a funder partner, an outsider) and one more editor of
 * the applicant whose writes queue fan-outs: the other callers' writes queue nothing, so the jobs a
 * test takes are exactly those of the steps it looks at.
 */
async function world() {
  const w = await fundingWorld(db());
  const actorUser = await makeUser(db(), { memberships: [{ territoryId: w.partner.id, role: "editor" }] });
  const actor = await callerFor(db(), actorUser, "127.0.0.1", { notifications: queue() });
  await takeJobs();
  return { ...w, actor };
}

async function unread(caller: Caller): Promise<number> {
  return caller.notification.unreadCount();
}

describe("notifications : étapes et versements des demandes de financement", () => {
  it("une étape notifie les membres des partenaires (catégorie financement), pas son auteur ni un extérieur", async () => {
    const w = await world();
    const draft = await w.createApplication();
    const submitted = await w.actor.funding.transition({
      id: draft.id,
      version: draft.version,
      to: "submitted",
      on: "2025-03-01",
      comment: "",
    });
    const jobs = await takeJobs();
    expect(jobs.map((j) => j.event)).toEqual([
      {
        kind: "application_step",
        cooperationId: w.cooperation.id,
        projectId: w.project.id,
        projectTitle: w.project.title,
        applicationId: draft.id,
        programmeName: w.programme.name,
        from: "draft",
        to: "submitted",
      },
    ]);
    expect(await unread(await w.as("leadEditor"))).toBe(0); // nothing before the job runs
    await runJobs(jobs);

    for (const who of ["leadEditor", "leadAdmin", "partnerEditor"] as const)
      expect(await unread(await w.as(who))).toBe(1);
    expect(await unread(w.cofunderEditor)).toBe(1);
    expect(await unread(w.actor)).toBe(0);
    expect(await unread(await w.as("outsiderEditor"))).toBe(0);
    const [item] = (await (await w.as("leadEditor")).notification.list({})).items;
    expect(item).toMatchObject({ category: "funding", kind: "application_step", link: `/projets/${w.project.id}` });
    expect(item?.title.fr).toBe(`Demande ${w.programme.name} (« ${w.project.title} ») : déposée`);
    expect(submitted.status).toBe("submitted");
  });

  it("chaque versement notifie, avec son montant ; celui qui solde la demande aussi", async () => {
    const w = await world();
    const granted = await w.moveTo(await w.createApplication(), "granted"); // 120 000 € granted
    const first = await w.actor.funding.addPayment({
      applicationId: granted.id,
      version: granted.version,
      paidOn: "2025-07-01",
      amountCents: 4_000_000,
      reference: "Avance",
    });
    await w.actor.funding.addPayment({
      applicationId: granted.id,
      version: first.version,
      paidOn: "2025-09-01",
      amountCents: 8_000_000,
      reference: "Solde",
    });
    const jobs = await takeJobs(); // the queue does not promise an order
    const events = jobs.map((j) => j.event).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    expect(events).toEqual([
      expect.objectContaining({ kind: "application_payment", applicationId: granted.id, amountCents: 4_000_000 }),
      expect.objectContaining({ kind: "application_payment", applicationId: granted.id, amountCents: 8_000_000 }),
    ]);
    await runJobs(jobs);
    const lead = await w.as("leadEditor");
    const titles = (await lead.notification.list({})).items.map((i) => [
      i.kind,
      i.category,
      i.title.fr.replace(/\s/gu, " "), // French amounts group thousands with a narrow no-break space
    ]);
    expect(titles).toHaveLength(2);
    const title = (euros: string) =>
      `Versement de ${euros} € reçu pour la demande ${w.programme.name} (« ${w.project.title} »)`;
    expect(titles).toEqual(
      expect.arrayContaining([
        ["application_payment", "funding", title("40 000")],
        ["application_payment", "funding", title("80 000")],
      ]),
    );
    expect(await unread(w.cofunderEditor)).toBe(2);
    expect(await unread(w.actor)).toBe(0);
  });

  it("un projet réservé aux partenaires : un membre de la coopération qui n'en est pas partenaire n'est pas notifié", async () => {
    const w = await world();
    await w.joinAsAssociate(w.outsider.id); // now follows the cooperation, but is no partner of the project
    const restricted = await w.createProject({ visibility: "partners" });
    const draft = await w.createApplication({ projectId: restricted.id });
    const submitted = await w.actor.funding.transition({
      id: draft.id,
      version: draft.version,
      to: "submitted",
      on: "2025-03-01",
      comment: "",
    });
    await w.actor.funding.transition({
      id: draft.id,
      version: submitted.version,
      to: "under_review",
      on: "2025-03-15",
      comment: "",
    });
    const jobs = await takeJobs();
    expect(jobs).toHaveLength(2); // one job per step
    await runJobs(jobs);
    expect(await unread(await w.as("leadEditor"))).toBe(2);
    expect(await unread(await w.as("outsiderEditor"))).toBe(0);
    expect(await unread(w.cofunderEditor)).toBe(0); // a funder of the other project, not of this one
  });
});
