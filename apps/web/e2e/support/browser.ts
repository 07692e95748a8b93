import { type Browser, type BrowserContext, chromium, type Locator, type Page } from "playwright-core";
import { afterAll, beforeAll, inject } from "vitest";

export const DEMO_ADMIN = { email: "admin@trame.demo", password: "trame-demo-2026" } as const;

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

/** Through the sign-in page as `credentials`, left wherever sign-in leads. */
export async function signInFrom(page: Page, credentials: { email: string; password: string }) {
  await page.goto("/connexion");
  await signIn(page, credentials);
  await page.waitForURL((url) => url.pathname !== "/connexion");
}

/** Text as a user reads it: French numbers use narrow no-break spaces ("854 949"), compare them as plain spaces. */
export function normaliseSpaces(text: string | null): string {
  return (text ?? "")
    .replace(/[\u00a0\u202f]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** The page is no wider than the screen: nothing to scroll sideways. */
export const noSidewaysScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

/** A two-finger pinch over the middle of `box`, as Chromium's own touch input produces it. */
export async function pinch(
  context: BrowserContext,
  page: Page,
  box: { x: number; y: number; width: number; height: number },
  scaleFactor: number,
): Promise<void> {
  const cdp = await context.newCDPSession(page);
  await cdp.send("Input.synthesizePinchGesture", {
    x: box.x + box.width / 2,
    y: box.y + box.height / 2,
    scaleFactor,
    gestureSourceType: "touch",
  });
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

/** The width under which the header folds into "Menu" (48rem in apps/web/src/app/header.tsx). */
const COMPACT_HEADER_MAX_PX = 768;

/**
 * On a phone the header folds its links, language and account into "Menu": open it until `target` (by default
 * the account link) shows, so a test reaches the same controls at every width. Decided by the viewport, not by
 * what is on screen: just after a resize the wide header may still be drawn. The menu closes itself when the
 * address changes (a redirect after sign-in may land just after a first opening), hence the retries.
 */
export async function unfoldHeader(
  page: Page,
  target: Locator = page.getByRole("link", { name: /^Compte :/ }),
  timeoutMs = 30_000,
): Promise<void> {
  const width = page.viewportSize()?.width ?? Number.POSITIVE_INFINITY;
  if (width > COMPACT_HEADER_MAX_PX) {
    await target.waitFor({ timeout: timeoutMs });
    return;
  }
  const menu = page.getByRole("button", { name: "Menu" });
  await menu.waitFor({ timeout: timeoutMs });
  const deadline = Date.now() + timeoutMs;
  while (!(await target.isVisible())) {
    if (Date.now() > deadline) throw new Error(`unfoldHeader: ${target} not shown after ${timeoutMs} ms`);
    if ((await menu.isVisible()) && (await menu.getAttribute("aria-expanded")) === "false") {
      await menu.click().catch(() => undefined);
    }
    await page.waitForTimeout(100);
  }
}

/**
 * One Chromium for the test file: launched before its first test, closed after its last. Returns
 * the getter the tests call (the browser exists only once `beforeAll` has run).
 */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error("useBrowser: the browser is launched in beforeAll, call it inside a test");
    return browser;
  };
}
