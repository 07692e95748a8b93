import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { newPage, signedInPage, useBrowser } from "./support/browser.ts";
import { screenshot, seriousA11yViolations } from "./support/capture.ts";
import { findProject, trpcQuery } from "./support/demo-api.ts";

const browser = useBrowser();

/** Every CSP violation the page reports (blocked inline style or script, foreign origin), from its first byte. */
async function recordCspViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener("securitypolicyviolation", (event) => {
      seen.push(`${event.effectiveDirective} ${event.blockedURI || "inline"} ${event.sourceFile}:${event.lineNumber}`);
    });
  });
  const console: string[] = [];
  page.on("console", (message) => {
    if (message.text().includes("Content Security Policy")) console.push(message.text());
  });
  return async () => [
    ...(await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])),
    ...console,
  ];
}

async function widthOverflow(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) =>
        requestAnimationFrame(() => resolve(document.documentElement.scrollWidth - window.innerWidth)),
      ),
  );
}

describe("instance de démonstration", () => {
  test("un bandeau le dit sur chaque page, connecté ou non, sur ordinateur et sur téléphone", async () => {
    const { context, page } = await newPage(browser());
    await page.goto("/connexion");
    const banner = page.getByRole("banner").getByText("Instance de démonstration.");
    await banner.waitFor();
    expect(await page.locator(".demo-banner").textContent()).toContain("mot de passe sont publics");
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 390, height: 844 });
    await banner.waitFor();
    expect(await widthOverflow(page)).toBeLessThanOrEqual(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, "bandeau-demo-telephone");
    await context.close();

    const signedIn = await signedInPage(browser());
    await signedIn.page.getByRole("banner").getByText("Instance de démonstration.").waitFor();
    await signedIn.page.getByRole("button", { name: /English/ }).click();
    await signedIn.page.getByRole("banner").getByText("Demo instance.").waitFor();
    await signedIn.context.close();
  });
});

describe("politique de sécurité du contenu sans style en ligne", () => {
  test("les pages principales (graphiques, cartes, listes, formulaires, téléphone) ne déclenchent aucune violation de CSP", async () => {
    const { context, page } = await signedInPage(browser());
    const violations = await recordCspViolations(page);
    const csp = (await page.request.get("/connexion")).headers()["content-security-policy"] ?? "";
    expect(csp).toMatch(/style-src 'self'( 'sha256-[^']+')*;/);
    expect(csp).not.toContain("unsafe-inline");

    const project = await findProject(page, "Axe A750 : covoiturage et lignes express domicile-travail");
    const cooperations = await trpcQuery<{ items: Array<{ id: string }> }>(page, "cooperation.list", {
      query: "Vallée de l'Hérault",
      limit: 5,
    });
    const montpellier = await trpcQuery<{ items: Array<{ id: string }> }>(page, "territory.search", {
      query: "Montpellier",
    });
    const pages: Array<[string, string]> = [
      ["/territoires", "h1"],
      [`/territoires/${montpellier.items[0]?.id}`, "h1"],
      [`/projets/${project.id}`, ".recharts-surface, svg"],
      [`/cooperations/${cooperations.items[0]?.id}`, "h1"],
      [`/cooperations/${cooperations.items[0]?.id}/sante`, "svg"],
      ["/financements", "h1"],
      ["/carte", "svg"],
      ["/compte", "h1"],
      ["/admin", "h1"],
    ];
    for (const [path, ready] of pages) {
      await page.goto(path);
      await page.locator(ready).first().waitFor();
      // Lazy chunks (charts, map) and their styles come after the first paint.
      await page.waitForLoadState("networkidle");
      expect(await violations(), path).toEqual([]);
    }
    // A dialog (react-aria positions it with styles) and a phone-width layout.
    await page.goto(`/projets/${project.id}`);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForLoadState("networkidle");
    expect(await violations()).toEqual([]);
    await context.close();
  });
});
