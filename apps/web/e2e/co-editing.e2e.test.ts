import { randomUUID } from "node:crypto";
import { describe, expect, test } from "vitest";
import { normaliseSpaces, useBrowser } from "./support/browser.ts";
import { seriousA11yViolations, viewportScreenshot } from "./support/capture.ts";
import { MONTPELLIER, VALLEE_HERAULT } from "./support/demo-accounts.ts";
import { findProject, type ProjectRef, signedInAs, trpcMutation, trpcQuery } from "./support/demo-api.ts";

const A750 = "Axe A750 : covoiturage et lignes express domicile-travail";
const COOPERATION = "Contrat de réciprocité Montpellier Méditerranée Métropole – CC Vallée de l'Hérault";

interface Cooperation {
  id: string;
  version: number;
  narrative: { text: string };
}

const browser = useBrowser();

describe("co-édition d'un projet", () => {
  test("une page ouverte suit l'enregistrement d'un collègue, la saisie en cours est prévenue, et le conflit se règle champ par champ", async () => {
    const first = await signedInAs(browser(), MONTPELLIER);
    const second = await signedInAs(browser(), VALLEE_HERAULT);
    // A project of its own, with the A750's partners, so no other test sees it change.
    const model = await findProject(first.page, A750);
    const title = `Co-édition ${Date.now()}`;
    const project = await trpcMutation<ProjectRef>(first.page, "project.create", {
      idempotencyKey: randomUUID(),
      cooperationId: model.cooperation.id,
      title,
      summary: "Version initiale.",
      themes: ["mobility"],
      partners: model.partners.map((p) => ({ territoryId: p.territory.id, role: p.role })),
    });
    await first.page.goto(`/projets/${project.id}`);
    await second.page.goto(`/projets/${project.id}`);
    await first.page.getByRole("heading", { level: 1, name: title }).waitFor();
    await second.page.getByRole("heading", { level: 1, name: title }).waitFor();

    // The second colleague starts typing: a new title, and a summary of their own.
    await second.page.getByRole("button", { name: "Modifier le projet" }).click();
    const mine = `${title} (Vallée de l'Hérault)`;
    await second.page.getByLabel("Titre du projet").fill(mine);
    await second.page.getByLabel("Présentation").fill("Résumé de la Vallée.");

    // Meanwhile the first saves another summary.
    await first.page.getByRole("button", { name: "Modifier le projet" }).click();
    await first.page.getByLabel("Présentation").fill("Résumé de Montpellier.");
    await first.page.getByRole("button", { name: "Enregistrer les modifications" }).click();
    await first.page.getByRole("button", { name: "Modifier le projet" }).waitFor();

    // The second's open page hears it, says who changed what, and warns the form being edited.
    const notice = second.page.locator(".record-change");
    await notice.getByText(/vient d'enregistrer une modification : présentation\. La page est à jour\./).waitFor();
    expect(normaliseSpaces(await notice.textContent())).toMatch(/^Chargé de mission coopérations, Montpellier/);
    await second.page
      .getByText("Un collègue vient d'enregistrer une modification pendant votre saisie.", { exact: false })
      .waitFor();
    // Nothing typed was touched.
    expect(await second.page.getByLabel("Présentation").inputValue()).toBe("Résumé de la Vallée.");
    expect(await seriousA11yViolations(second.page)).toEqual([]);

    // On save, the conflict: the summary both changed gets a choice; the user keeps the colleague's.
    await second.page.getByRole("button", { name: "Enregistrer les modifications" }).click();
    const panel = second.page.getByRole("region", {
      name: "Un collègue a enregistré une modification pendant votre saisie",
    });
    await panel.waitFor();
    const keepTheirs = panel.getByRole("radio", { name: "Garder la sienne — Présentation" });
    expect(await panel.getByRole("radio", { name: "Garder ma version — Présentation" }).isChecked()).toBe(true);
    await keepTheirs.check();
    expect(await panel.getByRole("radio", { name: "Garder ma version — Titre du projet" }).isChecked()).toBe(true);
    expect(await seriousA11yViolations(second.page)).toEqual([]);
    await viewportScreenshot(second.page, "projet-conflit-champ-par-champ");

    await panel.getByRole("button", { name: "Réappliquer mes modifications sur la nouvelle version" }).click();
    await second.page.getByRole("heading", { level: 1, name: mine }).waitFor();
    // My title, their summary: reapplying no longer overwrites the colleague's sentence.
    const stored = await trpcQuery<ProjectRef>(second.page, "project.get", { id: project.id });
    expect(stored.title).toBe(mine);
    expect(stored.summary).toBe("Résumé de Montpellier.");
    // And the first colleague's open page follows in turn.
    await first.page.getByRole("heading", { level: 1, name: mine }).waitFor();
    await first.page
      .locator(".record-change")
      .getByText(/vient d'enregistrer une modification : titre\./)
      .waitFor();
    await first.context.close();
    await second.context.close();
  }, 120_000);

  test("la page d'une coopération suit l'enregistrement d'un collègue et dit ce qui a changé", async () => {
    const reader = await signedInAs(browser(), VALLEE_HERAULT);
    const writer = await signedInAs(browser(), MONTPELLIER);
    const found = await trpcQuery<{ items: Array<{ id: string; name: string }> }>(reader.page, "cooperation.list", {
      query: "Vallée de l'Hérault",
      limit: 50,
    });
    const id = found.items.find((item) => item.name === COOPERATION)?.id ?? "";
    const before = await trpcQuery<Cooperation>(reader.page, "cooperation.get", { id });
    await reader.page.goto(`/cooperations/${id}`);
    await reader.page.getByRole("heading", { level: 1, name: COOPERATION }).waitFor();

    const revised = `${before.narrative.text} Relu en comité le ${Date.now()}.`;
    const saved = await trpcMutation<Cooperation>(writer.page, "cooperation.update", {
      id,
      version: before.version,
      narrativeText: revised,
    });
    const notice = reader.page.locator(".record-change");
    await notice.getByText(/vient d'enregistrer une modification : récit commun\. La page est à jour\./).waitFor();
    // The page shows the colleague's text without a reload.
    await reader.page.getByText(revised.slice(-30)).waitFor();
    expect(await seriousA11yViolations(reader.page)).toEqual([]);

    // Leave the demo cooperation as other tests expect it.
    await trpcMutation(writer.page, "cooperation.update", {
      id,
      version: saved.version,
      narrativeText: before.narrative.text,
    });
    await reader.context.close();
    await writer.context.close();
  }, 120_000);
});
