import { describe, expect, it } from "vitest";
import { sendImmediateNotifications } from "../src/jobs/mail-digest.job.ts";
import { callerFor, makeTerritory, makeUser } from "./support/factories.ts";
import { useNotificationQueue } from "./support/notification-queue.ts";
import { useTestDb } from "./support/test-db.ts";

/** Issue 14: "inviting an existing user adds the membership and tells them" — by e-mail and in the bell. */
const testDb = useTestDb();
const db = () => testDb().db;
const { queue, takeJobs, runJobs } = useNotificationQueue(testDb);

const mailKindsTo = async (email: string) =>
  (await db().selectFrom("mail_outbox").select("kind").where("to_address", "=", email).execute()).map((m) => m.kind);

describe("invitation d'un compte existant : notification", () => {
  it("le compte invité voit l'ajout dans sa cloche, lien vers le territoire, et ne reçoit qu'un e-mail", async () => {
    const territory = await makeTerritory(db());
    const admin = await makeUser(db(), { memberships: [{ territoryId: territory.id, role: "admin" }] });
    const colleague = await makeUser(db()); // a viewer of another territory
    const inviter = await callerFor(db(), admin, "127.0.0.1", { notifications: queue() });
    const result = await inviter.invitation.invite({
      territoryId: territory.id,
      email: colleague.email,
      role: "editor",
    });
    expect(result).toMatchObject({ status: "added", userId: colleague.id });

    const jobs = await takeJobs();
    expect(jobs.map((j) => j.event)).toEqual([
      { kind: "membership_added", territoryId: territory.id, territoryName: territory.name, userId: colleague.id },
    ]);
    await runJobs(jobs);
    const page = await (await callerFor(db(), colleague)).notification.list({});
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({
      category: "invitation",
      kind: "membership_added",
      link: `/territoires/${territory.id}`,
      title: { fr: `Vous avez été ajouté·e à ${territory.name}`, en: `You were added to ${territory.name}` },
    });
    expect(await inviter.notification.unreadCount()).toBe(0);

    // The invitation's own e-mail told them; the "immediately" notification mail does not repeat it.
    await sendImmediateNotifications(testDb(), null, "https://trame.example.fr");
    expect(await mailKindsTo(colleague.email)).toEqual(["membership-added"]);
  });

  it("une adresse sans compte reçoit le lien d'invitation, sans notification ; un rôle inchangé ne notifie pas", async () => {
    const territory = await makeTerritory(db());
    const admin = await makeUser(db(), { memberships: [{ territoryId: territory.id, role: "admin" }] });
    const member = await makeUser(db(), { memberships: [{ territoryId: territory.id, role: "viewer" }] });
    const inviter = await callerFor(db(), admin, "127.0.0.1", { notifications: queue() });
    await inviter.invitation.invite({ territoryId: territory.id, email: "nouvelle.venue@example.fr", role: "viewer" });
    expect(
      await inviter.invitation.invite({ territoryId: territory.id, email: member.email, role: "viewer" }),
    ).toMatchObject({ status: "member" });
    expect(await takeJobs()).toEqual([]);
  });
});
