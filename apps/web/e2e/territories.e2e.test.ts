import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { normaliseSpaces, signedInPage, useBrowser } from "./support/browser.ts";
import { screenshot } from "./support/capture.ts";

const browser = useBrowser();

function card(page: Page, name: string) {
  return page.getByRole("article", { name });
}

describe("recherche de territoires", () => {
  test("chercher « orleans » trouve Orléans Métropole avec son SIREN et sa population", async () => {
    const { context, page } = await signedInPage(browser());
    await page.getByRole("searchbox", { name: "Nom ou SIREN" }).fill("orleans");

    const orleans = card(page, "Orléans Métropole");
    await orleans.waitFor();
    const text = normaliseSpaces(await orleans.textContent());
    expect(text).toContain("Métropole");
    expect(text).toContain("SIREN244500468");
    // French grouping: "290 346 habitants", not "290,346".
    expect(text).toMatch(/Population\d{1,3}( \d{3})+ habitants/);
    expect(text).toContain("Département45");
    await page.waitForURL((url) => url.searchParams.get("q") === "orleans");
    expect(normaliseSpaces(await page.getByRole("status").first().textContent())).toMatch(/territoires? trouvés?$/);
    await screenshot(page, "territoires-orleans");
    await context.close();
  });

  test("une adresse de recherche rechargée ou partagée affiche la même recherche", async () => {
    const { context, page } = await signedInPage(browser());
    await page.goto("/territoires?q=orleans&type=METRO");
    await card(page, "Orléans Métropole").waitFor();
    await page.reload();
    await card(page, "Orléans Métropole").waitFor();
    expect(await page.getByRole("searchbox", { name: "Nom ou SIREN" }).inputValue()).toBe("orleans");
    expect(await page.getByRole("combobox", { name: "Type de territoire" }).inputValue()).toBe("METRO");
    expect(await page.title()).toBe("Territoires — Trame");
    await context.close();
  });

  test("« Voir plus » ajoute les vingt territoires suivants et y place le focus", async () => {
    const { context, page } = await signedInPage(browser());
    const items = page.locator(".results__list > li");
    await items.nth(19).waitFor();
    expect(await items.count()).toBe(20);
    // With no query, every territory is listed (all 1,255 EPCI at least), counted the French way.
    expect(normaliseSpaces(await page.getByRole("status").first().textContent())).toMatch(
      /^1 \d{3} territoires trouvés$/,
    );

    await page.getByRole("button", { name: "Voir plus" }).click();
    await items.nth(39).waitFor();
    expect(await items.count()).toBe(40);
    expect(await items.nth(20).evaluate((element) => element === document.activeElement)).toBe(true);
    await context.close();
  });

  test("le filtre par type ne garde que les territoires de ce type", async () => {
    const { context, page } = await signedInPage(browser());
    await page.getByRole("combobox", { name: "Type de territoire" }).selectOption("METRO");
    await page.waitForURL((url) => url.searchParams.get("type") === "METRO");
    // The previous (unfiltered) page stays on screen while the filtered one loads: poll until it is replaced.
    await expect
      .poll(
        async () =>
          new Set(await page.locator(".results__list:not(.results__list--stale) .card__kind").allTextContents()),
        {
          timeout: 10_000,
        },
      )
      .toEqual(new Set(["Métropole"]));
    await card(page, "Métropole du Grand Paris").waitFor();
    await context.close();
  });

  test("une recherche sans résultat explique quoi essayer", async () => {
    const { context, page } = await signedInPage(browser());
    await page.getByRole("searchbox", { name: "Nom ou SIREN" }).fill("zzqxw");
    await page.getByText("Nous n'avons trouvé aucun territoire pour « zzqxw ».").waitFor();
    await page.getByText(/Vérifiez l'orthographe/).waitFor();
    await screenshot(page, "territoires-aucun-resultat");
    await context.close();
  });

  test("le filtre par département, gardé dans l'adresse, ne garde que les territoires de ce département", async () => {
    const { context, page } = await signedInPage(browser());
    await page.getByRole("combobox", { name: "Type de territoire" }).selectOption("METRO");
    await page.getByRole("textbox", { name: "Département" }).fill("45");
    await page.waitForURL((url) => url.searchParams.get("dep") === "45" && url.searchParams.get("type") === "METRO");
    await expect
      .poll(async () => page.locator(".results__list:not(.results__list--stale) .card__title").allTextContents(), {
        timeout: 10_000,
      })
      .toEqual(["Orléans Métropole"]);
    await page.reload();
    expect(await page.getByRole("textbox", { name: "Département" }).inputValue()).toBe("45");
    await card(page, "Orléans Métropole").waitFor();
    await context.close();
  });

  test("un code de département invalide est expliqué à côté du champ, sans changer la recherche", async () => {
    const { context, page } = await signedInPage(browser());
    const field = page.getByRole("textbox", { name: "Département" });
    await field.fill("4");
    await field.blur();
    await page.getByText(/Saisissez un code de département/).waitFor();
    expect(await field.getAttribute("aria-invalid")).toBe("true");
    expect(new URL(page.url()).searchParams.has("dep")).toBe(false);
    await field.fill("2a");
    await page.waitForURL((url) => url.searchParams.get("dep") === "2A");
    expect(await field.getAttribute("aria-invalid")).toBeNull();
    await context.close();
  });

  test("chaque résultat mène à la page du territoire", async () => {
    const { context, page } = await signedInPage(browser());
    await page.getByRole("searchbox", { name: "Nom ou SIREN" }).fill("244500468");
    await card(page, "Orléans Métropole").getByRole("link", { name: "Orléans Métropole" }).click();
    await page.getByRole("heading", { level: 1, name: "Orléans Métropole" }).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/territoires\/[0-9a-f-]{36}$/);
    await context.close();
  });
});
