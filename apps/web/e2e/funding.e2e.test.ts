import { addDays, todayInFrance } from "@trame/core";
import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { normaliseSpaces, useBrowser } from "./support/browser.ts";
import { screenshot, seriousA11yViolations, viewportScreenshot } from "./support/capture.ts";
import { DEMO_PASSWORD } from "./support/demo-accounts.ts";
import { findProject, signedInAs, trpcQuery } from "./support/demo-api.ts";

/** Editor of Orléans Métropole, lead of the land observatory: no other e2e file touches its applications. */
const ORLEANS = { email: "orleans@trame.demo", password: DEMO_PASSWORD } as const;
const OBSERVATORY = "Observatoire foncier interSCoT";
const FONDS_VERT = "Fonds d'accélération de la transition écologique dans les territoires";

const browser = useBrowser();

/** Days counted from today in France, as the server dates everything (not from the UTC date). */
const isoDaysFromToday = (days: number) => addDays(todayInFrance(), days);

/** One step of the transition dialog, dated today (the dialog's default). */
async function moveApplication(page: Page, to: string, grantedEuros?: string) {
  await page.getByRole("button", { name: `Faire évoluer la demande « ${FONDS_VERT} »` }).click();
  const dialog = page.getByRole("dialog", { name: /Faire évoluer la demande/ });
  await dialog.waitFor();
  await dialog.getByText(to, { exact: true }).click();
  if (grantedEuros) await dialog.getByLabel("Montant accordé").fill(grantedEuros);
  await dialog.getByRole("button", { name: "Enregistrer l'étape" }).click();
  await dialog.waitFor({ state: "detached" });
}

describe("financements", () => {
  test("une demande créée depuis la page projet va jusqu'à l'accord, reçoit un versement et se retrouve, filtrée, sur le tableau des financements", async () => {
    const { context, page } = await signedInAs(browser(), ORLEANS);
    const project = await findProject(page, OBSERVATORY);
    const catalogue = await trpcQuery<{ items: Array<{ id: string; name: string }> }>(page, "funding.programmes", {
      query: "Fonds vert",
    });
    const fondsVert = catalogue.items.find((programme) => programme.name === FONDS_VERT);
    if (!fondsVert) throw new Error("Fonds vert missing from the demo catalogue");

    await page.goto(`/projets/${project.id}`);
    await page.getByRole("heading", { level: 1 }).waitFor();
    const funding = page.getByRole("region", { name: "Financements" });
    const table = funding.getByRole("table", { name: "Demandes de financement du projet" });
    await table.waitFor();
    const row = table.getByRole("row", { name: new RegExp(FONDS_VERT) });
    expect(await row.count()).toBe(0);

    // The dialog checks with the server's own schema before sending: the missing fields are marked in place.
    await funding.getByRole("button", { name: "Nouvelle demande de financement" }).click();
    const dialog = page.getByRole("dialog", { name: "Nouvelle demande de financement" });
    await dialog.waitFor();
    await dialog.getByRole("button", { name: "Créer la demande" }).click();
    await expect.poll(() => dialog.getByLabel("Dispositif").getAttribute("aria-invalid")).toBe("true");
    expect(await dialog.getByLabel("Montant demandé").getAttribute("aria-invalid")).toBe("true");
    await dialog.getByText("Choisissez le dispositif sollicité.").waitFor();
    await dialog.getByText("Indiquez le montant demandé, en euros.").waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    // Fonds vert does not fund land use: it is offered only from the whole catalogue.
    await dialog.getByLabel("Choisir dans tout le catalogue").check();
    await expect.poll(() => dialog.getByLabel("Dispositif").locator(`option[value="${fondsVert.id}"]`).count()).toBe(1);
    await dialog.getByLabel("Dispositif").selectOption(fondsVert.id);
    await dialog.getByLabel("Référence de l'appel ou du dossier").fill("FV-2026-045");
    await dialog.getByLabel("Montant demandé").fill("80000");
    await dialog.getByLabel("Assiette éligible").fill("200000");
    // A spending deadline already past: once granted, the board flags it.
    await dialog.getByLabel("Date limite de réalisation des dépenses").fill(isoDaysFromToday(-3));
    await viewportScreenshot(page, "projet-nouvelle-demande");
    await dialog.getByRole("button", { name: "Créer la demande" }).click();
    await dialog.waitFor({ state: "detached" });

    await row.waitFor();
    expect(normaliseSpaces(await row.textContent())).toContain("Brouillon");
    expect(normaliseSpaces(await row.textContent())).toContain("80 000 €");

    // draft → submitted → granted: the grant letter is recorded straight from "Déposée", in one dialog
    // that offers both decisions (applicationTransitions in @trame/core).
    await moveApplication(page, "Déposée");
    await row.getByText("Déposée", { exact: true }).waitFor();
    await page.getByRole("button", { name: `Faire évoluer la demande « ${FONDS_VERT} »` }).click();
    const decision = page.getByRole("dialog", { name: /Faire évoluer la demande/ });
    await decision.waitFor();
    expect(await decision.getByRole("radio", { name: "Accordée", exact: true }).count()).toBe(1);
    expect(await decision.getByRole("radio", { name: "Refusée", exact: true }).count()).toBe(1);
    await decision.getByText("Accordée", { exact: true }).click();
    await decision.getByLabel("Montant accordé").fill("60000");
    await decision.getByRole("button", { name: "Enregistrer l'étape" }).click();
    await decision.waitFor({ state: "detached" });
    await row.getByText("Accordée", { exact: true }).waitFor();

    await row.getByRole("button", { name: `Enregistrer un versement sur la demande « ${FONDS_VERT} »` }).click();
    const payment = page.getByRole("dialog", { name: /Enregistrer un versement/ });
    await payment.waitFor();
    expect(normaliseSpaces(await payment.locator(".payment-balance").textContent())).toContain(
      "Reste à verser60 000 €",
    );
    // More than remains: the server refuses, and says so beside the amount.
    await payment.getByLabel("Montant versé").fill("70000");
    await payment.getByRole("button", { name: "Enregistrer le versement" }).click();
    const amount = payment.getByLabel("Montant versé");
    await expect.poll(() => amount.getAttribute("aria-invalid")).toBe("true");
    expect(normaliseSpaces(await payment.locator(".field__error").first().textContent())).toBe(
      "Le versement (70 000 €) dépasse le reste à verser (60 000 €)",
    );
    expect(await seriousA11yViolations(page)).toEqual([]);
    await viewportScreenshot(page, "projet-versement-refuse");
    await amount.fill("25000");
    await payment.getByLabel("Référence ou commentaire").fill("Avance de 30 %");
    await payment.getByRole("button", { name: "Enregistrer le versement" }).click();
    await payment.waitFor({ state: "detached" });

    await expect.poll(async () => normaliseSpaces(await row.textContent())).toContain("25 000 €reste 35 000 €");
    expect(normaliseSpaces(await row.textContent())).toContain("Accordée");
    await screenshot(page, "projet-financement-verse");

    // The board: every application of Orléans Métropole's projects, filtered by status in the address.
    await page
      .getByRole("navigation", { name: "Navigation principale" })
      .getByRole("link", { name: "Financements" })
      .click();
    await page.getByRole("heading", { level: 1, name: "Financements" }).waitFor();
    const board = page.getByRole("table", { name: "Demandes de financement de vos territoires" });
    await board.waitFor();
    // Before filtering, the rejected application of the same project is listed too.
    await board.locator("tbody .status", { hasText: "Refusée" }).first().waitFor();
    // The amounts by status count every application the filters select (summed by the server).
    const totals = page.getByRole("table", { name: "Montants demandés, accordés et versés, par statut de la demande" });
    const shown = Number((await page.locator(".board-count").textContent())?.replace(/\D/g, ""));
    const counted = async () =>
      (await totals.locator("tbody td:first-of-type").allTextContents()).reduce(
        (sum, count) => sum + Number(count.replace(/\D/g, "")),
        0,
      );
    await expect.poll(counted).toBe(shown);
    // The chart's legend follows its bars: requested, granted, paid.
    await expect
      .poll(() => page.locator(".board-figure .funding__legend").allTextContents())
      .toEqual(["Demandé", "Accordé", "Versé"]);
    await page.getByLabel("Statut", { exact: true }).selectOption("granted");
    await page.waitForURL((url) => url.searchParams.get("statut") === "granted");
    await board.and(page.locator('[aria-busy="false"]')).waitFor();
    const granted = board.getByRole("row", { name: new RegExp(OBSERVATORY) });
    await expect.poll(() => granted.count()).toBe(1);
    const grantedText = normaliseSpaces(await granted.textContent());
    expect(grantedText).toContain("Fonds vert");
    expect(grantedText).toContain("60 000 €");
    expect(grantedText).toContain("reste à verser : 35 000 €");
    expect(grantedText).toMatch(/Dépenses avant le .*dépassée/);
    // Only granted applications are left, each with its badge.
    const statuses = await board.locator("tbody .status").allTextContents();
    expect(statuses.length).toBeGreaterThan(0);
    expect(new Set(statuses)).toEqual(new Set(["Accordée"]));
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, "financements");

    // A reload keeps the filter; the link leads back to the project.
    await page.reload();
    await board.waitFor();
    expect(await page.getByLabel("Statut", { exact: true }).inputValue()).toBe("granted");
    expect(await granted.getByRole("link", { name: OBSERVATORY }).getAttribute("href")).toContain(
      `/projets/${project.id}`,
    );

    await page.getByRole("tab", { name: "Catalogue des programmes" }).click();
    await page.waitForURL((url) => url.searchParams.get("vue") === "catalogue");
    const programmes = page.locator(".catalogue__item");
    await programmes.first().waitFor();
    expect(await programmes.count()).toBeGreaterThan(10);
    expect(await page.locator(".catalogue__item--uncertain").count()).toBeGreaterThan(0);
    await page.getByText("Non vérifié").first().waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, "financements-catalogue");
    await page.getByLabel("Rechercher un dispositif").fill("fonds vert");
    await expect.poll(() => programmes.count()).toBe(1);
    expect(normaliseSpaces(await programmes.first().textContent())).toContain(FONDS_VERT);

    // In English, the same board speaks English and writes euros the English way.
    await page.getByRole("tab", { name: "Demandes" }).click();
    await page.getByRole("button", { name: /English/ }).click();
    await page.getByRole("heading", { level: 1, name: "Funding" }).waitFor();
    await page.getByLabel("Status", { exact: true }).selectOption("granted");
    await page.waitForURL((url) => url.searchParams.get("statut") === "granted");
    const english = page.getByRole("table", { name: "Funding applications of your territories" });
    // The previous rows stay on screen (marked busy) until the filtered page arrives.
    await english.and(page.locator('[aria-busy="false"]')).waitFor();
    const englishRow = english.getByRole("row", { name: new RegExp(OBSERVATORY) });
    await expect.poll(() => englishRow.count()).toBe(1);
    expect(normaliseSpaces(await englishRow.textContent())).toContain("still to be paid: €35,000");
    await page.getByRole("button", { name: /Français/ }).click();
    await context.close();
    // The longest walk of the suite (two pages, five dialogs, four axe runs): a busy runner needs more than the default.
  }, 180_000);

  test("un filtre sans résultat le dit et propose de tout effacer", async () => {
    const { context, page } = await signedInAs(browser(), ORLEANS);
    await page.goto("/financements?q=aucun-projet-ne-porte-ce-nom");
    await page.getByText("Aucune demande ne correspond à ces filtres.").waitFor();
    await page.getByRole("button", { name: "Effacer les filtres" }).last().click();
    await page.getByRole("table", { name: "Demandes de financement de vos territoires" }).waitFor();
    expect(new URL(page.url()).searchParams.get("q")).toBeNull();
    await context.close();
  });
});
