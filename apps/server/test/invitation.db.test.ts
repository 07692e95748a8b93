import { sql } from "@trame/db";
import { type SmtpCatcher, startSmtpCatcher } from "@trame/test-support/smtp-catcher";
import { pino } from "pino";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { hashSessionToken } from "../src/auth/session-token.ts";
import { createContextInner } from "../src/context.ts";
import { type JobQueue, startJobQueue } from "../src/jobs/job-queue.ts";
import { smtpTransport } from "../src/mail/transport.ts";
import { createCaller } from "../src/root.ts";
import { acceptInvitationsWithProConnect } from "../src/services/invitation.service.ts";
import { failure, fieldsOf } from "./support/expect-error.ts";
import { callerFor, cookieLog, makeTerritory, makeUser, sessionFor } from "./support/factories.ts";
import { useTestDb } from "./support/test-db.ts";

const getDb = useTestDb();
const PUBLIC_URL = "https://trame.example.fr";
const started: JobQueue[] = [];
let smtp: SmtpCatcher;
let counter = 0;

beforeAll(async () => {
  smtp = await startSmtpCatcher();
});
afterEach(async () => {
  for (const queue of started.splice(0)) await queue.stop();
}, 60_000);
afterAll(async () => {
  await smtp.close();
});

const newAddress = () => `invitee.${Date.now()}.${++counter}@example.fr`;

/** The last message written for an address, as the outbox holds it. */
async function lastMailTo(to: string) {
  return getDb()
    .db.selectFrom("mail_outbox")
    .selectAll()
    .where("to_address", "=", to)
    .orderBy("created_at", "desc")
    .executeTakeFirst();
}

const tokenOf = (link: string | undefined) => new URL(link ?? "").hash.slice(1);

async function world() {
  const { db } = getDb();
  const territory = await makeTerritory(db, { name: `Communauté de communes de l'Estuaire ${++counter}` });
  const other = await makeTerritory(db);
  const admin = await makeUser(db, { memberships: [{ territoryId: territory.id, role: "admin" }] });
  const adminCaller = await callerFor(db, admin, "127.0.0.1", { publicUrl: PUBLIC_URL });
  return { db, territory, other, admin, adminCaller };
}

describe("invitations", () => {
  it("a territory admin invites an address: a single-use link by mail (real SMTP), the invitee sets name and password and is signed in", async () => {
    const { db, territory, admin } = await world();
    const queue = await startJobQueue(getDb(), pino({ level: "silent" }), {
      pollingIntervalSeconds: 0.5,
      mailTransport: smtpTransport(smtp.url, "Trame <trame@example.fr>"),
    });
    started.push(queue);
    const caller = await callerFor(db, admin, "127.0.0.1", { publicUrl: PUBLIC_URL, jobs: queue.boss });
    const email = newAddress();
    const result = await caller.invitation.invite({ territoryId: territory.id, email, role: "editor", locale: "en" });
    expect(result.status).toBe("invited");

    const mail = await smtp.waitFor(email);
    expect(mail.parsed.subject).toContain(territory.name);
    expect(mail.parsed.subject).toMatch(/invites you to Trame/);
    const link = /(https:\/\/trame\.example\.fr\/invitation#[\w-]+)/.exec(mail.parsed.text ?? "")?.[1];
    expect(link).toBeTruthy();
    expect(mail.parsed.html).toContain(`href="${link}"`);
    expect(mail.parsed.text).toContain("as editor");
    expect(mail.parsed.text).toMatch(/until \d{2}\/\d{2}\/\d{4}/);
    const token = tokenOf(link);

    // Only the hash is stored.
    const row = await db.selectFrom("invitations").selectAll().where("email", "=", email).executeTakeFirstOrThrow();
    expect(row.token_hash).toBe(hashSessionToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(Date.parse(row.expires_at) - Date.now()).toBeGreaterThan(6.9 * 86_400_000);
    expect(Date.parse(row.expires_at) - Date.now()).toBeLessThan(7.1 * 86_400_000);

    const visitor = await sessionFor(db, null);
    expect(await visitor.caller.invitation.preview({ token })).toMatchObject({
      email,
      territoryId: territory.id,
      territoryName: territory.name,
      role: "editor",
    });
    const weak = await failure(visitor.caller.invitation.accept({ token, name: "Inès Durand", password: "court" }));
    expect(weak.code).toBe("BAD_REQUEST");
    expect(fieldsOf(weak.payload)).toEqual(["password"]);
    expect(weak.payload.fields[0]?.message.fr).toMatch(/12 caractères/);
    // Core's strength rule too, the invited e-mail counted: a guessable password is refused with its reason.
    for (const guessable of ["azertyuiop123", `${email.split("@")[0]}!`]) {
      const refused = await failure(
        visitor.caller.invitation.accept({ token, name: "Inès Durand", password: guessable }),
      );
      expect(fieldsOf(refused.payload), guessable).toEqual(["password"]);
    }

    const accepted = await visitor.caller.invitation.accept({
      token,
      name: "Inès Durand",
      password: "un mot de passe solide",
    });
    expect(accepted).toEqual({ territoryId: territory.id });
    expect(visitor.cookie.token).toBeTruthy();
    const signedIn = createCaller(
      await createContextInner({
        db,
        sessionToken: visitor.cookie.token,
        clientAddress: "127.0.0.1",
        cookie: cookieLog(),
      }),
    );
    const me = await signedIn.auth.me();
    expect(me).toMatchObject({ email, name: "Inès Durand", locale: "en" });
    expect(me?.memberships).toEqual([expect.objectContaining({ territoryId: territory.id, role: "editor" })]);

    // Single use: the same link again, or from anyone else, does nothing.
    const again = await failure(
      (await callerFor(db, null)).invitation.accept({ token, name: "Autre", password: "un autre mot de passe" }),
    );
    expect(again.code).toBe("PRECONDITION_FAILED");
    expect(again.payload.message.fr).toMatch(/déjà servi/);
    expect((await caller.invitation.pending()).some((i) => i.email === email)).toBe(false);
  });

  it("a territory admin cannot invite into another territory, nor resend or revoke its invitations; an editor invites nowhere", async () => {
    const { db, territory, other, adminCaller } = await world();
    const email = newAddress();
    const attack = await failure(adminCaller.invitation.invite({ territoryId: other.id, email, role: "admin" }));
    expect(attack.code).toBe("FORBIDDEN");
    expect(await db.selectFrom("invitations").select("id").where("email", "=", email).execute()).toEqual([]);
    expect(await lastMailTo(email)).toBeUndefined();

    const editor = await makeUser(db, { memberships: [{ territoryId: territory.id, role: "editor" }] });
    const editorCaller = await callerFor(db, editor);
    expect(
      (await failure(editorCaller.invitation.invite({ territoryId: territory.id, email, role: "viewer" }))).code,
    ).toBe("FORBIDDEN");
    expect((await failure(editorCaller.invitation.pending())).code).toBe("FORBIDDEN");

    // An invitation into the other territory, made by its own admin: invisible and untouchable from here.
    const otherAdmin = await makeUser(db, { memberships: [{ territoryId: other.id, role: "admin" }] });
    const { id } = (await (
      await callerFor(db, otherAdmin)
    ).invitation.invite({
      territoryId: other.id,
      email,
      role: "viewer",
    })) as { id: string };
    expect((await adminCaller.invitation.pending()).some((i) => i.id === id)).toBe(false);
    expect((await failure(adminCaller.invitation.resend({ id }))).code).toBe("NOT_FOUND");
    expect((await failure(adminCaller.invitation.revoke({ id }))).code).toBe("NOT_FOUND");
    const row = await db.selectFrom("invitations").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(row.revoked_at).toBeNull();
  });

  it("resending makes a new link (the old one dies); revoking kills it; an expired link says so", async () => {
    const { territory, adminCaller } = await world();
    const email = newAddress();
    const { id } = (await adminCaller.invitation.invite({ territoryId: territory.id, email, role: "viewer" })) as {
      id: string;
    };
    const first = tokenOf((await lastMailTo(email))?.links[0]);
    const pending = await adminCaller.invitation.pending();
    expect(pending.find((i) => i.id === id)).toMatchObject({ email, role: "viewer", territoryName: territory.name });

    await adminCaller.invitation.resend({ id });
    const second = tokenOf((await lastMailTo(email))?.links[0]);
    expect(second).not.toBe(first);
    const visitor = await callerFor(getDb().db, null);
    expect((await failure(visitor.invitation.preview({ token: first }))).code).toBe("NOT_FOUND");
    expect((await visitor.invitation.preview({ token: second })).email).toBe(email);

    await getDb()
      .db.updateTable("invitations")
      .set({ expires_at: sql<string>`now() - interval '1 minute'` })
      .where("id", "=", id)
      .execute();
    const expired = await failure(visitor.invitation.preview({ token: second }));
    expect(expired.code).toBe("PRECONDITION_FAILED");
    expect(expired.payload.message.en).toMatch(/expired/);

    await adminCaller.invitation.revoke({ id });
    expect((await failure(visitor.invitation.preview({ token: second }))).code).toBe("NOT_FOUND");
    expect((await adminCaller.invitation.pending()).some((i) => i.id === id)).toBe(false);
    // Inviting the same address again to the same territory renews one invitation, never two open ones.
    const again = (await adminCaller.invitation.invite({ territoryId: territory.id, email, role: "editor" })) as {
      id: string;
    };
    const renewed = (await adminCaller.invitation.invite({ territoryId: territory.id, email, role: "admin" })) as {
      id: string;
    };
    expect(renewed.id).toBe(again.id);
    expect((await adminCaller.invitation.pending()).filter((i) => i.email === email)).toEqual([
      expect.objectContaining({ role: "admin" }),
    ]);
  });

  it("inviting someone who has an account adds the membership and tells them by mail, in their language", async () => {
    const { db, territory, adminCaller } = await world();
    const colleague = await makeUser(db, { memberships: [] });
    await db.updateTable("users").set({ locale: "fr" }).where("id", "=", colleague.id).execute();
    const result = await adminCaller.invitation.invite({
      territoryId: territory.id,
      email: colleague.email.toUpperCase(),
      role: "editor",
      locale: "en",
    });
    expect(result).toEqual({ status: "added", userId: colleague.id });
    const me = await (await callerFor(db, colleague)).auth.me();
    expect(me?.memberships).toEqual([expect.objectContaining({ territoryId: territory.id, role: "editor" })]);
    const mail = await lastMailTo(colleague.email);
    expect(mail).toMatchObject({ kind: "membership-added", locale: "fr" });
    expect(mail?.subject).toBe(`Vous avez rejoint ${territory.name} sur Trame`);
    expect(mail?.links).toEqual([`${PUBLIC_URL}/territoires/${territory.id}`]);
    expect(await db.selectFrom("invitations").select("id").where("email", "=", colleague.email).execute()).toEqual([]);

    // A disabled account is not invited behind its administrators' back.
    const disabled = await makeUser(db);
    await db.updateTable("users").set({ disabled_at: sql<string>`now()` }).where("id", "=", disabled.id).execute();
    const refused = await failure(
      adminCaller.invitation.invite({ territoryId: territory.id, email: disabled.email, role: "viewer" }),
    );
    expect(refused.code).toBe("CONFLICT");
  });

  it("a ProConnect sign-in by the invitee (same e-mail) accepts the invitation", async () => {
    const { db, territory, adminCaller } = await world();
    const email = newAddress();
    await adminCaller.invitation.invite({ territoryId: territory.id, email, role: "editor" });
    const accepted = await acceptInvitationsWithProConnect(db, {
      email: email.toUpperCase(),
      givenName: "Jeanne",
      usualName: "Martin",
    });
    expect(accepted?.territoryId).toBe(territory.id);
    const user = await db.selectFrom("users").selectAll().where("email", "=", email).executeTakeFirstOrThrow();
    expect(user.name).toBe("Jeanne Martin");
    const membership = await db.selectFrom("memberships").selectAll().where("user_id", "=", user.id).execute();
    expect(membership).toEqual([expect.objectContaining({ territory_id: territory.id, role: "editor" })]);
    expect((await adminCaller.invitation.pending()).some((i) => i.email === email)).toBe(false);
    // Nothing waits any more: a second sign-in is an ordinary account match.
    expect(await acceptInvitationsWithProConnect(db, { email, givenName: "J", usualName: "M" })).toBeNull();
  });

  it("bad input is answered with the field and the reason in both languages", async () => {
    const { territory, adminCaller } = await world();
    const bad = await failure(
      adminCaller.invitation.invite({ territoryId: territory.id, email: "pas-une-adresse", role: "editor" }),
    );
    expect(bad.code).toBe("BAD_REQUEST");
    expect(fieldsOf(bad.payload)).toEqual(["email"]);
    const visitor = await callerFor(getDb().db, null);
    const shortToken = await failure(visitor.invitation.preview({ token: "abc" }));
    expect(fieldsOf(shortToken.payload)).toEqual(["token"]);
    expect(shortToken.payload.fields[0]?.message.en).toMatch(/link/i);
  });
});
