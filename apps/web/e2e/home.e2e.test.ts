import { describe, expect, test } from "vitest";
import { normaliseSpaces, signedInPage, useBrowser } from "./support/browser.ts";
import { screenshot, seriousA11yViolations } from "./support/capture.ts";
import { BORDEAUX } from "./support/demo-accounts.ts";
import { signedInAs } from "./support/demo-api.ts";

const browser = useBrowser();

describe("page d'accueil", () => {
  test("montre mes territoires, mes prochaines échéances et l'activité récente de mes coopérations", async () => {
    const { context, page } = await signedInAs(browser(), BORDEAUX);
    // Signing in lands on Accueil, not on the directory (issue 15, item 1).
    await page.waitForURL((url) => url.pathname === "/");
    await page.getByRole("heading", { level: 1, name: "Accueil" }).waitFor();
    expect(await page.title()).toBe("Accueil — Trame");

    const territories = page.getByRole("region", { name: "Mes territoires" });
    await territories.getByRole("link", { name: "Bordeaux Métropole" }).waitFor();
    expect(normaliseSpaces(await territories.textContent())).toContain("Votre rôle : Administrateur");

    // The demo's deadlines are set relative to the day it was seeded: some always lie ahead.
    const deadlines = page.getByRole("list", { name: "Dans les 60 prochains jours" });
    await deadlines.getByRole("listitem").first().waitFor();
    expect(normaliseSpaces(await deadlines.textContent())).toMatch(/dans \d+ jours?|aujourd'hui|demain/);

    const activity = page.getByRole("list", { name: "Activité récente, de la plus récente à la plus ancienne" });
    await activity.getByRole("listitem").first().waitFor();
    const dates = await activity
      .locator("time")
      .evaluateAll((times) => times.map((t) => t.getAttribute("datetime") ?? ""));
    expect(dates).toHaveLength(10);
    expect(dates.every((date, index) => index === 0 || (dates[index - 1] ?? "") >= date)).toBe(true);

    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, "accueil");

    await page.getByRole("link", { name: "Toute la frise de Bordeaux Métropole" }).click();
    await page.getByRole("heading", { level: 1, name: "Bordeaux Métropole" }).waitFor();
    await context.close();
  });

  test("un compte rattaché à aucun territoire voit des états vides qui disent quoi faire", async () => {
    const { context, page } = await signedInPage(browser());
    await page.goto("/");
    await page.getByText("Votre compte n'est rattaché à aucun territoire pour l'instant.").waitFor();
    await page
      .getByText("Les échéances apparaîtront ici lorsque votre compte sera rattaché à un territoire.")
      .waitFor();
    await page.getByRole("link", { name: "Parcourir les territoires" }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, "accueil-sans-territoire");

    await page.getByRole("button", { name: /English/ }).click();
    await page.getByRole("heading", { level: 1, name: "Home" }).waitFor();
    await page.getByText("Your account is not attached to any territory yet.").waitFor();
    await context.close();
  });

  test("le logo ramène à l'accueil", async () => {
    const { context, page } = await signedInPage(browser());
    await page.getByRole("link", { name: /^Trame/ }).click();
    await page.waitForURL((url) => url.pathname === "/");
    await page.getByRole("heading", { level: 1, name: "Accueil" }).waitFor();
    await context.close();
  });
});
