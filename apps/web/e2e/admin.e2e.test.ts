import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { DEMO_ADMIN, normaliseSpaces, useBrowser } from "./support/browser.ts";
import { screenshot, seriousA11yViolations } from "./support/capture.ts";
import { DEMO_PASSWORD, MONTPELLIER } from "./support/demo-accounts.ts";
import { signedInAs, trpcQuery } from "./support/demo-api.ts";

const BORDEAUX_ADMIN = { email: "bordeaux@trame.demo", password: DEMO_PASSWORD } as const;

const browser = useBrowser();

/** Types into a territory combo box and picks the option whose name starts with `name`. */
async function pickTerritory(page: Page, label: string, query: string, name: string) {
  await page.getByRole("combobox", { name: label, exact: true }).fill(query);
  await page.getByRole("option", { name: new RegExp(`^${name}`) }).click();
}

describe("administration", () => {
  test("l'administration de l'instance crée un compte, le rattache comme éditeur, et la personne voit ce territoire chez elle", async () => {
    const { context, page } = await signedInAs(browser(), DEMO_ADMIN);
    await page
      .getByRole("navigation", { name: "Navigation principale" })
      .getByRole("link", { name: "Administration" })
      .click();
    await page.waitForURL((url) => url.pathname === "/admin");
    await page.getByRole("heading", { level: 1, name: "Utilisateurs" }).waitFor();
    expect(await page.title()).toBe("Utilisateurs — Trame");
    await page.getByRole("row").filter({ hasText: "montpellier@trame.demo" }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, "admin-utilisateurs");

    const stamp = Date.now();
    const person = {
      name: `Chargée de mission e2e ${stamp}`,
      email: `e2e-admin-${stamp}@example.fr`,
      password: "un-mot-de-passe-provisoire",
    };
    await page.getByRole("button", { name: "Créer un compte" }).click();
    const create = page.getByRole("dialog", { name: "Nouveau compte" });
    // The same rules as the server, in place, before any request.
    await create.getByRole("button", { name: "Créer le compte" }).click();
    await create.getByText("Ce champ ne peut pas être vide").waitFor();
    await create.getByLabel("Nom et fonction").fill(person.name);
    await create.getByLabel("Adresse e-mail").fill(person.email);
    // A password built on the person's own e-mail: the meter says why, and the form refuses it.
    await create.getByLabel("Mot de passe provisoire").fill(`${person.email.split("@")[0]}`);
    await create.getByText("bâti sur le nom ou l'adresse e-mail du compte", { exact: false }).first().waitFor();
    await create.getByRole("button", { name: "Créer le compte" }).click();
    await create.getByRole("meter", { name: "Robustesse" }).waitFor();
    await create.locator("#new-user-password-error").getByText("bâti sur le nom", { exact: false }).waitFor();
    await create.getByLabel("Mot de passe provisoire").fill(person.password);
    await create.getByText("Mot de passe accepté : difficile à deviner.").waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await create.getByRole("button", { name: "Créer le compte" }).click();
    await page.getByText(`Compte créé pour ${person.email}.`).waitFor();
    const row = page.getByRole("row").filter({ hasText: person.email });
    await row.getByText("Aucun rattachement").waitFor();

    await row.getByRole("button", { name: `Gérer les rattachements de ${person.name}` }).click();
    const memberships = page.getByRole("dialog", { name: `Rattachements de ${person.name}` });
    await pickTerritory(page, "Territoire", "Montesquieu", "CC de Montesquieu");
    await memberships.getByLabel("Rôle", { exact: true }).selectOption("editor");
    await memberships.getByRole("button", { name: "Rattacher" }).click();
    await memberships.getByText("Rattachement à CC de Montesquieu enregistré.").waitFor();
    expect(await memberships.getByLabel("Rôle sur CC de Montesquieu").inputValue()).toBe("editor");
    expect(await seriousA11yViolations(page)).toEqual([]);
    await memberships.getByRole("button", { name: "Fermer" }).click();
    await row.getByText("CC de Montesquieu — Éditeur").waitFor();

    const newcomer = await signedInAs(browser(), { email: person.email, password: person.password });
    await newcomer.page.goto("/");
    await newcomer.page.getByRole("heading", { level: 1, name: "Accueil" }).waitFor();
    await newcomer.page.locator(".home__territories").getByRole("link", { name: "CC de Montesquieu" }).waitFor();
    // An editor is no administrator: no way into the administration.
    expect(await newcomer.page.getByRole("link", { name: "Administration" }).count()).toBe(0);
    await newcomer.context.close();
    await context.close();
  }, 180_000);

  test("un organisme ajouté à la main se corrige, et ses liens de voisinage s'ajoutent et se retirent", async () => {
    const { context, page } = await signedInAs(browser(), DEMO_ADMIN);
    await page.goto("/admin/territoires");
    await page.getByRole("heading", { level: 1, name: "Territoires" }).waitFor();

    const name = `Syndicat mixte du bassin e2e ${Date.now()}`;
    await page.getByRole("button", { name: "Ajouter un organisme" }).click();
    const dialog = page.getByRole("dialog", { name: "Nouvel organisme" });
    await dialog.getByLabel("Nom", { exact: true }).fill(name);
    await dialog.getByLabel("Type d'organisme").selectOption("syndicat_mixte");
    await dialog.getByLabel("SIREN").fill("12345");
    await dialog.getByLabel("Départements").fill("45");
    await dialog.getByRole("button", { name: "Ajouter l'organisme" }).click();
    await dialog.getByText("Un SIREN compte exactement 9 chiffres").waitFor();
    expect(await dialog.getByLabel("SIREN").getAttribute("aria-invalid")).toBe("true");
    await dialog.getByLabel("SIREN").fill("");
    await dialog.getByRole("button", { name: "Ajouter l'organisme" }).click();
    await page.getByText(`« ${name} » ajouté.`).waitFor();
    await page.getByRole("heading", { level: 2, name }).waitFor();
    const id = new URL(page.url()).searchParams.get("territoire");
    expect(id).toBeTruthy();

    await page.getByRole("button", { name: "Modifier" }).click();
    await page.getByLabel("Population").fill("12500");
    await page.getByRole("button", { name: "Enregistrer" }).click();
    await page.getByText("Modifications enregistrées.").waitFor();
    await expect
      .poll(async () => normaliseSpaces(await page.locator(".admin-facts").textContent()))
      .toContain("12 500");

    await pickTerritory(page, "Territoire voisin", "Orléans", "Orléans Métropole");
    await page.getByLabel("Nature du lien").selectOption("functional");
    await page.getByLabel("Source", { exact: true }).fill("Convention de coopération 2026");
    await page.getByRole("button", { name: "Ajouter le lien" }).click();
    await page.getByText("Lien avec Orléans Métropole enregistré.").waitFor();
    const link = page.getByRole("row").filter({ hasText: "Orléans Métropole" });
    expect(normaliseSpaces(await link.textContent())).toContain("Lien fonctionnel");
    expect(normaliseSpaces(await link.textContent())).toContain("Convention de coopération 2026");
    const stored = await trpcQuery<Array<{ territory: { name: string }; kind: string; source: string }>>(
      page,
      "territory.neighbours",
      { id },
    );
    expect(stored.map((n) => [n.territory.name, n.kind, n.source])).toEqual([
      ["Orléans Métropole", "functional", "Convention de coopération 2026"],
    ]);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, "admin-territoires");

    // The address names the territory: a reload shows the same one, link included.
    await page.reload();
    await page.getByRole("heading", { level: 2, name }).waitFor();
    await link.getByRole("button", { name: "Retirer le lien avec Orléans Métropole" }).click();
    await page.getByText("Lien avec Orléans Métropole retiré.").waitFor();
    await page.getByText("Aucun lien de voisinage pour ce territoire.").waitFor();
    expect(await trpcQuery<unknown[]>(page, "territory.neighbours", { id })).toEqual([]);
    await context.close();
  });

  test("un administrateur de territoire gère les rattachements de son territoire seulement", async () => {
    const { context, page } = await signedInAs(browser(), BORDEAUX_ADMIN);
    await page.getByRole("link", { name: "Administration" }).click();
    await page.getByRole("heading", { level: 1, name: "Utilisateurs" }).waitFor();
    await page.getByText("Vous gérez les rattachements de : Bordeaux Métropole.", { exact: false }).waitFor();
    expect(await page.getByRole("button", { name: "Créer un compte" }).count()).toBe(0);
    // Only people of Bordeaux Métropole: the Montpellier editor is not listed.
    await page.getByRole("row").filter({ hasText: BORDEAUX_ADMIN.email }).waitFor();
    expect(await page.getByRole("row").filter({ hasText: MONTPELLIER.email }).count()).toBe(0);
    // Exact address: a colleague with an account can be brought in.
    await page.getByLabel("Rechercher un compte").fill(MONTPELLIER.email);
    const row = page.getByRole("row").filter({ hasText: MONTPELLIER.email });
    await row.waitFor();
    await row.getByRole("button", { name: /^Gérer les rattachements/ }).click();
    const dialog = page.getByRole("dialog");
    // Their own territories only, in a plain list: the Montpellier membership is not shown here.
    await dialog.getByLabel("Territoire", { exact: true }).waitFor();
    expect(await dialog.getByLabel("Territoire", { exact: true }).evaluate((element) => element.tagName)).toBe(
      "SELECT",
    );
    expect(normaliseSpaces(await dialog.getByLabel("Territoire", { exact: true }).textContent())).toContain(
      "Bordeaux Métropole",
    );
    await dialog.getByText("Aucun rattachement").waitFor();
    expect(await dialog.getByRole("table").count()).toBe(0);
    await dialog.getByRole("button", { name: "Fermer" }).click();

    await page.goto("/admin/territoires");
    await page.getByRole("heading", { level: 1, name: "Accès non autorisé" }).waitFor();
    await context.close();
  });

  test("une personne sans droit d'administration voit un refus clair", async () => {
    const { context, page } = await signedInAs(browser(), MONTPELLIER);
    await page.getByRole("navigation", { name: "Navigation principale" }).waitFor();
    expect(await page.getByRole("link", { name: "Administration" }).count()).toBe(0);
    await page.goto("/admin");
    await page.getByRole("heading", { level: 1, name: "Accès non autorisé" }).waitFor();
    expect(await page.title()).toBe("Accès non autorisé — Trame");
    expect(await page.getByRole("table").count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await context.close();
  });
});
