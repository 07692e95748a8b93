import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { normaliseSpaces, pinch, useBrowser } from "./support/browser.ts";
import { screenshot, seriousA11yViolations } from "./support/capture.ts";
import { BORDEAUX } from "./support/demo-accounts.ts";
import { signedInAs, signedInOnPhone, trpcQuery } from "./support/demo-api.ts";

const BORDEAUX_SIREN = "243300316";
const MAP = /^Carte de Bordeaux Métropole/;

interface TerritoryMap {
  territory: { id: string; siren: string | null; name: string };
  links: Array<{
    territory: { id: string; siren: string | null; name: string };
    contiguous: boolean;
    lengthKm: number | null;
    cooperations: number;
    projects: number;
    actions: number;
  }>;
}

const browser = useBrowser();

/** Signed in as Bordeaux on its territory page; `phone`: a 390×844 touch screen. */
async function bordeauxPage(phone = false) {
  const opened = await (phone ? signedInOnPhone : signedInAs)(browser(), BORDEAUX);
  const found = await trpcQuery<{ items: Array<{ id: string; siren: string | null }> }>(
    opened.page,
    "territory.search",
    { query: BORDEAUX_SIREN },
  );
  const id = found.items.find((t) => t.siren === BORDEAUX_SIREN)?.id;
  if (!id) throw new Error("Bordeaux Métropole missing");
  await opened.page.goto(`/territoires/${id}`);
  await opened.page.getByRole("group", { name: MAP }).waitFor();
  const data = await trpcQuery<TerritoryMap>(opened.page, "map.territory", { territoryId: id });
  return { ...opened, id, data };
}

async function focusedShape(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    return el?.getAttribute("data-siren")
      ? { siren: el.getAttribute("data-siren"), role: el.getAttribute("role"), label: el.getAttribute("aria-label") }
      : null;
  });
}

describe("carte de la page d'un territoire", () => {
  test("Bordeaux Métropole : la carte dessine le territoire et ses 9 voisins limitrophes, avec légende et tableau", async () => {
    const { context, page, data } = await bordeauxPage();
    const contiguous = data.links.filter((l) => l.contiguous);
    expect(contiguous).toHaveLength(9);
    const map = page.getByRole("group", { name: MAP });
    await expect(map.locator(`[data-siren="${BORDEAUX_SIREN}"]`).count()).resolves.toBe(1);
    for (const link of contiguous) {
      const shape = map.locator(`[data-siren="${link.territory.siren}"]`);
      expect(await shape.count(), link.territory.name).toBe(1);
      // Announced by its name and figures, and opens its page.
      expect(await shape.getAttribute("role")).toBe("link");
      expect(normaliseSpaces(await shape.getAttribute("aria-label"))).toContain(link.territory.name);
      expect(normaliseSpaces(await shape.getAttribute("aria-label"))).toContain(
        `${String(link.lengthKm).replace(".", ",")} km de frontière commune`,
      );
    }
    // Every drawn shape is one the API gave: the territory, its neighbours and EPCI partners.
    const drawn = await map.locator("[data-siren]").count();
    expect(drawn).toBe(1 + data.links.filter((l) => l.territory.siren).length);

    // Values in the legend, not colours alone.
    const legend = normaliseSpaces(await page.locator(".map-legend").textContent());
    expect(legend).toContain("Aucune coopération enregistrée");
    expect(legend).toContain("11 et plus");

    // The same data as a table.
    await page.getByText("Voir les données de la carte en tableau").click();
    const table = page.getByRole("table", { name: /Ce que Bordeaux Métropole fait avec ses voisins/ });
    expect(await table.locator("tbody tr").count()).toBe(data.links.length);

    // The contiguous neighbours with nothing recorded are listed by name.
    const quiet = contiguous.filter((l) => l.cooperations + l.projects + l.actions === 0);
    const quietList = page.getByRole("list", { name: "Voisins sans coopération enregistrée" });
    if (quiet.length > 0) {
      expect(await quietList.getByRole("link").allTextContents()).toEqual(quiet.map((l) => l.territory.name));
    }

    // Focus (and hover, through the same handler) shows the name and figures. A shape's centre may lie
    // over another shape, so the pointer is not the reliable way to reach a given one.
    const first = contiguous[0];
    await map.locator(`[data-siren="${first?.territory.siren}"]`).focus();
    expect(normaliseSpaces(await page.locator(".epci-map__tooltip").textContent())).toContain(first?.territory.name);

    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, "territory-map");
    await context.close();
  }, 180_000);

  test("au clavier, on atteint un voisin sur la carte et on ouvre sa page avec Entrée", async () => {
    const { context, page, data } = await bordeauxPage();
    await page.getByRole("button", { name: "Vue d'ensemble" }).first().focus();
    await page.keyboard.press("Tab");
    expect(await focusedShape(page)).toMatchObject({ siren: BORDEAUX_SIREN });
    let reached = await focusedShape(page);
    for (const key of ["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown"]) {
      if (reached?.role === "link") break;
      await page.keyboard.press(key);
      reached = await focusedShape(page);
    }
    expect(reached?.role).toBe("link");
    const neighbour = data.links.find((l) => l.territory.siren === reached?.siren);
    expect(neighbour).toBeDefined();
    expect(reached?.label).toContain(neighbour?.territory.name);
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => url.pathname === `/territoires/${neighbour?.territory.id}`);
    await page.getByRole("heading", { level: 1, name: neighbour?.territory.name }).waitFor();
    await context.close();
  });

  test("sur téléphone (390×844) : pas de débordement horizontal, la carte se zoome au doigt", async () => {
    const { context, page } = await bordeauxPage(true);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const map = page.getByRole("group", { name: MAP });
    await map.scrollIntoViewIfNeeded();
    const box = await map.boundingBox();
    if (!box) throw new Error("map not laid out");
    expect(box.width).toBeLessThanOrEqual(390);
    const layer = map.locator("g").first();
    expect(await layer.getAttribute("transform")).toBeNull();
    await pinch(context, page, box, 2.5);
    await expect.poll(async () => (await layer.getAttribute("transform")) ?? "").toMatch(/scale\((?!1\))/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, "territory-map-phone");
    await context.close();
  }, 180_000);

  test("page d'une coopération : ses membres sur la carte avec leur rôle, au-dessus de leurs voisins", async () => {
    const { context, page, id } = await bordeauxPage();
    const list = await trpcQuery<{ items: Array<{ id: string; name: string }> }>(page, "cooperation.list", {
      territoryId: id,
    });
    const cooperation = list.items[0];
    if (!cooperation) throw new Error("Bordeaux has no demo cooperation");
    const data = await trpcQuery<{
      members: Array<{ siren: string | null; name: string; role: string }>;
      neighbours: Array<{ siren: string | null }>;
    }>(page, "map.cooperation", { cooperationId: cooperation.id });
    await page.goto(`/cooperations/${cooperation.id}`);
    const map = page.getByRole("group", { name: `Carte des membres de ${cooperation.name} et de leurs voisins` });
    await map.waitFor();
    const lead = data.members.find((m) => m.role === "lead" && m.siren);
    expect(lead).toBeDefined();
    const leadShape = map.locator(`[data-siren="${lead?.siren}"]`);
    expect(await leadShape.getAttribute("class")).toContain("epci-map__shape--lead");
    expect(await leadShape.getAttribute("aria-label")).toBe(`${lead?.name} : Chef de file`);
    const drawable = [...data.members, ...data.neighbours].filter((t) => t.siren).length;
    expect(await map.locator("[data-siren]").count()).toBe(drawable);
    expect(await map.locator(".epci-map__shape--neighbour").count()).toBe(
      data.neighbours.filter((n) => n.siren).length,
    );
    expect(await seriousA11yViolations(page)).toEqual([]);
    await context.close();
  }, 180_000);
});
