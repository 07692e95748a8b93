import type { SmtpCatcher } from "@trame/test-support/smtp-catcher";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { launchBrowser, signIn, unfoldHeader } from "./support/browser.ts";
import { screenshot, seriousA11yViolations } from "./support/capture.ts";
import { DEMO_PASSWORD } from "./support/demo-accounts.ts";
import { type ServerWithMail, startServerWithMail } from "./support/mail-server.ts";
import type { RunningServer } from "./support/server.ts";

/** Administrator of Bordeaux Métropole only: invites into that territory. */
const BORDEAUX_ADMIN = { email: "bordeaux@trame.demo", password: DEMO_PASSWORD } as const;
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

let mailed: ServerWithMail;
let smtp: SmtpCatcher;
let trame: RunningServer;
let browser: Browser;

// This file's own server, sending its mail to an SMTP server started by the test (smtp-server), read
// back with mailparser: the links followed below are the ones the messages carry.
beforeAll(async () => {
  mailed = await startServerWithMail();
  ({ smtp, trame } = mailed);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await mailed?.stop();
});

async function freshPage(viewport = DESKTOP): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: trame.baseUrl, viewport });
  return { context, page: await context.newPage() };
}

async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(
    () =>
      new Promise<number>((resolve) =>
        requestAnimationFrame(() => resolve(document.documentElement.scrollWidth - window.innerWidth)),
      ),
  );
  expect(overflow).toBeLessThanOrEqual(0);
}

/** The one link of a message, from its plain-text body, checked against the HTML body's button. */
function linkIn(mail: Awaited<ReturnType<SmtpCatcher["waitFor"]>>, path: string): string {
  const link = new RegExp(`(${trame.baseUrl}${path}#[\\w-]+)`).exec(mail.parsed.text ?? "")?.[1];
  expect(link, mail.parsed.text).toBeTruthy();
  expect(mail.parsed.html).toContain(`href="${link}"`);
  return link ?? "";
}

/** Each flow signs in two or three people and waits for real mail: more than the default minute on a busy runner. */
const FLOW_TIMEOUT_MS = 150_000;

const stamp = () => `${Date.now()}-${Math.random().toString(36).slice(2, 7)}`;

describe("e-mail flows, end to end (real SMTP server)", () => {
  for (const [device, viewport] of [
    ["ordinateur", DESKTOP],
    ["téléphone", PHONE],
  ] as const) {
    test(
      `invitation (${device}) : l'administratrice invite, le courriel arrive, le lien mène au mot de passe puis au territoire`,
      async () => {
        const email = `e2e-invite-${stamp()}@example.fr`;
        const admin = await freshPage(viewport);
        await admin.page.goto("/connexion");
        await signIn(admin.page, BORDEAUX_ADMIN);
        await admin.page.waitForURL((url) => url.pathname !== "/connexion");
        await admin.page.goto("/admin");
        await admin.page.getByRole("button", { name: "Inviter un collègue" }).click();
        const dialog = admin.page.getByRole("dialog", { name: "Inviter un collègue" });
        await dialog.getByLabel("Adresse e-mail").fill(email);
        // A territory administrator picks among their own territories only.
        expect(await dialog.getByLabel("Territoire").locator("option").allTextContents()).toEqual([
          "Bordeaux Métropole",
        ]);
        await dialog.getByLabel("Rôle").selectOption({ label: "Éditeur" });
        expect(await seriousA11yViolations(admin.page)).toEqual([]);
        await dialog.getByRole("button", { name: "Envoyer l'invitation" }).click();
        await admin.page.getByText(`Invitation envoyée à ${email} pour Bordeaux Métropole.`).waitFor();
        const pending = admin.page.getByRole("table", { name: "Invitations pas encore acceptées" });
        await pending.getByRole("row", { name: new RegExp(email) }).waitFor();
        expect(await seriousA11yViolations(admin.page)).toEqual([]);
        if (viewport === PHONE) await expectNoSidewaysScroll(admin.page);

        const mail = await smtp.waitFor(email);
        expect(mail.parsed.subject).toMatch(/vous invite sur Trame \(Bordeaux Métropole\)/);
        expect(mail.parsed.from?.value[0]?.address).toBe("trame@example.fr");
        const link = linkIn(mail, "/invitation");

        const invitee = await freshPage(viewport);
        await invitee.page.goto(link);
        await invitee.page.getByRole("heading", { level: 1, name: "Invitation sur Trame" }).waitFor();
        await invitee.page.getByText(/rejoindre Bordeaux Métropole avec le rôle éditeur/).waitFor();
        expect(await invitee.page.getByLabel("Adresse e-mail").inputValue()).toBe(email);
        expect(await seriousA11yViolations(invitee.page)).toEqual([]);
        if (viewport === PHONE) await expectNoSidewaysScroll(invitee.page);
        await screenshot(invitee.page, `invitation-${device}`);
        await invitee.page.getByLabel("Votre nom").fill("Camille Invitée");
        await invitee.page.getByLabel("Mot de passe", { exact: true }).fill("lavande sous trois orages bleus");
        await invitee.page.getByRole("button", { name: "Créer mon compte" }).click();
        await invitee.page.waitForURL((url) => /^\/territoires\/[0-9a-f-]{36}$/.test(url.pathname));
        await invitee.page.getByRole("heading", { level: 1, name: "Bordeaux Métropole" }).waitFor();
        // On a phone the account sits behind "Menu".
        await unfoldHeader(invitee.page, invitee.page.getByRole("link", { name: /Compte : Camille Invitée/ }));

        // The link served once: opened again, it says so.
        const again = await freshPage(viewport);
        await again.page.goto(link);
        await again.page.getByText(/Ce lien d'invitation a déjà servi/).waitFor();
        for (const opened of [admin, invitee, again]) await opened.context.close();
      },
      FLOW_TIMEOUT_MS,
    );
  }

  for (const [device, viewport] of [
    ["ordinateur", DESKTOP],
    ["téléphone", PHONE],
  ] as const) {
    test(
      `mot de passe oublié (${device}) : le lien reçu change le mot de passe, les sessions ouvertes se ferment`,
      async () => {
        // An account of its own, made through an invitation accepted over the API.
        const email = `e2e-oubli-${stamp()}@example.fr`;
        const admin = await freshPage();
        await admin.page.goto("/connexion");
        await signIn(admin.page, BORDEAUX_ADMIN);
        await admin.page.waitForURL((url) => url.pathname !== "/connexion");
        const territory = (await admin.page.request.get("/trpc/auth.me").then((r) => r.json())) as {
          result: { data: { memberships: Array<{ territoryId: string }> } };
        };
        const territoryId = territory.result.data.memberships[0]?.territoryId;
        await admin.page.request.post("/trpc/invitation.invite", { data: { territoryId, email, role: "viewer" } });
        const invitation = linkIn(await smtp.waitFor(email), "/invitation");
        const oldPassword = "un ancien mot de passe bien long";
        const accepted = await admin.page.request.post("/trpc/invitation.accept", {
          data: { token: new URL(invitation).hash.slice(1), name: "Dominique Oublieuse", password: oldPassword },
        });
        expect(accepted.ok()).toBe(true);
        await admin.context.close();
        // A session open elsewhere, which the reset must end.
        const elsewhere = await freshPage();
        await elsewhere.page.goto("/connexion");
        await signIn(elsewhere.page, { email, password: oldPassword });
        await elsewhere.page.waitForURL((url) => url.pathname !== "/connexion");

        const { context, page } = await freshPage(viewport);
        await page.goto("/connexion");
        await page.getByRole("link", { name: "Mot de passe oublié ?" }).click();
        await page.getByRole("heading", { level: 1, name: "Mot de passe oublié" }).waitFor();
        expect(await seriousA11yViolations(page)).toEqual([]);
        await page.getByLabel("Adresse e-mail").fill(email);
        await page.getByRole("button", { name: "Recevoir le lien" }).click();
        await page
          .getByText(`Si un compte existe pour ${email}, un lien vient de lui être envoyé.`, { exact: false })
          .waitFor();
        if (viewport === PHONE) await expectNoSidewaysScroll(page);

        const mail = await smtp.waitFor(email, 30, /mot de passe/);
        expect(mail.parsed.subject).toBe("Trame : choisir un nouveau mot de passe");
        const link = linkIn(mail, "/nouveau-mot-de-passe");
        await page.goto(link);
        await page.getByRole("heading", { level: 1, name: "Nouveau mot de passe" }).waitFor();
        expect(await seriousA11yViolations(page)).toEqual([]);
        if (viewport === PHONE) await expectNoSidewaysScroll(page);
        const newPassword = "des girafes rangent la bibliothèque";
        await page.getByLabel("Nouveau mot de passe").fill(newPassword);
        await page.getByRole("button", { name: "Enregistrer le mot de passe" }).click();
        await page.getByText(/Mot de passe changé\. Toutes vos sessions ont été fermées/).waitFor();
        await screenshot(page, `nouveau-mot-de-passe-${device}`);

        // The session opened elsewhere has ended.
        await elsewhere.page.reload();
        await elsewhere.page.waitForURL((url) => url.pathname === "/connexion");
        // The new password signs in.
        await page.getByRole("link", { name: "Aller à la connexion" }).click();
        await signIn(page, { email, password: newPassword });
        await page.waitForURL((url) => url.pathname !== "/connexion");
        // On a phone the account sits behind "Menu".
        await unfoldHeader(page, page.getByRole("link", { name: /Compte : Dominique Oublieuse/ }));
        await context.close();
        await elsewhere.context.close();
      },
      FLOW_TIMEOUT_MS,
    );
  }
});
