import { describe, expect, test } from "vitest";
import { DEMO_ADMIN, noSidewaysScroll, useBrowser } from "./support/browser.ts";
import { screenshot, seriousA11yViolations } from "./support/capture.ts";
import { freshKochersbergEditor, signedInAs, signedInOnPhone, trpcMutation } from "./support/demo-api.ts";

const browser = useBrowser();

const IPHONE_UA =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";

describe("mes sessions", () => {
  test("la page compte liste les appareils connectés (appareil, dernière activité) ; terminer celle du téléphone le déconnecte", async () => {
    const person = await freshKochersbergEditor(browser(), "sessions");
    const phone = await signedInOnPhone(browser(), person, { userAgent: IPHONE_UA });
    const desk = await signedInAs(browser(), person);

    // On the phone first: the list reads well at 390 px, and this session is marked as this one.
    await phone.page.goto("/compte");
    const phoneList = phone.page.getByRole("region", { name: "Mes sessions" });
    await phoneList.getByText("Cette session").waitFor();
    expect(await phoneList.getByRole("listitem").count()).toBe(2);
    expect(await noSidewaysScroll(phone.page)).toBe(true);
    expect(await seriousA11yViolations(phone.page)).toEqual([]);
    await screenshot(phone.page, "compte-sessions-telephone");

    await desk.page.goto("/compte");
    const sessions = desk.page.getByRole("region", { name: "Mes sessions" });
    const items = sessions.getByRole("listitem");
    await expect.poll(() => items.count(), { timeout: 10_000 }).toBe(2);
    const current = items.filter({ hasText: "Cette session" });
    await current.getByText(/sous Linux/).waitFor();
    await current.getByText(/^Dernière activité : \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/).waitFor();
    expect(await current.getByRole("button").count()).toBe(0);
    const other = items.filter({ hasText: "Safari sous iOS (téléphone)" });
    await other.getByText(/Ouverte le \d{2}\/\d{2}\/\d{4}/).waitFor();
    expect(await seriousA11yViolations(desk.page)).toEqual([]);
    await screenshot(desk.page, "compte-sessions");

    await other.getByRole("button", { name: "Terminer la session Safari sous iOS (téléphone)" }).click();
    await sessions.getByText("Session terminée.").waitFor();
    await expect.poll(() => items.count(), { timeout: 10_000 }).toBe(1);

    // The phone's next request finds no session: back to sign-in.
    await phone.page.goto("/compte");
    await phone.page.waitForURL((url) => url.pathname === "/connexion", { timeout: 10_000 });
    // The desk's own session is untouched.
    await desk.page.reload();
    await sessions.getByText("Cette session").waitFor();
    await phone.context.close();
    await desk.context.close();
  }, 180_000);
});

describe("changement de mot de passe exigé", () => {
  for (const device of ["ordinateur", "téléphone"] as const) {
    test(`à la connexion, seul le formulaire du nouveau mot de passe s'affiche, partout, jusqu'au changement (${device})`, async () => {
      const person = await freshKochersbergEditor(browser(), `force-${device === "ordinateur" ? "pc" : "tel"}`, {
        requirePasswordChange: true,
      });
      const { context, page } =
        device === "ordinateur"
          ? await signedInAs(browser(), person)
          : await signedInOnPhone(browser(), person, { userAgent: IPHONE_UA });
      await page.getByRole("heading", { level: 1, name: "Choisissez un nouveau mot de passe" }).waitFor();
      expect(await page.title()).toBe("Choisissez un nouveau mot de passe — Trame");
      // Any other address shows the same form: the server would refuse everything else anyway.
      await page.goto("/territoires");
      await page.getByRole("heading", { level: 1, name: "Choisissez un nouveau mot de passe" }).waitFor();
      expect(await seriousA11yViolations(page)).toEqual([]);
      if (device === "téléphone") {
        expect(await noSidewaysScroll(page)).toBe(true);
        await screenshot(page, "mot-de-passe-exige-telephone");
      }

      const form = page.getByRole("region", { name: "Changer de mot de passe" });
      const newPassword = "Une tasse de thé vert à midi";
      await form.getByLabel("Mot de passe actuel").fill(person.password);
      await form.getByLabel("Nouveau mot de passe").fill(newPassword);
      await form.getByLabel("Confirmation du mot de passe").fill(newPassword);
      await form.getByRole("button", { name: "Changer le mot de passe" }).click();
      // The page asked for appears in place.
      await page.getByRole("heading", { level: 1, name: "Territoires" }).waitFor({ timeout: 15_000 });
      await page.reload();
      await page.getByRole("heading", { level: 1, name: "Territoires" }).waitFor();
      await context.close();
    }, 180_000);
  }
});

describe("compte sans territoire", () => {
  test("une personne rattachée à aucun territoire voit pourquoi il n'y a rien, et garde l'accès à son compte", async () => {
    const { context, page } = await signedInAs(browser(), DEMO_ADMIN);
    const stamp = `${Date.now()}-${Math.random().toString(36).slice(2, 7)}`;
    const person = {
      name: `Sans territoire ${stamp}`,
      email: `e2e-seul-${stamp}@example.fr`,
      password: "mot-de-passe-initial-2026",
    };
    await trpcMutation(page, "admin.createUser", person);
    await context.close();

    const alone = await signedInAs(browser(), person);
    await alone.page.getByRole("heading", { level: 1, name: "Aucun territoire" }).waitFor();
    await alone.page.getByText("Votre compte n'est rattaché à aucun territoire.").waitFor();
    const answer = await alone.page.request.get(`/trpc/project.list?input=${encodeURIComponent("{}")}`);
    expect(answer.status()).toBe(403);
    await alone.page
      .getByRole("link", { name: /^Mon compte/ })
      .first()
      .click();
    await alone.page.getByRole("heading", { level: 1, name: "Mon compte" }).waitFor();
    await alone.page.getByRole("region", { name: "Mes sessions" }).getByText("Cette session").waitFor();
    expect(await seriousA11yViolations(alone.page)).toEqual([]);
    await alone.context.close();
  }, 120_000);
});
