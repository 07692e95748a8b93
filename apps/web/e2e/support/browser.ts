import { mkdir } from "node:fs/promises";
import AxeBuilder from "@axe-core/playwright";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { inject } from "vitest";

export const DEMO_ADMIN = { email: "admin@trame.demo", password: "trame-demo-2026" } as const;

const screenshotDir = new URL("../screenshots/", import.meta.url);

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
}

/** A fresh context per test: its own cookies and localStorage, so no test inherits another's session or language. */
export async function newPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: inject("baseUrl"), viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  return { context, page };
}

export async function signIn(page: Page, credentials: { email: string; password: string } = DEMO_ADMIN) {
  await page.getByLabel("Adresse e-mail").fill(credentials.email);
  await page.getByLabel("Mot de passe").fill(credentials.password);
  await page.getByRole("button", { name: "Se connecter" }).click();
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(screenshotDir, { recursive: true });
  await page.screenshot({ path: new URL(`${name}.png`, screenshotDir).pathname, fullPage: true });
}

/** Axe violations a user would hit hard (serious, critical), as readable lines for the assertion message. */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.impact} ${violation.id}: ${violation.help} (${violation.nodes.length} nodes)`);
}

/** Text as a user reads it: French numbers use narrow no-break spaces ("854 949"), compare them as plain spaces. */
export function normaliseSpaces(text: string | null): string {
  return (text ?? "")
    .replace(/[\u00a0\u202f]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** Signed in as the demo administrator, on the territory search. */
export async function signedInPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const opened = await newPage(browser);
  await opened.page.goto(`/connexion?retour=${encodeURIComponent("/territoires")}`);
  await signIn(opened.page);
  await opened.page.waitForURL((url) => url.pathname === "/territoires");
  return opened;
}

/** The accessible description of a control: the texts its aria-describedby points to. */
export async function descriptionOf(page: Page, label: string): Promise<string> {
  const ids = (await page.getByLabel(label).getAttribute("aria-describedby")) ?? "";
  const texts = await Promise.all(
    ids
      .split(" ")
      .filter(Boolean)
      .map((id) => page.locator(`#${id}`).textContent()),
  );
  return normaliseSpaces(texts.join(" "));
}

/**
 * On a phone the header folds its links, language and account into "Menu": open it when it is folded, so a
 * test reaches the same controls at every width. On a wide screen there is no such button and nothing happens.
 */
export async function unfoldHeader(page: Page): Promise<void> {
  const menu = page.getByRole("button", { name: "Menu" });
  await page
    .getByRole("link", { name: /^Compte :/ })
    .or(menu)
    .first()
    .waitFor();
  if ((await menu.isVisible()) && (await menu.getAttribute("aria-expanded")) === "false") await menu.click();
}
