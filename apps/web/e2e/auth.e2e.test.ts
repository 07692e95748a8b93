import { describe, expect, inject, test } from "vitest";
import {
  DEMO_ADMIN,
  descriptionOf,
  newPage,
  normaliseSpaces,
  signedInPage,
  signIn,
  useBrowser,
} from "./support/browser.ts";
import { screenshot } from "./support/capture.ts";

const browser = useBrowser();

describe("connexion", () => {
  test("un visiteur non connecté passe par la connexion puis revient à la page demandée", async () => {
    const { context, page } = await newPage(browser());
    await page.goto("/territoires?q=orleans");
    await page.waitForURL((url) => url.pathname === "/connexion" && url.searchParams.has("retour"));
    await page.getByRole("heading", { level: 1, name: "Connexion" }).waitFor();
    expect(await page.title()).toBe("Connexion — Trame");
    await screenshot(page, "connexion");

    await signIn(page);
    await page.waitForURL((url) => url.pathname === "/territoires" && url.searchParams.get("q") === "orleans");
    await page.getByRole("heading", { level: 3, name: "Orléans Métropole" }).waitFor();
    await context.close();
  });

  test("un mauvais mot de passe affiche le message du serveur en français", async () => {
    const { context, page } = await newPage(browser());
    await page.goto("/connexion");
    await signIn(page, { email: DEMO_ADMIN.email, password: "pas-le-bon-mot-de-passe" });
    const alert = page.getByRole("alert");
    await alert.waitFor();
    expect(normaliseSpaces(await alert.textContent())).toBe("E-mail ou mot de passe incorrect");
    expect(new URL(page.url()).pathname).toBe("/connexion");
    await screenshot(page, "connexion-erreur");
    await context.close();
  });

  test("les champs mal remplis sont signalés à leur place et décrits pour les lecteurs d'écran", async () => {
    const { context, page } = await newPage(browser());
    await page.goto("/connexion");
    await page.getByLabel("Adresse e-mail").fill("pas-une-adresse");
    await page.getByRole("button", { name: "Se connecter" }).click();

    await page.getByText("Vérifiez les champs signalés ci-dessous.").waitFor();
    const email = page.getByLabel("Adresse e-mail");
    expect(await email.getAttribute("aria-invalid")).toBe("true");
    expect(await descriptionOf(page, "Adresse e-mail")).toContain("Adresse e-mail invalide");
    expect(await descriptionOf(page, "Mot de passe")).toBe("Ce champ ne peut pas être vide");
    // Focus goes to the first field to fix.
    expect(await email.evaluate((element) => element === document.activeElement)).toBe(true);
    await screenshot(page, "connexion-champs");
    await context.close();
  });

  test("se connecter sans page demandée mène à l'accueil, pas à l'annuaire", async () => {
    const { context, page } = await newPage(browser());
    await page.goto("/connexion");
    await signIn(page);
    await page.waitForURL((url) => url.pathname === "/");
    await page.getByRole("heading", { level: 1, name: "Accueil" }).waitFor();
    await context.close();
  });

  test("se déconnecter ramène à la connexion et referme les pages protégées", async () => {
    const { context, page } = await signedInPage(browser());
    await page.getByRole("link", { name: /^Compte :/ }).waitFor();
    await page.getByRole("button", { name: "Se déconnecter" }).click();
    await page.waitForURL((url) => url.pathname === "/connexion");

    await page.goto("/territoires");
    await page.waitForURL((url) => url.pathname === "/connexion");
    await page.getByRole("heading", { level: 1, name: "Connexion" }).waitFor();
    await context.close();
  });

  test("un lien de retour vers un autre site est ignoré après la connexion", async () => {
    const { context, page } = await newPage(browser());
    await page.goto(`/connexion?retour=${encodeURIComponent("//evil.example/")}`);
    await signIn(page);
    await page.waitForURL((url) => url.pathname === "/");
    expect(new URL(page.url()).origin).toBe(inject("baseUrl"));
    await context.close();
  });
});
