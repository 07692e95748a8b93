import type { Locator, Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { normaliseSpaces, useBrowser } from "./support/browser.ts";
import { seriousA11yViolations } from "./support/capture.ts";
import { DEMO_PASSWORD } from "./support/demo-accounts.ts";
import { signedInAs } from "./support/demo-api.ts";

/** Bordeaux Métropole's editor: its projects have applications to programmes with and without a short name. */
const BORDEAUX = { email: "bordeaux@trame.demo", password: DEMO_PASSWORD } as const;
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

const browser = useBrowser();

/** "1 234 567 €" or "12" as an integer (amounts are whole euros in these tables). */
async function figure(cell: Locator): Promise<number> {
  return Number(normaliseSpaces(await cell.textContent()).replace(/[^\d-]/g, ""));
}

/** Whether the element takes room on screen (the hidden full name is clipped to a 1 px box). */
async function shown(element: Locator): Promise<boolean> {
  const box = await element.boundingBox();
  return box !== null && box.width > 1 && box.height > 1;
}

async function openBoard(page: Page) {
  await page.goto("/financements");
  await page.getByRole("heading", { level: 1 }).waitFor();
  await page.getByRole("table", { name: "Demandes de financement de vos territoires" }).waitFor();
}

describe("lire les financements (issue 15, item 5)", () => {
  test("le tableau des financements a une ligne de total qui fait la somme des statuts", async () => {
    const { context, page } = await signedInAs(browser(), BORDEAUX);
    await openBoard(page);
    const totals = page.getByRole("table", { name: "Montants demandés, accordés et versés, par statut de la demande" });
    await totals.waitFor();
    const rows = totals.locator("tbody tr");
    const footer = totals.locator("tfoot tr");
    expect(await rows.count()).toBeGreaterThan(1);
    expect(normaliseSpaces(await footer.getByRole("rowheader").textContent())).toBe("Total");
    // Columns: count, requested, granted, paid. Each footer cell is the sum of the cells above it.
    for (const column of [0, 1, 2, 3]) {
      let sum = 0;
      for (const row of await rows.all()) sum += await figure(row.getByRole("cell").nth(column));
      expect(await figure(footer.getByRole("cell").nth(column))).toBe(sum);
    }

    // The territory page's table by programme names programmes the board's way too.
    await page.goto("/");
    await page
      .getByRole("region", { name: "Mes territoires" })
      .getByRole("link", { name: "Bordeaux Métropole" })
      .click();
    const byProgramme = page.getByRole("table", { name: "Par dispositif" });
    await byProgramme.waitFor();
    expect(await byProgramme.locator(".programme-name").count()).toBeGreaterThan(0);
    await context.close();
  }, 120_000);

  for (const [device, viewport] of [
    ["ordinateur", DESKTOP],
    ["téléphone", PHONE],
  ] as const) {
    test(`un dispositif porte son nom court, le nom complet au survol et au clavier (${device})`, async () => {
      const { context, page } = await signedInAs(browser(), BORDEAUX);
      await page.setViewportSize(viewport);
      await openBoard(page);
      const board = page.getByRole("table", { name: "Demandes de financement de vos territoires" });
      const name = board.locator(".programme-name").first();
      await name.waitFor();
      const short = normaliseSpaces(await name.locator(".programme-name__short").textContent());
      const full = name.locator(".programme-name__full");
      const fullText = normaliseSpaces(await full.textContent());
      expect(short.length).toBeGreaterThan(0);
      expect(fullText.length).toBeGreaterThan(short.length);
      // Read by screen readers with the short name, shown only on demand.
      expect(await shown(full)).toBe(false);
      await name.focus();
      expect(await shown(full)).toBe(true);
      await name.blur();
      expect(await shown(full)).toBe(false);
      await name.hover();
      expect(await shown(full)).toBe(true);
      expect(await seriousA11yViolations(page)).toEqual([]);

      // The project's plan names the same programme the same way, and says what its "requested" column holds:
      // only what is still waiting for a decision.
      await board.getByRole("rowheader").first().getByRole("link").click();
      await page.waitForURL((url) => url.pathname.startsWith("/projets/"));
      const plan = page.getByRole("table", { name: "Aides par dispositif" });
      await plan.waitFor();
      const headers = (await plan.getByRole("columnheader").allTextContents()).map(normaliseSpaces);
      expect(headers).toContain("Demandé, en attente");
      expect(headers).not.toContain("Demandé");
      const applications = page.getByRole("table", { name: "Demandes de financement du projet" });
      expect(await applications.locator(".programme-name, th[scope=row]").count()).toBeGreaterThan(0);
      expect(await seriousA11yViolations(page)).toEqual([]);
      await context.close();
    }, 120_000);
  }
});
