import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { descriptionOf, newPage, signIn, unfoldHeader, useBrowser } from "./support/browser.ts";
import { screenshot, seriousA11yViolations } from "./support/capture.ts";
import { freshKochersbergEditor, signedInAs } from "./support/demo-api.ts";

const browser = useBrowser();

async function openAccount(page: Page) {
  // The signed-in person's name in the header leads to their account.
  await unfoldHeader(page);
  await page.getByRole("link", { name: /^Compte : / }).click();
  await page.waitForURL((url) => url.pathname === "/compte");
  await page.getByRole("heading", { level: 1, name: "Mon compte" }).waitFor();
}

describe("mon compte", () => {
  test("la page montre l'identité et les territoires ; le mot de passe changé sert à la connexion suivante, l'ancien non", async () => {
    const person = await freshKochersbergEditor(browser(), "mdp");
    const { context, page } = await signedInAs(browser(), person);
    await openAccount(page);
    expect(await page.title()).toBe("Mon compte — Trame");
    const identity = page.getByRole("region", { name: "Identité" });
    await identity.getByText(person.name).waitFor();
    await identity.getByText(person.email).waitFor();
    const territories = page.getByRole("table", { name: /Territoires auxquels votre compte est rattaché/ });
    await territories.getByRole("row", { name: /CC du Kochersberg\s*Éditeur/ }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, "compte");

    const newPassword = "une-phrase-de-passe-toute-neuve";
    const form = page.getByRole("region", { name: "Changer de mot de passe" });
    // The rules are shown before typing, and checked in place.
    expect(await descriptionOf(page, "Nouveau mot de passe")).toContain("Au moins 12 caractères");
    await form.getByLabel("Mot de passe actuel").fill(person.password);
    await form.getByLabel("Nouveau mot de passe").fill("court");
    await form.getByLabel("Confirmation du mot de passe").fill("court");
    await form.getByRole("button", { name: "Changer le mot de passe" }).click();
    await expect
      .poll(() => descriptionOf(page, "Nouveau mot de passe"))
      .toContain("Le mot de passe doit compter au moins 12 caractères");

    // The server's refusal lands on its field.
    await form.getByLabel("Mot de passe actuel").fill("pas-le-bon-mot-de-passe");
    await form.getByLabel("Nouveau mot de passe").fill(newPassword);
    await form.getByLabel("Confirmation du mot de passe").fill(newPassword);
    await form.getByRole("button", { name: "Changer le mot de passe" }).click();
    // The server hashes and estimates the new password's strength: give it more than the default second.
    await expect
      .poll(() => descriptionOf(page, "Mot de passe actuel"), { timeout: 10_000 })
      .toBe("Le mot de passe actuel est incorrect");
    expect(await form.getByLabel("Mot de passe actuel").getAttribute("aria-invalid")).toBe("true");
    expect(await seriousA11yViolations(page)).toEqual([]);

    await form.getByLabel("Mot de passe actuel").fill(person.password);
    await form.getByRole("button", { name: "Changer le mot de passe" }).click();
    await form.getByText("Mot de passe changé.").waitFor();
    expect(await form.getByLabel("Nouveau mot de passe").inputValue()).toBe("");

    await page.getByRole("button", { name: "Se déconnecter" }).click();
    await page.waitForURL((url) => url.pathname === "/connexion");
    await signIn(page, { email: person.email, password: person.password });
    await page.getByRole("alert").filter({ hasText: "E-mail ou mot de passe incorrect" }).waitFor();
    await signIn(page, { email: person.email, password: newPassword });
    await page.waitForURL((url) => url.pathname !== "/connexion");
    await page.getByRole("link", { name: `Compte : ${person.name}` }).waitFor();
    await context.close();
  }, 180_000);

  test("la robustesse du nouveau mot de passe s'affiche en mots et en jauge ; un mot de passe facile à deviner est refusé avec sa raison (ordinateur et téléphone)", async () => {
    const person = await freshKochersbergEditor(browser(), "robustesse");
    for (const viewport of [
      { width: 1280, height: 900 },
      { width: 390, height: 844 },
    ]) {
      const { context, page } = await signedInAs(browser(), person);
      await page.setViewportSize(viewport);
      // The dictionaries (about 1 MB) are not part of the pages: they come with the first password typed.
      const scripts: string[] = [];
      page.on("response", async (response) => {
        if (response.url().endsWith(".js")) scripts.push(await response.text().catch(() => ""));
      });
      const dictionaryLoaded = () => scripts.some((body) => body.includes("diceware-common"));
      await openAccount(page);
      expect(dictionaryLoaded()).toBe(false);

      const form = page.getByRole("region", { name: "Changer de mot de passe" });
      const strength = form.locator("#account-new-password-strength");
      let attempts = 0;
      page.on("request", (request) => {
        if (request.url().includes("auth.changePassword")) attempts++;
      });
      await form.getByLabel("Mot de passe actuel").fill(person.password);
      for (const [weak, level, reason] of [
        ["aaaaaaaaaaaa", "très faible", "caractères répétés"],
        ["motdepasse123", "moyenne", "trop facile à deviner"],
        ["azertyuiop12", "faible", "touches voisines du clavier"],
      ] as const) {
        await form.getByLabel("Nouveau mot de passe").fill(weak);
        await strength.getByText(level, { exact: true }).waitFor();
        await strength.getByText(reason, { exact: false }).waitFor();
      }
      expect(dictionaryLoaded()).toBe(true);
      const meter = form.getByRole("meter", { name: "Robustesse" });
      expect(await meter.getAttribute("value")).toBe("1");

      // Submitted anyway: refused on its field, with the reason, before any request.
      await form.getByLabel("Confirmation du mot de passe").fill("azertyuiop12");
      await form.getByRole("button", { name: "Changer le mot de passe" }).click();
      await expect
        .poll(() => descriptionOf(page, "Nouveau mot de passe"), { timeout: 10_000 })
        .toContain("touches voisines du clavier");
      expect(attempts).toBe(0);
      expect(await seriousA11yViolations(page)).toEqual([]);
      if (viewport.width === 390) {
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
        await screenshot(page, "compte-robustesse-telephone");
      }

      await form.getByLabel("Nouveau mot de passe").fill("Rivière-Lente-Hibou-42");
      await strength.getByText("Mot de passe accepté : difficile à deviner.").waitFor();
      await strength.getByText("très bonne", { exact: true }).waitFor();
      expect(await meter.getAttribute("value")).toBe("4");
      await context.close();
    }
  }, 180_000);

  test("la langue choisie sur la page compte s'applique aussitôt, reste après rechargement et suit le compte à la connexion", async () => {
    const person = await freshKochersbergEditor(browser(), "langue");
    const { context, page } = await signedInAs(browser(), person);
    await openAccount(page);
    const language = page.getByRole("region", { name: "Langue" });
    await language.getByText("English", { exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "My account" }).waitFor();
    await page.getByText("Language saved.").waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("en");
    const me = (await (await page.request.get("/trpc/auth.me")).json()) as { result: { data: { locale: string } } };
    expect(me.result.data.locale).toBe("en");

    await page.reload();
    await page.getByRole("heading", { level: 1, name: "My account" }).waitFor();
    expect(await page.getByRole("radio", { name: "English" }).isChecked()).toBe(true);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, "compte-anglais");
    await context.close();

    // Another device (nothing in its storage): the account's language follows at sign-in.
    const other = await newPage(browser());
    await other.page.goto("/connexion");
    await signIn(other.page, person);
    await other.page.getByRole("link", { name: `Account: ${person.name}` }).waitFor();
    expect(await other.page.evaluate(() => document.documentElement.lang)).toBe("en");
    await other.context.close();
  });
});
