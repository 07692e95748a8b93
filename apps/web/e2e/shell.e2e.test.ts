import { describe, expect, test } from "vitest";
import { DEMO_ADMIN, newPage, normaliseSpaces, signedInPage, signIn, useBrowser } from "./support/browser.ts";
import { screenshot, seriousA11yViolations } from "./support/capture.ts";

const browser = useBrowser();

describe("coque de l'application", () => {
  test("une adresse inconnue affiche une vraie page introuvable", async () => {
    const { context, page } = await newPage(browser());
    await page.goto("/cette-page-n-existe-pas");
    await page.getByRole("heading", { level: 1, name: "Page introuvable" }).waitFor();
    expect(normaliseSpaces(await page.getByRole("main").textContent())).toContain("« /cette-page-n-existe-pas »");
    expect(await page.title()).toBe("Page introuvable — Trame");
    await page.getByRole("link", { name: "Aller à la recherche de territoires" }).waitFor();
    await screenshot(page, "page-introuvable");
    await context.close();
  });

  test("le lien d'évitement est le premier arrêt du clavier et mène au contenu", async () => {
    const { context, page } = await newPage(browser());
    await page.goto("/connexion");
    await page.getByRole("heading", { level: 1, name: "Connexion" }).waitFor();
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Aller au contenu" });
    expect(await skip.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.press("Enter");
    expect(await page.getByRole("main").evaluate((element) => element === document.activeElement)).toBe(true);
    await context.close();
  });

  test("passer en anglais traduit l'interface, les messages du serveur, et s'en souvient", async () => {
    const { context, page } = await newPage(browser());
    await page.goto("/connexion");
    await page.getByRole("button", { name: /English/ }).click();
    await page.getByRole("heading", { level: 1, name: "Sign in" }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("en");
    expect(await page.title()).toBe("Sign in — Trame");

    await page.getByLabel("Email address").fill(DEMO_ADMIN.email);
    await page.getByLabel("Password").fill("not-the-right-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("alert").filter({ hasText: "Incorrect email or password" }).waitFor();
    await screenshot(page, "sign-in-english");

    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Sign in" }).waitFor();
    await page.getByRole("button", { name: /Français/ }).click();
    await page.getByRole("heading", { level: 1, name: "Connexion" }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("fr");
    await context.close();
  });

  test("en anglais, les nombres et les types suivent la langue", async () => {
    const { context, page } = await signedInPage(browser());
    await page.getByRole("button", { name: /English/ }).click();
    await page.goto("/territories-do-not-exist");
    await page.getByRole("heading", { level: 1, name: "Page not found" }).waitFor();
    await page.goto("/territoires?q=244500468");
    const orleans = page.getByRole("article", { name: "Orléans Métropole" });
    await orleans.waitFor();
    const text = normaliseSpaces(await orleans.textContent());
    expect(text).toContain("Metropolis");
    expect(text).toMatch(/Population\d{1,3}(,\d{3})+ inhabitants/);
    await context.close();
  });

  test("les pages de connexion et de recherche n'ont aucune violation d'accessibilité grave", async () => {
    const { context, page } = await newPage(browser());
    await page.goto("/connexion");
    await page.getByRole("heading", { level: 1, name: "Connexion" }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    await signIn(page, { email: DEMO_ADMIN.email, password: "faux" });
    await page.getByRole("alert").waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    await signIn(page);
    await page.waitForURL((url) => url.pathname === "/");
    await page.goto("/territoires");
    await page.getByRole("searchbox", { name: "Nom ou SIREN" }).fill("orleans");
    await page.getByRole("article", { name: "Orléans Métropole" }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.goto("/territoires?q=zzqxw");
    await page.getByText(/Nous n'avons trouvé aucun territoire/).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await context.close();
  });
});
