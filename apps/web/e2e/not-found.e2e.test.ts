import { describe, expect, test } from "vitest";
import { newPage, normaliseSpaces, useBrowser } from "./support/browser.ts";
import { MONTPELLIER } from "./support/demo-accounts.ts";
import { signedInAs } from "./support/demo-api.ts";

const browser = useBrowser();

describe("adresses inconnues", () => {
  test("/page-inexistante répond 404, et le navigateur affiche la page introuvable en français", async () => {
    const { context, page } = await newPage(browser());
    const response = await page.goto("/page-inexistante");
    expect(response?.status()).toBe(404);
    expect(response?.headers()["cache-control"]).toBe("no-cache");
    await page.getByRole("heading", { level: 1, name: "Page introuvable" }).waitFor();
    expect(normaliseSpaces(await page.getByRole("main").textContent())).toContain("« /page-inexistante »");
    expect(await page.title()).toBe("Page introuvable — Trame");
    await context.close();
  });

  test("un lien profond vers une page existante répond 200 ; un identifiant mal formé, 404", async () => {
    const { context, page } = await signedInAs(browser(), MONTPELLIER);
    expect((await page.goto("/territoires"))?.status()).toBe(200);
    expect((await page.goto("/financements"))?.status()).toBe(200);
    const malformed = await page.goto("/projets/n-importe-quoi");
    expect(malformed?.status()).toBe(404);
    await context.close();
  });
});
