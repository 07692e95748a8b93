import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { useBrowser } from "./support/browser.ts";
import { screenshot, seriousA11yViolations } from "./support/capture.ts";
import { MONTPELLIER, VALLEE_HERAULT } from "./support/demo-accounts.ts";
import { findProject, logMeeting, signedInAs } from "./support/demo-api.ts";

const A750 = "Axe A750 : covoiturage et lignes express domicile-travail";
const VIEWPORTS = [
  { name: "bureau", width: 1280, height: 900 },
  { name: "telephone", width: 390, height: 844 },
] as const;

/** The unread count as the bell says it to a screen reader ("Notifications, 3 non lues"), 0 when it says none. */
async function bellCount(page: Page): Promise<number> {
  const name = (await page.getByRole("link", { name: /^Notifications/ }).getAttribute("aria-label")) ?? "";
  const digits = name.replace(/[\s\u00a0\u202f]/g, "").match(/(\d+)nonlue/);
  return digits ? Number(digits[1]) : 0;
}

const browser = useBrowser();

describe("notifications : la cloche en direct", () => {
  it.each(VIEWPORTS)(
    "($name) un partenaire consigne une action : la cloche de l'autre monte sans recharger, la liste mène au projet",
    async (viewport) => {
      const watcher = await signedInAs(browser(), VALLEE_HERAULT);
      await watcher.page.setViewportSize({ width: viewport.width, height: viewport.height });
      const writer = await signedInAs(browser(), MONTPELLIER);
      const project = await findProject(writer.page, A750);

      await watcher.page.goto("/");
      const bell = watcher.page.getByRole("link", { name: /^Notifications/ });
      await bell.waitFor();
      // The stream opens with the page; give it a moment, as a colleague would.
      await watcher.page.waitForTimeout(1000);
      const before = await bellCount(watcher.page);

      const title = `Réunion des partenaires ${viewport.name} ${Date.now()}`;
      await logMeeting(writer.page, project.id, title);
      // The fan-out runs in a job; the bell hears of it over Server-Sent Events.
      await watcher.page.waitForFunction(
        (count) => {
          const link = document.querySelector('a[href="/notifications"]');
          const digits = (link?.getAttribute("aria-label") ?? "").replace(/\s/g, "").match(/(\d+)nonlue/);
          return digits !== null && Number(digits[1]) > count;
        },
        before,
        { timeout: 60_000 },
      );
      expect(await bellCount(watcher.page)).toBe(before + 1);

      await bell.click();
      await watcher.page.getByRole("heading", { level: 1, name: "Notifications" }).waitFor();
      const item = watcher.page.getByRole("link", { name: new RegExp(title) });
      await item.waitFor();
      expect(await seriousA11yViolations(watcher.page)).toEqual([]);
      expect(await watcher.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        viewport.width,
      );
      await screenshot(watcher.page, `notifications-${viewport.name}`);

      await item.click();
      await watcher.page.waitForURL((url) => url.pathname === `/projets/${project.id}`);
      await watcher.page.getByRole("heading", { level: 1, name: A750 }).waitFor();
      // Following the link marked it read: the bell goes back down.
      await watcher.page.waitForFunction(
        (count) => {
          const link = document.querySelector('a[href="/notifications"]');
          const digits = (link?.getAttribute("aria-label") ?? "").replace(/\s/g, "").match(/(\d+)nonlue/);
          return (digits ? Number(digits[1]) : 0) === count;
        },
        before,
        { timeout: 30_000 },
      );
      await watcher.context.close();
      await writer.context.close();
    },
    180_000,
  );
});
