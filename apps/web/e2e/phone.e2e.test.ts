import type { Locator, Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { DEMO_ADMIN, useBrowser } from "./support/browser.ts";
import { seriousA11yViolations, viewportScreenshot } from "./support/capture.ts";
import { MONTPELLIER } from "./support/demo-accounts.ts";
import { findProject, PHONE, signedInOnPhone, trpcQuery } from "./support/demo-api.ts";

const A750 = "Axe A750 : covoiturage et lignes express domicile-travail";
const COOPERATION = "Contrat de réciprocité Montpellier Méditerranée Métropole – CC Vallée de l'Hérault";

const browser = useBrowser();

/** Nothing makes the page wider than the phone: no sideways scrolling of the whole page. */
async function widthOverflow(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const { scrollWidth } = document.documentElement;
    if (scrollWidth <= window.innerWidth) return null;
    // Say which elements stick out, so a failure names its culprit.
    const culprits = [...document.querySelectorAll<HTMLElement>("body *")]
      .filter((element) => element.getBoundingClientRect().right > window.innerWidth + 1)
      .slice(0, 5)
      .map(
        (element) =>
          `${element.tagName.toLowerCase()}.${element.className} (${Math.round(element.getBoundingClientRect().right)} px)`,
      );
    return `page ${scrollWidth} px wide for ${window.innerWidth}: ${culprits.join(", ")}`;
  });
}

async function expectFitsPhone(page: Page, what: string) {
  expect(await widthOverflow(page), what).toBeNull();
  expect(await seriousA11yViolations(page), what).toEqual([]);
}

/** An open dialog lies inside the viewport, and its last button (submit or cancel) is on screen without scrolling. */
async function expectDialogFits(page: Page, dialog: Locator, what: string) {
  await dialog.waitFor();
  const box = await dialog.boundingBox();
  expect(box, what).not.toBeNull();
  if (!box) return;
  expect(box.x, `${what}: left edge`).toBeGreaterThanOrEqual(0);
  expect(box.y, `${what}: top edge`).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, `${what}: right edge`).toBeLessThanOrEqual(PHONE.width);
  expect(box.y + box.height, `${what}: bottom edge`).toBeLessThanOrEqual(PHONE.height);
  const lastButton = await dialog.getByRole("button").last().boundingBox();
  expect(lastButton, `${what}: its buttons`).not.toBeNull();
  if (lastButton) {
    expect(lastButton.y + lastButton.height, `${what}: its buttons on screen`).toBeLessThanOrEqual(PHONE.height);
    expect(lastButton.x + lastButton.width, `${what}: its buttons on screen`).toBeLessThanOrEqual(PHONE.width);
  }
  expect(await widthOverflow(page), what).toBeNull();
  expect(await seriousA11yViolations(page), what).toEqual([]);
}

async function closeDialog(page: Page, dialog: Locator) {
  await page.keyboard.press("Escape");
  await dialog.waitFor({ state: "detached" });
}

async function openDialog(page: Page, trigger: Locator, name: string | RegExp, what: string) {
  await trigger.click();
  const dialog = page.getByRole("dialog", { name });
  await expectDialogFits(page, dialog, what);
  await viewportScreenshot(page, `phone-${what.replace(/\W+/g, "-")}`);
  await closeDialog(page, dialog);
}

type Named = { items: Array<{ id: string; name: string }> };

/** The demo cooperation the phone tests open. */
async function demoCooperation(page: Page) {
  const found = await trpcQuery<Named>(page, "cooperation.list", { query: "Vallée de l'Hérault", limit: 50 });
  const cooperation = found.items.find((item) => item.name === COOPERATION);
  if (!cooperation) throw new Error(`demo cooperation not found: ${COOPERATION}`);
  return cooperation;
}

async function montpellierTerritory(page: Page) {
  const found = await trpcQuery<Named>(page, "territory.search", { query: "Montpellier" });
  const montpellier = found.items.find((item) => item.name.startsWith("Montpellier Méditerranée"));
  if (!montpellier) throw new Error("demo territory not found: Montpellier Méditerranée Métropole");
  return montpellier;
}

async function visit(page: Page, path: string, ready: Locator, what: string) {
  await page.goto(path);
  await ready.waitFor();
  await expectFitsPhone(page, what);
  await viewportScreenshot(page, `phone-${what.replace(/\W+/g, "-")}`);
}

/** A phone signed in as `credentials` for one test, closed after it whatever happens. */
async function onPhone(credentials: { email: string; password: string }, run: (page: Page) => Promise<void>) {
  const { context, page } = await signedInOnPhone(browser(), credentials);
  try {
    await run(page);
  } finally {
    await context.close();
  }
}

describe("sur un téléphone (390 × 844)", () => {
  test("l'en-tête tient dans un menu : bouton Menu accessible, cloche et compte joignables", async () => {
    await onPhone(MONTPELLIER, async (page) => {
      await page.getByRole("heading", { level: 1 }).first().waitFor();
      // The demo banner (published passwords) is said on every page of a demo instance; the header is the rest.
      const headerHeight = await page.locator("header.header").evaluate((header) => {
        const banner = header.querySelector(".demo-banner");
        return header.getBoundingClientRect().height - (banner?.getBoundingClientRect().height ?? 0);
      });
      // Before: the bar, the tools and the links took 435 px with the banner. A phone's header is one bar.
      expect(headerHeight).toBeLessThanOrEqual(100);

      const menu = page.getByRole("button", { name: "Menu" });
      expect(await menu.getAttribute("aria-expanded")).toBe("false");
      const controls = await menu.getAttribute("aria-controls");
      expect(controls).toBeTruthy();
      expect(await page.getByRole("navigation", { name: "Navigation principale" }).isVisible()).toBe(false);
      // The bell stays in the bar, one tap away.
      expect(await page.getByRole("link", { name: /^Notifications/ }).isVisible()).toBe(true);

      // Keyboard: the menu button is the next stop after the bell, and opens with Enter.
      await page.getByRole("link", { name: /^Notifications/ }).focus();
      await page.keyboard.press("Tab");
      expect(await menu.evaluate((element) => element === document.activeElement)).toBe(true);
      await page.keyboard.press("Enter");
      expect(await menu.getAttribute("aria-expanded")).toBe("true");
      expect(await page.locator(`#${controls}`).isVisible()).toBe(true);
      const nav = page.getByRole("navigation", { name: "Navigation principale" });
      await nav.getByRole("link", { name: "Financements" }).waitFor();
      await page.getByRole("link", { name: /^Compte :/ }).waitFor();
      await page.getByRole("button", { name: "Se déconnecter" }).waitFor();
      await expectFitsPhone(page, "menu ouvert");
      await viewportScreenshot(page, "phone-menu");

      // Escape closes it and gives the focus back to the button.
      await page.keyboard.press("Escape");
      expect(await menu.getAttribute("aria-expanded")).toBe("false");
      expect(await menu.evaluate((element) => element === document.activeElement)).toBe(true);

      // Following a link closes the menu.
      await menu.click();
      await nav.getByRole("link", { name: "Financements" }).click();
      await page.waitForURL((url) => url.pathname === "/financements");
      await expect.poll(() => menu.getAttribute("aria-expanded")).toBe("false");
    });
  });

  test("chaque page principale tient dans la largeur, sans violation d'accessibilité grave", async () => {
    await onPhone(MONTPELLIER, async (page) => {
      const h1 = page.getByRole("heading", { level: 1 });
      await visit(page, "/", h1.first(), "accueil");
      await visit(page, "/territoires?q=montpellier", page.getByRole("article").first(), "territoires");
      const montpellier = await montpellierTerritory(page);
      await visit(
        page,
        `/territoires/${montpellier.id}`,
        page.getByRole("heading", { level: 2 }).first(),
        "page territoire",
      );
      const cooperation = await demoCooperation(page);
      await visit(
        page,
        `/cooperations/${cooperation.id}`,
        page.getByRole("region", { name: "Projets communs" }),
        "coopération",
      );
      const project = await findProject(page, A750);
      await visit(
        page,
        `/projets/${project.id}`,
        page.getByRole("region", { name: "Financements" }).getByRole("table").first(),
        "projet",
      );
      await visit(page, "/financements", page.getByRole("table").first(), "financements");
      await visit(page, "/carte", h1.first(), "carte");
      await visit(page, "/notifications", h1.first(), "notifications");
      await visit(page, "/compte", h1.first(), "compte");
    });
    // Ten pages, each checked by axe: longer than one ordinary test.
  }, 360_000);

  test("les pages d'administration, d'import et de santé tiennent dans la largeur, sans violation grave", async () => {
    await onPhone(DEMO_ADMIN, async (page) => {
      const h1 = (name: string | RegExp) => page.getByRole("heading", { level: 1, name });
      await visit(page, "/admin", page.getByRole("row").filter({ hasText: "montpellier@trame.demo" }), "admin comptes");
      await visit(page, "/admin/territoires", h1("Territoires"), "admin territoires");
      await visit(
        page,
        "/admin/courriels",
        page.getByRole("heading", { level: 2, name: "Boîte d'envoi" }),
        "admin courriels",
      );
      await visit(page, "/import", h1("Importer un tableur"), "import");
      const cooperation = await demoCooperation(page);
      await visit(page, `/cooperations/${cooperation.id}/sante`, h1(COOPERATION), "santé coopération");
      const montpellier = await montpellierTerritory(page);
      await visit(
        page,
        `/territoires/${montpellier.id}/sante`,
        page.getByRole("table", { name: /^Santé des coopérations de Montpellier/ }),
        "santé comparaison",
      );
    });
  }, 240_000);

  test("les dialogues du projet et de la coopération tiennent dans l'écran, boutons visibles", async () => {
    await onPhone(MONTPELLIER, async (page) => {
      const project = await findProject(page, A750);
      await page.goto(`/projets/${project.id}`);
      await page.getByRole("heading", { level: 1 }).waitFor();
      const funding = page.getByRole("region", { name: "Financements" });
      await openDialog(
        page,
        funding.getByRole("button", { name: "Nouvelle demande de financement" }),
        "Nouvelle demande de financement",
        "demande de financement",
      );
      await openDialog(
        page,
        page.getByRole("button", { name: "Changer le statut" }),
        "Changer le statut du projet",
        "statut du projet",
      );
      const log = page.getByRole("region", { name: "Journal des actions" });
      await openDialog(
        page,
        log.getByRole("button", { name: /^Modifier l'action/ }).first(),
        "Modifier l'action",
        "modifier une action",
      );
      // Attaching a document to an action opens its form inside the log: it fits too.
      await log
        .getByRole("button", { name: /^Joindre un document à l'action/ })
        .first()
        .click();
      await log.getByRole("button", { name: "Déposer le document" }).waitFor();
      await expectFitsPhone(page, "joindre un document à une action");
      await viewportScreenshot(page, "phone-joindre-document-action");
      const transition = funding.getByRole("button", { name: /^Faire évoluer la demande/ }).first();
      if (await transition.count()) {
        await openDialog(page, transition, /Faire évoluer la demande/, "étape de la demande");
      }
    });
  }, 180_000);

  test("les dialogues d'administration tiennent dans l'écran", async () => {
    await onPhone(DEMO_ADMIN, async (page) => {
      await visit(
        page,
        "/admin",
        page.getByRole("row").filter({ hasText: "montpellier@trame.demo" }),
        "administration",
      );
      await openDialog(page, page.getByRole("button", { name: "Créer un compte" }), "Nouveau compte", "nouveau compte");
      await openDialog(
        page,
        page.getByRole("button", { name: /^Gérer les rattachements de/ }).first(),
        /^Rattachements de/,
        "rattachements",
      );
      const cooperation = await demoCooperation(page);
      await page.goto(`/cooperations/${cooperation.id}`);
      await page.getByRole("heading", { level: 1, name: COOPERATION }).waitFor();
      await openDialog(
        page,
        page.getByRole("button", { name: "Changer la forme d'engagement" }),
        "Changer la forme d'engagement",
        "forme d'engagement",
      );
      const members = page.getByRole("region", { name: /^Membres/ });
      await openDialog(
        page,
        members.getByRole("button", { name: "Ajouter un membre" }),
        "Ajouter un membre à la coopération",
        "ajouter un membre",
      );
    });
  }, 180_000);
});
