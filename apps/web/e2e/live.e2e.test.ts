import { describe, expect, it } from "vitest";
import { useBrowser } from "./support/browser.ts";
import { screenshot } from "./support/capture.ts";
import { MONTPELLIER, VALLEE_HERAULT } from "./support/demo-accounts.ts";
import { findProject, logMeeting, signedInAs } from "./support/demo-api.ts";

const A750 = "Axe A750 : covoiturage et lignes express domicile-travail";

const browser = useBrowser();

describe("frise en direct", () => {
  it("une action enregistrée par un partenaire apparaît sur la frise ouverte, sans recharger la page", async () => {
    const watcher = await signedInAs(browser(), VALLEE_HERAULT);
    const writer = await signedInAs(browser(), MONTPELLIER);
    const project = await findProject(writer.page, A750);
    const valley = project.partners.find((p) => p.territory.name.includes("Vallée de l'Hérault"));
    if (!valley) throw new Error("CC Vallée de l'Hérault is not a partner of the A750 project");

    await watcher.page.goto(`/territoires/${valley.territory.id}`);
    await watcher.page.getByRole("heading", { level: 1 }).waitFor();
    // The subscription opens with the page; give it a moment before writing, as a colleague would.
    await watcher.page.waitForTimeout(1000);

    const title = `Point d'étape en direct ${Date.now()}`;
    await logMeeting(writer.page, project.id, title);
    await watcher.page.getByText(title).first().waitFor({ timeout: 10_000 });
    expect(await watcher.page.getByText(title).count()).toBeGreaterThan(0);
    await screenshot(watcher.page, "frise-en-direct");
    await watcher.context.close();
    await writer.context.close();
  });
});
