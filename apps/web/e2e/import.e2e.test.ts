import { createRequire } from "node:module";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { launchBrowser, normaliseSpaces } from "./support/browser.ts";
import { screenshot, seriousA11yViolations } from "./support/capture.ts";
import { DEMO_PASSWORD } from "./support/demo-accounts.ts";
import { signedInAs, trpcQuery } from "./support/demo-api.ts";

// The server's own workbook library (exceljs) writes the test file: the web app does not depend on it.
const ExcelJS = createRequire(new URL("../../server/package.json", import.meta.url))("exceljs") as {
  Workbook: new () => {
    addWorksheet(name: string): { addRow(values: unknown[]): unknown };
    xlsx: { writeBuffer(): Promise<ArrayBuffer> };
  };
};

/** Editor of CC du Kochersberg, member of the SCOTERS cooperation: no other e2e file imports there. */
const KOCHERSBERG = { email: "kochersberg@trame.demo", password: DEMO_PASSWORD } as const;
const SCOTERS = "Syndicat mixte pour le SCOTERS (SCoT de la Région de Strasbourg)";
const TRAME_VERTE = "Trame verte du Kochersberg (import e2e)";
const HABITAT = "Maison de l'habitat (import e2e)";

/** French headers as a finance department writes them; « Collectivité pilote » is no known synonym. */
async function projectsWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Projets 2026");
  sheet.addRow(["Intitulé", "Collectivité pilote", "Statut", "Date de début", "Budget (€)"]);
  sheet.addRow([TRAME_VERTE, "CC du Kochersberg", "En cours", "15/01/2026", "120 000 €"]);
  sheet.addRow([HABITAT, "CC du Kochersberg", "Idée", 46352, "1234567,50"]);
  sheet.addRow(["Date impossible (import e2e)", "CC du Kochersberg", "Idée", "31/02/2026", ""]);
  sheet.addRow(["Budget abrégé (import e2e)", "CC du Kochersberg", "Idée", "", "1,2 M€"]);
  sheet.addRow(["Pilote inconnu (import e2e)", "Communauté imaginaire", "Idée", "", ""]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

let browser: Browser;
let file: Buffer;
beforeAll(async () => {
  browser = await launchBrowser();
  file = await projectsWorkbook();
});
afterAll(async () => {
  await browser?.close();
});

const previewRow = (page: Page, row: number) =>
  page
    .getByRole("table", { name: "Résultat prévu ligne par ligne" })
    .getByRole("row", { name: new RegExp(`^${row} `) });

async function uploadWorkbook(page: Page) {
  await page.getByLabel("Fichier .xlsx ou .csv").setInputFiles({
    name: "projets-scoters.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: file,
  });
  await page.getByRole("button", { name: "Envoyer le fichier" }).click();
  await page.getByRole("heading", { name: "4. Aperçu avant import" }).waitFor();
}

/** What sticks out of the viewport sideways (empty when the page does not scroll sideways). */
async function sideOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= width) return [];
    return [...document.querySelectorAll("body *")]
      .filter((element) => element.getBoundingClientRect().right > width + 1 && !element.closest(".table-scroll"))
      .slice(0, 5)
      .map((element) => `${element.tagName}.${element.className}`);
  });
}

describe("import d'un tableur", () => {
  test("un classeur aux en-têtes français : correspondance corrigée, erreurs par ligne, lignes valides importées, réimport sans doublon", async () => {
    const { context, page } = await signedInAs(browser, KOCHERSBERG);
    const me = await trpcQuery<{ memberships: Array<{ territoryId: string }> }>(page, "auth.me", undefined);
    const territoryId = me.memberships[0]?.territoryId ?? "";

    // From the territory page: the button, then the choice of the cooperation.
    await page.goto(`/territoires/${territoryId}`);
    await page.getByRole("link", { name: "Importer un tableur" }).click();
    await page
      .getByRole("region", { name: "Choisissez la coopération dans laquelle importer" })
      .getByRole("link", { name: SCOTERS })
      .click();
    await page.getByRole("heading", { level: 1, name: "Importer un tableur" }).waitFor();
    const cooperationId = new URL(page.url()).searchParams.get("cooperation") ?? "";
    expect(cooperationId).not.toBe("");
    expect(await page.getByRole("link", { name: "Télécharger le modèle (Projets, .xlsx)" }).getAttribute("href")).toBe(
      "/api/imports/templates/projects",
    );

    // Nothing chosen: said beside the field, nothing sent.
    await page.getByRole("button", { name: "Envoyer le fichier" }).click();
    await page.getByRole("alert").filter({ hasText: "Choisissez un fichier à envoyer." }).waitFor();
    expect(await page.getByLabel("Fichier .xlsx ou .csv").getAttribute("aria-invalid")).toBe("true");

    await uploadWorkbook(page);
    // The lead column was not recognised: every row misses its lead until the mapping is fixed.
    const leadSelect = page.getByLabel("Champ pour la colonne « Collectivité pilote »");
    expect(await leadSelect.inputValue()).toBe("");
    await page.getByText("Champ obligatoire sans colonne : Chef de file").waitFor();
    expect(await page.getByLabel("Champ pour la colonne « Intitulé »").inputValue()).toBe("title");
    await expect.poll(async () => normaliseSpaces(await previewRow(page, 2).textContent())).toContain("Erreur");
    await leadSelect.selectOption("lead");
    await page.getByRole("button", { name: "Mettre à jour l'aperçu" }).click();
    await expect.poll(async () => normaliseSpaces(await previewRow(page, 2).textContent())).toContain("Création");
    // Focus follows the step, so a screen reader hears the new preview.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("import-step-mapping");

    expect(normaliseSpaces(await page.locator(".import-preview__counts").textContent())).toBe(
      "2 à créer, 0 à mettre à jour, 3 en erreur, 0 ignorée(s)",
    );
    expect(normaliseSpaces(await previewRow(page, 3).textContent())).toContain("Création");
    const row4 = normaliseSpaces(await previewRow(page, 4).textContent());
    expect(row4).toContain("Erreur");
    expect(row4).toContain("Colonne « Date de début » : « 31/02/2026 » n'est pas une date");
    expect(normaliseSpaces(await previewRow(page, 5).textContent())).toContain(
      "Colonne « Budget (€) » : « 1,2 M€ » est un montant abrégé",
    );
    expect(normaliseSpaces(await previewRow(page, 6).textContent())).toContain(
      "Aucun territoire ne correspond à « Communauté imaginaire »",
    );
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, "import-apercu");

    // Only the valid rows (the default choice).
    await page.getByLabel("N'importer que les lignes valides (2)").check();
    await page.getByRole("button", { name: "Importer", exact: true }).click();
    await page.getByRole("heading", { name: "5. Résultat" }).waitFor();
    expect(normaliseSpaces(await page.locator(".import-result .alert").textContent())).toBe(
      "2 créée(s), 0 mise(s) à jour, 3 ignorée(s) ou refusée(s)",
    );
    const result = page.getByRole("table", { name: "Lignes importées" });
    await result.getByRole("link", { name: HABITAT }).waitFor();
    const history = page.getByRole("table", { name: "Imports précédents" });
    await history.getByRole("cell", { name: "projets-scoters.xlsx", exact: true }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    // In the cooperation's project list and its timeline.
    await result.getByRole("link", { name: TRAME_VERTE }).click();
    await page.getByRole("heading", { level: 1, name: TRAME_VERTE }).waitFor();
    await page.goto(`/cooperations/${cooperationId}`);
    const projects = page.getByRole("region", { name: "Projets communs" });
    await projects.getByRole("link", { name: TRAME_VERTE }).waitFor();
    await projects.getByRole("link", { name: HABITAT }).waitFor();
    const timeline = page.getByRole("region", { name: "Chronologie de la coopération" });
    await timeline.getByText(TRAME_VERTE).first().waitFor();

    // The same file again: the remembered mapping, the rows known, nothing duplicated.
    await page.getByRole("link", { name: "Importer un tableur" }).click();
    await page.getByRole("heading", { level: 1, name: "Importer un tableur" }).waitFor();
    await uploadWorkbook(page);
    await page.getByText("Correspondance reprise du dernier import de ce modèle de tableau.").waitFor();
    expect(await page.getByLabel("Champ pour la colonne « Collectivité pilote »").inputValue()).toBe("lead");
    await expect
      .poll(async () => normaliseSpaces(await page.locator(".import-preview__counts").textContent()))
      .toBe("0 à créer, 2 à mettre à jour, 3 en erreur, 0 ignorée(s)");
    await page.getByRole("button", { name: "Importer", exact: true }).click();
    await page.getByRole("heading", { name: "5. Résultat" }).waitFor();
    expect(normaliseSpaces(await page.locator(".import-result .alert").textContent())).toContain("0 créée(s)");
    const listed = await trpcQuery<{ items: Array<{ title: string }> }>(page, "project.list", {
      query: "(import e2e)",
    });
    expect(listed.items.map((item) => item.title).sort()).toEqual([HABITAT, TRAME_VERTE]);
    await expect
      .poll(() => page.getByRole("table", { name: "Imports précédents" }).locator("tbody tr").count())
      .toBe(2);

    // On a phone: the wide tables scroll in their own box, the page does not.
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await sideOverflow(page)).toEqual([]);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, "import-resultat-telephone");
    await context.close();
    // Two uploads, two previews, two commits and four axe runs: longer than the default on a loaded machine.
  }, 180_000);

  test("un lecteur ne voit pas le bouton, et la page le lui dit", async () => {
    const { context, page } = await signedInAs(browser, { email: "loges@trame.demo", password: DEMO_PASSWORD });
    const me = await trpcQuery<{ memberships: Array<{ territoryId: string }> }>(page, "auth.me", undefined);
    await page.goto(`/territoires/${me.memberships[0]?.territoryId ?? ""}`);
    await page.getByRole("heading", { level: 1 }).waitFor();
    expect(await page.getByRole("link", { name: "Importer un tableur" }).count()).toBe(0);
    const cooperations = await trpcQuery<{ items: Array<{ id: string }> }>(page, "cooperation.list", {
      territoryId: me.memberships[0]?.territoryId,
      limit: 1,
    });
    await page.goto(`/import?cooperation=${cooperations.items[0]?.id ?? ""}`);
    await page.getByRole("alert").filter({ hasText: "Vous ne pouvez pas importer dans cette coopération" }).waitFor();
    expect(await page.getByLabel("Fichier .xlsx ou .csv").count()).toBe(0);
    await context.close();
  });
});
