import { parseArgs } from "node:util";
import type { Browser } from "playwright-core";
import { median, withSignedInBrowser, writeResult } from "./browser-bench.ts";

/**
 * The national map (`/carte`) in Chromium, against the production build of the server and the web
 * app on a fresh embedded database with the demo: the time from navigation to the map being
 * interactive (1,255 outlines drawn, pan, zoom and keys attached: the app's `trame:map-interactive`
 * mark), with an empty browser cache (first visit) and with the outlines already cached (a later
 * visit: the asset is immutable).
 */
const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== "--"),
  options: { iterations: { type: "string", default: "10" } },
});
const iterations = Math.max(1, Number(values.iterations));

/** Milliseconds from navigation start to the map's mark, and what the outlines weighed on the wire. */
async function visit(browser: Browser, baseUrl: string, storageState: string, reuse: boolean, runs: number) {
  const context = await browser.newContext({ baseURL: baseUrl, storageState: JSON.parse(storageState) });
  const page = await context.newPage();
  const times: number[] = [];
  let transfer = 0;
  if (reuse) await page.goto("/carte", { waitUntil: "load" }); // fills the cache
  for (let run = 0; run < runs; run++) {
    await page.goto("/carte");
    await page.waitForFunction(() => performance.getEntriesByName("trame:map-interactive").length > 0, null, {
      timeout: 60_000,
    });
    const measured = await page.evaluate(() => {
      const mark = performance.getEntriesByName("trame:map-interactive")[0];
      const outlines = performance
        .getEntriesByType("resource")
        .find((entry) => entry.name.includes("epci-2026.france"));
      // Runs in the page (the bench's own tsconfig has no DOM types).
      const page = globalThis as unknown as { document: { querySelectorAll(selector: string): { length: number } } };
      return {
        ms: mark?.startTime ?? Number.NaN,
        shapes: page.document.querySelectorAll("[data-siren]").length,
        transfer: (outlines as { transferSize?: number } | undefined)?.transferSize ?? 0,
      };
    });
    if (measured.shapes !== 1255) throw new Error(`expected 1,255 outlines, found ${measured.shapes}`);
    times.push(measured.ms);
    transfer = Math.max(transfer, measured.transfer);
  }
  await context.close();
  return { times, transfer };
}

await withSignedInBrowser(async ({ browser, baseUrl, storageState }) => {
  // Cold: a new browser context per visit, so nothing is cached.
  const cold: number[] = [];
  let coldTransfer = 0;
  for (let run = 0; run < iterations; run++) {
    const result = await visit(browser, baseUrl, storageState, false, 1);
    cold.push(...result.times);
    coldTransfer = result.transfer;
  }
  const warm = await visit(browser, baseUrl, storageState, true, iterations);

  const report = {
    date: new Date().toISOString(),
    iterations,
    coldMedianMs: Math.round(median(cold)),
    coldMaxMs: Math.round(Math.max(...cold)),
    warmMedianMs: Math.round(median(warm.times)),
    warmMaxMs: Math.round(Math.max(...warm.times)),
    outlinesTransferKb: Math.round(coldTransfer / 1024),
    cold: cold.map(Math.round),
    warm: warm.times.map(Math.round),
  };
  console.table({
    "first visit (empty cache)": { median: `${report.coldMedianMs} ms`, max: `${report.coldMaxMs} ms` },
    "later visit (outlines cached)": { median: `${report.warmMedianMs} ms`, max: `${report.warmMaxMs} ms` },
  });
  console.log(`outlines on the wire: ${report.outlinesTransferKb} KB (brotli)`);
  writeResult("map", report);
});
