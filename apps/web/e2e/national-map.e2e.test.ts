import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { pinch, useBrowser } from "./support/browser.ts";
import { screenshot } from "./support/capture.ts";
import { BORDEAUX } from "./support/demo-accounts.ts";
import { signedInAs, signedInOnPhone, trpcQuery } from "./support/demo-api.ts";

const LYON_SIREN = "200046977";
const MAP = /^Carte de France des intercommunalités/;

interface NationalMap {
  metropoles: Array<{ id: string; siren: string | null; name: string }>;
  entries: Array<{ id: string; siren: string; cooperations: number; projects: number }>;
}

const browser = useBrowser();

/**
 * Axe over the whole page but the 1,255 outlines past the first 40: they come from one function with
 * the same role, name and focus rules (and axe over all 1,255 takes minutes on a 2-core runner).
 */
async function seriousA11yViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).exclude(".epci-map__svg path:nth-of-type(n+41)").analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.impact} ${violation.id}: ${violation.help} (${violation.nodes.length} nodes)`);
}

/** Shapes coloured as cooperating (any class but "nothing recorded"); other bodies have no outline. */
function colouredCount(data: NationalMap, drawn: ReadonlySet<string>): number {
  return data.entries.filter((e) => drawn.has(e.siren) && e.cooperations + e.projects > 0).length;
}

describe("/carte : la carte nationale des coopérations", () => {
  test("les 1 255 contours et les 22 métropoles, colorés selon l'API, filtre par thème dans l'adresse", async () => {
    const { context, page } = await signedInAs(browser(), BORDEAUX);
    await page.goto("/carte");
    const map = page.getByRole("group", { name: MAP });
    await map.waitFor();
    const drawn = new Set(
      await map.locator("[data-siren]").evaluateAll((shapes) => shapes.map((s) => s.getAttribute("data-siren") ?? "")),
    );
    expect(drawn.size).toBe(1255);
    expect(await map.locator("[data-metropole]").count()).toBe(22);

    const all = await trpcQuery<NationalMap>(page, "map.national", {});
    expect(all.metropoles).toHaveLength(22);
    expect(colouredCount(all, drawn)).toBeGreaterThan(0);
    expect(await map.locator(".epci-map__shape:not(.epci-map__shape--l0)").count()).toBe(colouredCount(all, drawn));

    await page.getByLabel("Thématique").selectOption("water");
    await page.waitForURL((url) => url.searchParams.get("theme") === "water");
    const water = await trpcQuery<NationalMap>(page, "map.national", { theme: "water" });
    expect(colouredCount(water, drawn)).toBeLessThan(colouredCount(all, drawn));
    await expect
      .poll(() => map.locator(".epci-map__shape:not(.epci-map__shape--l0)").count())
      .toBe(colouredCount(water, drawn));
    // Reloaded, the address keeps the filter.
    await page.reload();
    await page.getByRole("group", { name: MAP }).waitFor();
    expect(await page.getByLabel("Thématique").inputValue()).toBe("water");

    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, "national-map");
    await context.close();
  }, 240_000);

  test("chercher un territoire y mène la carte et le focus ; Entrée ouvre sa page", async () => {
    const { context, page } = await signedInAs(browser(), BORDEAUX);
    await page.goto("/carte");
    const map = page.getByRole("group", { name: MAP });
    await map.waitFor();
    await page.getByRole("combobox", { name: "Aller à un territoire" }).fill("Métropole de Lyon");
    await page
      .getByRole("option", { name: /Métropole de Lyon/ })
      .first()
      .click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("data-siren"))).toBe(LYON_SIREN);
    await expect
      .poll(async () => (await map.locator("g").first().getAttribute("transform")) ?? "")
      .toContain("scale(8)");
    const label = await page.evaluate(() => document.activeElement?.getAttribute("aria-label"));
    expect(label).toMatch(/^Métropole de Lyon : Métropole/);
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: "Métropole de Lyon" }).waitFor();
    expect(page.url()).toMatch(/\/territoires\/[0-9a-f-]{36}$/);
    await context.close();
  }, 240_000);

  test("zoomer sur un département ou une région cadre ses intercommunalités ; la zone reste dans l'adresse", async () => {
    const { context, page } = await signedInAs(browser(), BORDEAUX);
    await page.goto("/carte");
    const map = page.getByRole("group", { name: MAP });
    await map.waitFor();
    const svg = page.locator(".epci-map__svg");
    /** Where a shape stands against the map's frame: inside it, or wholly outside. */
    const placeOf = async (siren: string) => {
      const frame = await svg.boundingBox();
      const shape = await map.locator(`[data-siren="${siren}"]`).boundingBox();
      if (!frame || !shape) return "absent";
      const inside =
        shape.x >= frame.x - 1 &&
        shape.y >= frame.y - 1 &&
        shape.x + shape.width <= frame.x + frame.width + 1 &&
        shape.y + shape.height <= frame.y + frame.height + 1;
      const apart =
        shape.x > frame.x + frame.width ||
        shape.x + shape.width < frame.x ||
        shape.y > frame.y + frame.height ||
        shape.y + shape.height < frame.y;
      return inside ? "inside" : apart ? "outside" : "across";
    };
    const sizeOf = async (siren: string) => (await map.locator(`[data-siren="${siren}"]`).boundingBox())?.width ?? 0;
    const BORDEAUX_SIREN = "243300316";
    const STRASBOURG_SIREN = "246700488";
    const wholeCountry = await sizeOf(BORDEAUX_SIREN);
    expect(await placeOf(STRASBOURG_SIREN)).toBe("inside");

    const zone = page.getByLabel("Zoomer sur");
    await zone.selectOption({ label: "33 — Gironde" });
    await page.waitForURL((url) => url.searchParams.get("zone") === "departement-33");
    await expect.poll(() => placeOf(STRASBOURG_SIREN)).toBe("outside");
    // The frame moves smoothly: wait for it to settle, not just for Strasbourg to leave it.
    await expect.poll(() => sizeOf(BORDEAUX_SIREN)).toBeGreaterThan(wholeCountry * 3);
    expect(await placeOf(BORDEAUX_SIREN)).toBe("inside");

    // A région frames more than one of its départements; the address keeps it across a reload.
    await zone.selectOption({ label: "Grand Est" });
    await page.waitForURL((url) => url.searchParams.get("zone") === "region-44");
    await expect.poll(() => placeOf(STRASBOURG_SIREN)).toBe("inside");
    await expect.poll(() => placeOf(BORDEAUX_SIREN)).toBe("outside");
    await page.reload();
    await page.getByRole("group", { name: MAP }).waitFor();
    expect(await page.getByLabel("Zoomer sur").inputValue()).toBe("region-44");
    await expect.poll(() => placeOf(BORDEAUX_SIREN)).toBe("outside");

    await page.getByLabel("Zoomer sur").selectOption("");
    await expect.poll(() => placeOf(BORDEAUX_SIREN)).toBe("inside");
    expect(await placeOf(STRASBOURG_SIREN)).toBe("inside");
    expect(await seriousA11yViolations(page)).toEqual([]);
    await context.close();
  }, 240_000);

  test("sur téléphone (390×844) : pas de débordement horizontal, la carte se zoome au doigt", async () => {
    const { context, page } = await signedInOnPhone(browser(), BORDEAUX);
    await page.goto("/carte");
    const map = page.getByRole("group", { name: MAP });
    await map.waitFor();
    await map.scrollIntoViewIfNeeded();
    const box = await map.boundingBox();
    if (!box) throw new Error("map not laid out");
    await pinch(context, page, box, 3);
    await expect.poll(async () => (await map.locator("g").first().getAttribute("transform")) ?? "").toMatch(/scale\(/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, "national-map-phone");
    await context.close();
  }, 240_000);
});
