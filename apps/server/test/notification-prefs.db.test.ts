import { DEFAULT_MAIL_DELIVERY } from "@trame/core";
import { describe, expect, it } from "vitest";
import { failure, fieldsOf } from "./support/expect-error.ts";
import { callerFor, makeUser } from "./support/factories.ts";
import { useTestDb } from "./support/test-db.ts";

const getDb = useTestDb();

describe("notificationPrefs: one's own e-mail choices", () => {
  it("starts from the defaults, stores a choice once, and touches nobody else's", async () => {
    const { db } = getDb();
    const [alice, bob] = [await makeUser(db), await makeUser(db)];
    const asAlice = await callerFor(db, alice);
    const asBob = await callerFor(db, bob);

    expect(await asAlice.notificationPrefs.get()).toEqual(DEFAULT_MAIL_DELIVERY);
    expect(DEFAULT_MAIL_DELIVERY).toMatchObject({ reminder: "immediately", digest: "weekly", action: "daily" });

    const after = await asAlice.notificationPrefs.set({ category: "action", delivery: "never" });
    expect(after).toEqual({ ...DEFAULT_MAIL_DELIVERY, action: "never" });
    // Repeated (a retried request): the same state, one row.
    await asAlice.notificationPrefs.set({ category: "action", delivery: "never" });
    await asAlice.notificationPrefs.set({ category: "digest", delivery: "daily" });
    expect(await asAlice.notificationPrefs.get()).toEqual({
      ...DEFAULT_MAIL_DELIVERY,
      action: "never",
      digest: "daily",
    });
    const rows = await db.selectFrom("mail_preferences").selectAll().where("user_id", "=", alice.id).execute();
    expect(rows).toHaveLength(2);
    expect(await asBob.notificationPrefs.get()).toEqual(DEFAULT_MAIL_DELIVERY);
  });

  it("refuses an unknown category or delivery with the field named, and a visitor", async () => {
    const { db } = getDb();
    const user = await makeUser(db);
    const caller = await callerFor(db, user);
    const bad = await failure(
      caller.notificationPrefs.set({ category: "gossip", delivery: "never" } as unknown as {
        category: "action";
        delivery: "never";
      }),
    );
    expect(bad.code).toBe("BAD_REQUEST");
    expect(fieldsOf(bad.payload)).toEqual(["category"]);
    const worse = await failure(
      caller.notificationPrefs.set({ category: "action", delivery: "hourly" } as unknown as {
        category: "action";
        delivery: "never";
      }),
    );
    expect(fieldsOf(worse.payload)).toEqual(["delivery"]);
    expect(await caller.notificationPrefs.get()).toEqual(DEFAULT_MAIL_DELIVERY);
    const visitor = await callerFor(db, null);
    expect((await failure(visitor.notificationPrefs.get())).code).toBe("UNAUTHORIZED");
  });
});
