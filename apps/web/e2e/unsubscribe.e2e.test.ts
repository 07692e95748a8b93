import { addDays, todayInFrance } from "@trame/core";
import type { SmtpCatcher } from "@trame/test-support/smtp-catcher";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { launchBrowser, signIn } from "./support/browser.ts";
import { screenshot, seriousA11yViolations } from "./support/capture.ts";
import { DEMO_PASSWORD } from "./support/demo-accounts.ts";
import { findProject, trpcMutation, trpcQuery } from "./support/demo-api.ts";
import { type ServerWithMail, startServerWithMail } from "./support/mail-server.ts";
import type { RunningServer } from "./support/server.ts";

/** Editor of Montpellier Méditerranée Métropole, lead of the A750 project. */
const MONTPELLIER = { email: "montpellier@trame.demo", password: DEMO_PASSWORD } as const;
const A750 = "Axe A750 : covoiturage et lignes express domicile-travail";
const PHONE = { width: 390, height: 844 };

let mailed: ServerWithMail;
let smtp: SmtpCatcher;
let trame: RunningServer;
let browser: Browser;

// This file's own server: its mail goes to an SMTP server started by the test, and its deadline
// reminders run every minute (instead of 8:00) so that one arrives while the test waits.
beforeAll(async () => {
  mailed = await startServerWithMail({ env: { TRAME_REMINDERS_CRON: "* * * * *" } });
  ({ smtp, trame } = mailed);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await mailed?.stop();
});

/** The scheduler fires each minute at most; the mail job then sends within seconds. */
const REMINDER_WAIT_SECONDS = 150;

describe("désinscription en un clic (RFC 8058), depuis un vrai courriel", () => {
  test(
    "le rappel d'échéance porte List-Unsubscribe ; son lien, ouvert sur un téléphone sans session, éteint les rappels et rien d'autre",
    async () => {
      // A filing deadline tomorrow on a Montpellier application: its editor gets the 1-day reminder.
      const desk = await browser.newContext({ baseURL: trame.baseUrl });
      const page = await desk.newPage();
      await page.goto("/connexion");
      await signIn(page, MONTPELLIER);
      await page.waitForURL((url) => url.pathname !== "/connexion");
      const project = await findProject(page, A750);
      const lead = project.partners.find((partner) => partner.role === "lead");
      const catalogue = await trpcQuery<{ items: Array<{ id: string }> }>(page, "funding.programmes", {
        query: "DETR",
      });
      const programme = catalogue.items[0];
      if (!lead || !programme) throw new Error("demo lead or DETR programme missing");
      await trpcMutation(page, "funding.createApplication", {
        idempotencyKey: crypto.randomUUID(),
        projectId: project.id,
        applicantTerritoryId: lead.territory.id,
        programmeId: programme.id,
        requestedCents: 5_000_000,
        submissionDeadline: addDays(todayInFrance(), 1),
      });
      const before = await trpcQuery<Record<string, string>>(page, "notificationPrefs.get", undefined);
      expect(before).toMatchObject({ reminder: "immediately", funding: "immediately" });
      await desk.close();

      const mail = await smtp.waitFor(MONTPELLIER.email, REMINDER_WAIT_SECONDS, /^Échéance demain/);
      expect(mail.parsed.subject).toBe(`Échéance demain : le dépôt du dossier — ${A750}`);
      const header = (name: string) =>
        mail.parsed.headerLines.find((h) => h.key === name.toLowerCase())?.line.replace(/^[^:]+:\s*/, "");
      expect(header("List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
      const link = /^<([^>]+)>$/.exec(header("List-Unsubscribe") ?? "")?.[1] ?? "";
      expect(link.startsWith(`${trame.baseUrl}/api/desabonnement?`)).toBe(true);

      // A phone with no session follows the link: a page that asks before changing anything
      // (mail scanners open links on their own), readable at 390 px, accessible.
      const phone = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
      const reader = await phone.newPage();
      await reader.goto(link);
      await reader.getByRole("heading", { level: 1, name: "Se désinscrire" }).waitFor();
      expect(await reader.getByRole("main").textContent()).toContain("Rappels d'échéances (30, 7 et 1 jours avant)");
      expect(
        await reader.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth),
      ).toBe(true);
      expect(await seriousA11yViolations(reader)).toEqual([]);
      await screenshot(reader, "desabonnement-telephone");

      await reader.getByRole("button", { name: "Me désinscrire" }).click();
      await reader.getByRole("heading", { level: 1, name: "Désinscription faite" }).waitFor();
      expect(await reader.getByRole("main").textContent()).toContain(
        "Vous ne recevrez plus de courriel pour : Rappels d'échéances",
      );
      // The same link again (an old message): still valid, changes nothing more.
      await reader.goto(link);
      await reader.getByRole("button", { name: "Me désinscrire" }).click();
      await reader.getByRole("heading", { level: 1, name: "Désinscription faite" }).waitFor();

      // An altered link is refused and changes nothing.
      const altered = await reader.request.post(link.replace("c=reminder", "c=funding"), {
        form: { "List-Unsubscribe": "One-Click" },
      });
      expect(altered.status()).toBe(400);
      await phone.close();

      // Signed in again, the account page reads "Jamais" for reminders, and only for them.
      const again = await browser.newContext({ baseURL: trame.baseUrl });
      const account = await again.newPage();
      await account.goto("/connexion");
      await signIn(account, MONTPELLIER);
      await account.waitForURL((url) => url.pathname !== "/connexion");
      await account.goto("/compte");
      const section = account.getByRole("region", { name: "Courriels" });
      const reminders = section.getByLabel("Rappels d'échéances (30, 7 et 1 jours avant)");
      await reminders.waitFor();
      expect(await reminders.inputValue()).toBe("never");
      expect(await section.getByLabel("Financements (étapes et versements)").inputValue()).toBe("immediately");
      await again.close();
    },
    REMINDER_WAIT_SECONDS * 1000 + 90_000,
  );
});
