import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import type { Browser, Page } from "playwright-core";
import { median, withSignedInBrowser, writeResult } from "./browser-bench.ts";

/**
 * A territory page as felt (issue 15, item 8), in Chromium against the production build of the
 * server and web app on a fresh embedded database with the demo: the time from navigation start to
 * Bordeaux Métropole's page showing its data (its name, cooperations, projects and neighbours).
 * Cold = a new browser context per visit, nothing cached (the app's code, the session, the data);
 * warm = the same tab coming back to the page from another one, as a user moving around the app.
 */
const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== "--"),
  options: { iterations: { type: "string", default: "10" } },
});
const iterations = Math.max(1, Number(values.iterations));

/** The page shows its data once every section has it: its name, cooperations, projects, neighbours. */
const SHOWN = ["#territory-name", "#cooperations li a", "#projets li a", "#voisins li a"];

/** Waits, checking at each frame in the page (an inline arrow: tsx names declared functions with a helper the page lacks). */
const waitForData = (page: Page) =>
  page.waitForFunction(
    (selectors) =>
      selectors.every(
        (selector) =>
          (globalThis as unknown as { document: { querySelector(s: string): unknown } }).document.querySelector(
            selector,
          ) !== null,
      ),
    SHOWN,
    { polling: "raf", timeout: 60_000 },
  );

async function visitCold(browser: Browser, baseUrl: string, storageState: string, path: string) {
  const context = await browser.newContext({ baseURL: baseUrl, storageState: JSON.parse(storageState) });
  const page = await context.newPage();
  await page.goto(path, { waitUntil: "commit" });
  await waitForData(page);
  const ms = await page.evaluate(() => performance.now());
  await context.close();
  return ms;
}

async function visitsWarm(browser: Browser, baseUrl: string, storageState: string, path: string) {
  const context = await browser.newContext({ baseURL: baseUrl, storageState: JSON.parse(storageState) });
  const page = await context.newPage();
  await page.goto(path);
  await waitForData(page);
  const times: number[] = [];
  for (let run = 0; run < iterations; run++) {
    // Away to the directory, then back through the app's own link (a client-side navigation).
    await page.getByRole("link", { name: "Territoires", exact: true }).first().click();
    await page.waitForURL((url) => url.pathname === "/territoires");
    // Later visits find the page's data cached but stale after 30 s: wait it out only once, not here.
    const started = await page.evaluate(() => performance.now());
    await page.goBack();
    await waitForData(page);
    times.push((await page.evaluate(() => performance.now())) - started);
  }
  await context.close();
  return times;
}

await withSignedInBrowser(async ({ browser, baseUrl, storageState }) => {
  const finder = await browser.newContext({ baseURL: baseUrl, storageState: JSON.parse(storageState) });
  const page = await finder.newPage();
  await page.goto("/territoires?q=243300316");
  const href = await page.getByRole("link", { name: "Bordeaux Métropole", exact: true }).first().getAttribute("href");
  if (!href) throw new Error("Bordeaux Métropole not found");
  await finder.close();

  const load = loadavg()[0] ?? 0;
  const cold: number[] = [];
  for (let run = 0; run < iterations; run++) cold.push(await visitCold(browser, baseUrl, storageState, href));
  const warm = await visitsWarm(browser, baseUrl, storageState, href);
  const report = {
    date: new Date().toISOString(),
    iterations,
    loadAverage: Number(load.toFixed(1)),
    coldMedianMs: Math.round(median(cold)),
    warmMedianMs: Math.round(median(warm)),
    cold: cold.map(Math.round),
    warm: warm.map(Math.round),
  };
  console.log(`territory page (${href}), load average ${report.loadAverage}`);
  console.table({
    "cold (new browser, nothing cached)": { median: `${report.coldMedianMs} ms`, target: "≤ 1000 ms" },
    "warm (back to the page in the app)": { median: `${report.warmMedianMs} ms`, target: "" },
  });
  writeResult("territory-page", report);
});
