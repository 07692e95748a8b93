import { mkdir } from "node:fs/promises";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";

// What a test keeps of a page for review: screenshots, and what axe finds wrong for accessibility.
const screenshotDir = new URL("../screenshots/", import.meta.url);

export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(screenshotDir, { recursive: true });
  await page.screenshot({ path: new URL(`${name}.png`, screenshotDir).pathname, fullPage: true });
}

/** What the user sees (a modal covers the viewport only, so a full-page capture would misplace it). */
export async function viewportScreenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: new URL(`${name}.png`, screenshotDir).pathname });
}

/** Axe violations a user would hit hard (serious, critical), as readable lines for the assertion message. */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.impact} ${violation.id}: ${violation.help} (${violation.nodes.length} nodes)`);
}
