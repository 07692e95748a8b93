import { describe, expect, test } from "vitest";
import { useBrowser } from "./support/browser.ts";
import { seriousA11yViolations } from "./support/capture.ts";
import { DEMO_PASSWORD } from "./support/demo-accounts.ts";
import { findProject, type ProjectRef, signedInAs, trpcMutation, trpcQuery } from "./support/demo-api.ts";

/** Editor of Orléans Métropole, lead of the land observatory (its summary is touched by no other e2e file). */
const ORLEANS = { email: "orleans@trame.demo", password: DEMO_PASSWORD } as const;
const OBSERVATORY = "Observatoire foncier interSCoT";
const DELIBERATION =
  "https://www.orleans-metropole.fr/deliberations/conseil-metropolitain/2026/observatoire-foncier-interscot-convention-cadre";

const browser = useBrowser();

describe("les adresses web d'un texte sont des liens (issue 15, item 4)", () => {
  test("une adresse dans la présentation d'un projet s'ouvre d'un clic, sans rien interpréter d'autre, et tient sur un téléphone", async () => {
    const { context, page } = await signedInAs(browser(), ORLEANS);
    const project = await findProject(page, OBSERVATORY);
    const summary = `Convention cadre adoptée (${DELIBERATION}). <b>pas du HTML</b> javascript:alert(1)`;
    await trpcMutation(page, "project.update", { id: project.id, version: project.version, summary });
    try {
      for (const viewport of [
        { width: 1280, height: 900 },
        { width: 390, height: 844 },
      ]) {
        await page.setViewportSize(viewport);
        await page.goto(`/projets/${project.id}`);
        const presentation = page.getByRole("region", { name: "Présentation" });
        const link = presentation.getByRole("link", { name: DELIBERATION });
        await link.waitFor();
        expect(await link.getAttribute("href")).toBe(DELIBERATION);
        expect(await link.getAttribute("rel")).toBe("noopener noreferrer");
        // The closing parenthesis and the full stop are the sentence's; the rest stays text.
        expect(await presentation.getByRole("link").count()).toBe(1);
        expect(await presentation.locator("b").count()).toBe(0);
        await presentation.getByText("<b>pas du HTML</b> javascript:alert(1)", { exact: false }).waitFor();
        // A 120-character address breaks rather than widening the page.
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow).toBeLessThanOrEqual(0);
        expect(await seriousA11yViolations(page)).toEqual([]);
      }
    } finally {
      const stored = await trpcQuery<ProjectRef>(page, "project.get", { id: project.id });
      await trpcMutation(page, "project.update", { id: project.id, version: stored.version, summary: project.summary });
      await context.close();
    }
  }, 120_000);
});
