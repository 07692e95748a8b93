import { sql } from "@trame/db";
import { describe, expect, it } from "vitest";
import { hashSessionToken } from "../src/auth/session-token.ts";
import { RESET_REQUESTS_PER_ACCOUNT } from "../src/services/password-reset.service.ts";
import { failure, fieldsOf } from "./support/expect-error.ts";
import { callerFor, makeUser, sessionFor, TEST_PASSWORD } from "./support/factories.ts";
import { useTestDb } from "./support/test-db.ts";

const getDb = useTestDb();
const PUBLIC_URL = "https://trame.example.fr";
let counter = 0;
/** Each test from its own client address, so the per-address count of one does not spill into another. */
const nextAddress = () => `10.1.0.${++counter}`;

async function visitor(address = nextAddress()) {
  return callerFor(getDb().db, null, address, { publicUrl: PUBLIC_URL });
}

async function resetMailsTo(email: string) {
  return getDb()
    .db.selectFrom("mail_outbox")
    .selectAll()
    .where("to_address", "=", email)
    .where("kind", "=", "password-reset")
    .orderBy("created_at")
    .execute();
}

const tokenOf = (link: string | undefined) => new URL(link ?? "").hash.slice(1);

describe("forgotten password", () => {
  it("the link (mailed in the account's language) sets a new password once, and every session of the account ends", async () => {
    const { db } = getDb();
    const user = await makeUser(db);
    await db.updateTable("users").set({ locale: "en" }).where("id", "=", user.id).execute();
    const laptop = await sessionFor(db, user);
    const phone = await sessionFor(db, user);
    expect(await (await laptop.nextRequest()).auth.me()).not.toBeNull();

    expect(await (await visitor()).auth.requestPasswordReset({ email: user.email.toUpperCase() })).toEqual({
      ok: true,
    });
    const [mail] = await resetMailsTo(user.email);
    expect(mail).toMatchObject({ locale: "en", subject: "Trame: choose a new password" });
    expect(mail?.text).toMatch(/works once, until \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
    const link = mail?.links[0] ?? "";
    expect(link.startsWith(`${PUBLIC_URL}/nouveau-mot-de-passe#`)).toBe(true);
    const token = tokenOf(link);
    // Only the hash is stored.
    const stored = await db.selectFrom("password_resets").selectAll().where("user_id", "=", user.id).execute();
    expect(stored.map((r) => r.token_hash)).toEqual([hashSessionToken(token)]);
    const minutes = (Date.parse(stored[0]?.expires_at ?? "") - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(58);
    expect(minutes).toBeLessThanOrEqual(60);

    const anyone = await visitor();
    const weak = await failure(anyone.auth.resetPassword({ token, password: "court" }));
    expect(fieldsOf(weak.payload)).toEqual(["password"]);
    // Core's strength rule, the account's e-mail counted: a guessable password is refused, the link still usable.
    for (const guessable of ["azertyuiop123", `${user.email.split("@")[0]}!`]) {
      const refused = await failure(anyone.auth.resetPassword({ token, password: guessable }));
      expect(fieldsOf(refused.payload), guessable).toEqual(["password"]);
    }

    const newPassword = "une phrase de passe toute neuve";
    expect(await anyone.auth.resetPassword({ token, password: newPassword })).toEqual({ ok: true });
    // Every session of the account is gone.
    expect(await (await laptop.nextRequest()).auth.me()).toBeNull();
    expect(await (await phone.nextRequest()).auth.me()).toBeNull();
    expect(await db.selectFrom("sessions").select("id").where("user_id", "=", user.id).execute()).toEqual([]);
    // The new password signs in; the old one no longer does.
    const signIn = await visitor();
    await expect(signIn.auth.login({ email: user.email, password: newPassword })).resolves.toMatchObject({
      email: user.email,
    });
    expect((await failure((await visitor()).auth.login({ email: user.email, password: TEST_PASSWORD }))).code).toBe(
      "UNAUTHORIZED",
    );
    // Once only.
    const again = await failure(anyone.auth.resetPassword({ token, password: "encore une autre phrase" }));
    expect(again.code).toBe("PRECONDITION_FAILED");
    expect(again.payload.message.fr).toMatch(/déjà servi/);
  });

  it("answers the same whether the address has an account or not, and writes nothing for an unknown one", async () => {
    const { db } = getDb();
    const user = await makeUser(db);
    const known = await (await visitor()).auth.requestPasswordReset({ email: user.email });
    const unknown = await (await visitor()).auth.requestPasswordReset({ email: `personne.${Date.now()}@example.fr` });
    expect(unknown).toEqual(known);
    expect(await resetMailsTo(`personne.${Date.now()}@example.fr`)).toEqual([]);
    // A disabled account gets no link either, with the same answer.
    const disabled = await makeUser(db);
    await db.updateTable("users").set({ disabled_at: sql<string>`now()` }).where("id", "=", disabled.id).execute();
    expect(await (await visitor()).auth.requestPasswordReset({ email: disabled.email })).toEqual(known);
    expect(await resetMailsTo(disabled.email)).toEqual([]);
  });

  it("is throttled per address, known or not, through the sign-in throttle table", async () => {
    const { db } = getDb();
    const user = await makeUser(db);
    const stranger = `inconnu.${Date.now()}@example.fr`;
    for (const email of [user.email, stranger]) {
      for (let i = 0; i < RESET_REQUESTS_PER_ACCOUNT; i++) {
        await (await visitor()).auth.requestPasswordReset({ email });
      }
      const refused = await failure((await visitor()).auth.requestPasswordReset({ email }));
      expect(refused.code).toBe("TOO_MANY_REQUESTS");
      expect(refused.payload.message.fr).toMatch(/Trop de demandes/);
    }
    expect(await resetMailsTo(user.email)).toHaveLength(RESET_REQUESTS_PER_ACCOUNT);
    const rows = await db
      .selectFrom("login_throttle")
      .select(["key", "failures"])
      .where("key", "in", [`reset:${user.email}`, `reset:${stranger}`])
      .execute();
    expect(rows).toHaveLength(2);
    // Parallel requests cannot slip past the limit either: each is counted before any work.
    const fresh = await makeUser(db);
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, async () => (await visitor()).auth.requestPasswordReset({ email: fresh.email })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(RESET_REQUESTS_PER_ACCOUNT);
    expect(await resetMailsTo(fresh.email)).toHaveLength(RESET_REQUESTS_PER_ACCOUNT);
  });

  it("an expired link says so; a reset uses up every other open link of the account", async () => {
    const { db } = getDb();
    const user = await makeUser(db);
    await (await visitor()).auth.requestPasswordReset({ email: user.email });
    await (await visitor()).auth.requestPasswordReset({ email: user.email });
    const [first, second] = (await resetMailsTo(user.email)).map((m) => tokenOf(m.links[0]));
    await db
      .updateTable("password_resets")
      .set({ expires_at: sql<string>`now() - interval '1 minute'` })
      .where("token_hash", "=", hashSessionToken(first ?? ""))
      .execute();
    const expired = await failure(
      (await visitor()).auth.resetPassword({ token: first ?? "", password: "phrase de passe neuve" }),
    );
    expect(expired.code).toBe("PRECONDITION_FAILED");
    expect(expired.payload.message.en).toMatch(/expired/);
    await (await visitor()).auth.resetPassword({ token: second ?? "", password: "phrase de passe neuve" });
    await (await visitor()).auth.requestPasswordReset({ email: user.email });
    const third = tokenOf((await resetMailsTo(user.email)).at(-1)?.links[0]);
    expect(third).not.toBe(second);
    const unknown = await failure(
      (await visitor()).auth.resetPassword({ token: "x".repeat(43), password: "phrase de passe neuve" }),
    );
    expect(unknown.code).toBe("NOT_FOUND");
    // An administrator's "new password required" is met by a reset.
    await db.updateTable("users").set({ password_change_required: true }).where("id", "=", user.id).execute();
    await (await visitor()).auth.resetPassword({ token: third, password: "encore une phrase neuve" });
    const row = await db
      .selectFrom("users")
      .select("password_change_required")
      .where("id", "=", user.id)
      .executeTakeFirstOrThrow();
    expect(row.password_change_required).toBe(false);
  });
});
