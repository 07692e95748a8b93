import { readFile } from "node:fs/promises";
import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { normaliseSpaces, useBrowser } from "./support/browser.ts";
import { screenshot, seriousA11yViolations } from "./support/capture.ts";
import { MONTPELLIER } from "./support/demo-accounts.ts";
import { signedInAs, trpcQuery } from "./support/demo-api.ts";

const NAME = "Contrat de réciprocité Montpellier Méditerranée Métropole – CC Vallée de l'Hérault";
const METROPOLIS = "Montpellier Méditerranée Métropole";
const INDICATORS = [
  "Récit commun",
  "Ingénierie dédiée",
  "Ancienneté",
  "Rythme des réunions",
  "Plus long silence",
  "Membres mobilisés",
  "Équilibre métropole – voisins",
  "Financements dédiés à la coopération",
  "Morcellement des financements",
  "Dépendance à un financeur",
  "Taux de succès des demandes",
  "Résultats des projets",
  "Actions par thématique",
];

const browser = useBrowser();

async function openSheet(page: Page): Promise<string> {
  const list = await trpcQuery<{ items: Array<{ id: string; name: string }> }>(page, "cooperation.list", {
    query: "Vallée de l'Hérault",
    limit: 50,
  });
  const found = list.items.find((item) => item.name === NAME);
  if (!found) throw new Error(`demo cooperation not found: ${NAME}`);
  await page.goto(`/cooperations/${found.id}/sante`);
  await page.getByRole("heading", { level: 1, name: NAME }).waitFor();
  return found.id;
}

describe("fiche santé d'une coopération", () => {
  test("montre chaque indicateur avec son statut en mots, ses données, son explication et la piste d'amélioration", async () => {
    const { context, page } = await signedInAs(browser(), MONTPELLIER);
    await openSheet(page);
    expect(await page.title()).toBe(`Santé — ${NAME} — Trame`);

    for (const title of INDICATORS) {
      const card = page.getByRole("article", { name: title, exact: true });
      const text = normaliseSpaces(await card.textContent());
      expect(text, title).toMatch(/Bon|À surveiller|Fragile|Données insuffisantes/);
      for (const part of [
        "Données prises en compte",
        "Pourquoi c'est important",
        "Pour progresser",
        "Comment c'est calculé",
      ]) {
        expect(text, `${title} : ${part}`).toContain(part);
      }
    }
    const engineering = normaliseSpaces(await page.getByRole("article", { name: "Ingénierie dédiée" }).textContent());
    expect(engineering).toContain("Bon");
    expect(engineering).toContain("Agents de la métropole mis à disposition");
    expect(normaliseSpaces(await page.getByRole("article", { name: "Récit commun" }).textContent())).toContain(
      "Sciences Po",
    );
    // The success rate needs three decisions; the demo cooperation has two: said plainly, not scored.
    const success = normaliseSpaces(
      await page.getByRole("article", { name: "Taux de succès des demandes" }).textContent(),
    );
    expect(success).toContain("Données insuffisantes");
    expect(success).toContain("il en faut au moins 3");

    const cadence = page.getByRole("article", { name: "Rythme des réunions" });
    await cadence.locator(".recharts-surface").first().waitFor();
    await cadence.getByRole("button", { name: "Voir l'évolution sous forme de tableau" }).click();
    await cadence.getByRole("table").getByRole("columnheader", { name: "Réunions et ateliers" }).waitFor();

    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, "sante-vallee-herault");
    await context.close();
  });

  test("s'exporte en CSV et s'imprime sans l'habillage de l'application", async () => {
    const { context, page } = await signedInAs(browser(), MONTPELLIER);
    await openSheet(page);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Exporter la fiche (CSV)" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^sante-contrat-de-reciprocite-.*\.csv$/);
    const text = (await readFile(await download.path(), "utf8")).replace(/^\uFEFF/, "");
    const [header, ...rows] = text.split(/\r\n/).filter(Boolean);
    expect(header?.split(";").slice(0, 4)).toEqual(["Coopération", "Famille", "Indicateur", "Statut"]);
    expect(rows.some((row) => row.includes("Ingénierie dédiée"))).toBe(true);

    await page.getByRole("button", { name: "Imprimer" }).waitFor();
    await page.emulateMedia({ media: "print" });
    expect(await page.locator("header.header").isVisible()).toBe(false);
    expect(await page.getByRole("button", { name: "Imprimer" }).isVisible()).toBe(false);
    expect(await page.getByRole("article", { name: "Récit commun" }).isVisible()).toBe(true);
    await screenshot(page, "sante-impression");
    await context.close();
  });

  test("compare côte à côte les coopérations de la métropole", async () => {
    const { context, page } = await signedInAs(browser(), MONTPELLIER);
    await openSheet(page);
    await page.getByRole("link", { name: `Comparer les coopérations de ${METROPOLIS}` }).click();
    await page.getByRole("heading", { level: 1, name: METROPOLIS }).waitFor();
    const table = page.getByRole("table", { name: new RegExp(`Santé des coopérations de ${METROPOLIS}`) });
    await table.getByRole("columnheader", { name: NAME }).waitFor();
    expect(await table.getByRole("columnheader").count()).toBeGreaterThan(2);
    await table.getByRole("rowheader", { name: "Rythme des réunions" }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, "sante-comparaison-montpellier");

    await table.getByRole("link", { name: NAME }).click();
    await page.getByRole("heading", { level: 1, name: NAME }).waitFor();
    await context.close();
  });
});
