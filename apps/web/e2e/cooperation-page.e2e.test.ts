import { readFile } from "node:fs/promises";
import { todayInFrance } from "@trame/core";
import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { DEMO_ADMIN, normaliseSpaces, useBrowser } from "./support/browser.ts";
import { screenshot, seriousA11yViolations, viewportScreenshot } from "./support/capture.ts";
import { MONTPELLIER, VALLEE_HERAULT } from "./support/demo-accounts.ts";
import { signedInAs, trpcMutation, trpcQuery } from "./support/demo-api.ts";

const NAME = "Contrat de réciprocité Montpellier Méditerranée Métropole – CC Vallée de l'Hérault";

const browser = useBrowser();

async function cooperationId(page: Page): Promise<string> {
  const list = await trpcQuery<{ items: Array<{ id: string; name: string }> }>(page, "cooperation.list", {
    query: "Vallée de l'Hérault",
    limit: 50,
  });
  const found = list.items.find((item) => item.name === NAME);
  if (!found) throw new Error(`demo cooperation not found: ${NAME}`);
  return found.id;
}

async function openCooperation(page: Page): Promise<string> {
  const id = await cooperationId(page);
  await page.goto(`/cooperations/${id}`);
  await page.getByRole("heading", { level: 1, name: NAME }).waitFor();
  return id;
}

describe("page coopération", () => {
  test("affiche les membres et leurs rôles, la forme d'engagement, les projets et la chronologie", async () => {
    const { context, page } = await signedInAs(browser(), MONTPELLIER);
    await openCooperation(page);
    expect(await page.title()).toBe(`${NAME} — Trame`);

    const members = page.getByRole("region", { name: /Membres et rôles/ });
    expect(normaliseSpaces(await members.textContent())).toContain("Montpellier Méditerranée Métropole");
    expect(normaliseSpaces(await members.textContent())).toContain("CC Vallée de l'Hérault");
    const engagement = page.getByRole("region", { name: "Forme d'engagement" });
    expect(normaliseSpaces(await engagement.textContent())).toContain("Contractuelle");

    const projects = page.getByRole("region", { name: "Projets communs" });
    await projects.getByRole("link", { name: "Axe A750 : covoiturage et lignes express domicile-travail" }).waitFor();
    await page.getByRole("region", { name: "Chronologie de la coopération" }).getByRole("listitem").first().waitFor();

    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, "cooperation-vallee-herault");

    await projects.getByRole("link", { name: "Axe A750 : covoiturage et lignes express domicile-travail" }).click();
    await page
      .getByRole("heading", { level: 1, name: "Axe A750 : covoiturage et lignes express domicile-travail" })
      .waitFor();
    await context.close();
  });

  test("l'export CSV des projets se télécharge avec l'en-tête attendu", async () => {
    const { context, page } = await signedInAs(browser(), MONTPELLIER);
    await openCooperation(page);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Exporter les projets (CSV)" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^projets.*\.csv$/);
    const text = (await readFile(await download.path(), "utf8")).replace(/^\uFEFF/, "");
    const [header, ...rows] = text.split(/\r?\n/).filter(Boolean);
    expect(header?.split(";").slice(0, 4)).toEqual(["Projet", "Coopération", "Chef de file", "Statut"]);
    expect(rows.some((row) => row.includes("Axe A750"))).toBe(true);
    await context.close();
  });

  test("le récit commun se modifie, et un conflit avec un collègue garde la saisie jusqu'à la réapplication", async () => {
    const first = await signedInAs(browser(), MONTPELLIER);
    const second = await signedInAs(browser(), VALLEE_HERAULT);
    const id = await openCooperation(first.page);
    await openCooperation(second.page);
    await first.page.getByRole("button", { name: "Modifier le récit et l'ingénierie" }).click();
    await second.page.getByRole("button", { name: "Modifier le récit et l'ingénierie" }).click();
    expect(await seriousA11yViolations(first.page)).toEqual([]);

    const theirs = `Un bassin de vie partagé le long de l'A750 (${Date.now()}).`;
    await first.page.getByLabel("Récit commun", { exact: true }).fill(theirs);
    await first.page.getByRole("button", { name: "Enregistrer les modifications" }).click();
    await first.page.getByRole("region", { name: "Récit commun" }).getByText(theirs).waitFor();

    const mine = `La vallée et la métropole, une même communauté de destin (${Date.now()}).`;
    await second.page.getByLabel("Temps consacré (ETP)").fill("0,75");
    await second.page.getByLabel("Récit commun", { exact: true }).fill(mine);
    await second.page.getByRole("button", { name: "Enregistrer les modifications" }).click();
    const panel = second.page.getByRole("region", {
      name: "Un collègue a enregistré une modification pendant votre saisie",
    });
    await panel.waitFor();
    expect(await second.page.getByLabel("Récit commun", { exact: true }).inputValue()).toBe(mine);
    expect(normaliseSpaces(await panel.textContent())).toContain(theirs);
    await panel.scrollIntoViewIfNeeded();
    await viewportScreenshot(second.page, "cooperation-conflit");

    await panel.getByRole("button", { name: "Réappliquer mes modifications sur la nouvelle version" }).click();
    await second.page.getByRole("region", { name: "Récit commun" }).getByText(mine).waitFor();
    const stored = await trpcQuery<{ narrative: { text: string }; engineering: { fte: number | null } }>(
      second.page,
      "cooperation.get",
      { id },
    );
    expect(stored.narrative.text).toBe(mine);
    expect(stored.engineering.fte).toBe(0.75);

    await second.page.getByRole("button", { name: "Historique des modifications" }).click();
    await second.page.locator(".history__list").getByText(mine).first().waitFor();
    expect(await seriousA11yViolations(second.page)).toEqual([]);
    await screenshot(second.page, "cooperation-historique");
    await first.context.close();
    await second.context.close();
  });

  test("un administrateur change la forme d'engagement dans un dialogue accessible", async () => {
    const { context, page } = await signedInAs(browser(), DEMO_ADMIN);
    const id = await openCooperation(page);
    try {
      await page.getByRole("button", { name: "Changer la forme d'engagement" }).click();
      const dialog = page.getByRole("dialog", { name: "Changer la forme d'engagement" });
      await dialog.waitFor();
      // Focus is inside the dialog, and the keyboard alone reaches its controls.
      expect(await dialog.evaluate((node) => node.contains(document.activeElement))).toBe(true);
      expect(await seriousA11yViolations(page)).toEqual([]);
      await viewportScreenshot(page, "cooperation-dialogue-forme");

      const note = `Avenant signé en conseil communautaire (${Date.now()}).`;
      await dialog.getByLabel("Nouvelle forme d'engagement").selectOption("contrat_cooperation");
      await dialog.getByLabel("Note").fill(note);
      await dialog.getByRole("button", { name: "Enregistrer le changement" }).click();
      await dialog.waitFor({ state: "detached" });
      await page.getByRole("region", { name: "Forme d'engagement" }).getByText(note).waitFor();
      expect(normaliseSpaces(await page.locator(".entity-header__kind").textContent())).toBe("Contrat de coopération");
    } finally {
      // Back to the real form of this demo cooperation, for the tests that follow.
      const stored = await trpcQuery<{ version: number; engagementForm: string }>(page, "cooperation.get", { id });
      if (stored.engagementForm !== "contrat_reciprocite") {
        await trpcMutation(page, "cooperation.changeEngagementForm", {
          id,
          version: stored.version,
          engagementForm: "contrat_reciprocite",
          changedOn: todayInFrance(),
        });
      }
      await context.close();
    }
  });
});
