import { deleteExpiredRows, insertOutboxMessage, sql } from "@trame/db";
import { describe, expect, it } from "vitest";
import { useTestDb } from "./support/test-db.ts";

const getDb = useTestDb();

describe("housekeeping prunes the outbox", () => {
  it("removes sent and unsent messages older than the kept days, never one still to be sent", async () => {
    const { db } = getDb();
    const write = async (status: "sent" | "unsent" | "pending", daysAgo: number) => {
      const id = await insertOutboxMessage(db, {
        kind: "test",
        to: `${status}-${daysAgo}@example.fr`,
        locale: "fr",
        subject: "Essai",
        html: "<p>Essai</p>",
        text: "Essai",
        links: [],
      });
      await sql`update mail_outbox set status = ${status}, created_at = now() - make_interval(days => ${daysAgo})
        where id = ${id}`.execute(db);
      return id;
    };
    const oldSent = await write("sent", 31);
    const oldUnsent = await write("unsent", 45);
    const oldPending = await write("pending", 60);
    const recentSent = await write("sent", 29);

    const counts = await deleteExpiredRows(db, { outboxKeepDays: 30 });
    expect(counts.outboxMessages).toBe(2);
    const left = await db.selectFrom("mail_outbox").select("id").execute();
    const ids = left.map((row) => row.id);
    expect(ids).toContain(oldPending);
    expect(ids).toContain(recentSent);
    expect(ids).not.toContain(oldSent);
    expect(ids).not.toContain(oldUnsent);
  });
});
