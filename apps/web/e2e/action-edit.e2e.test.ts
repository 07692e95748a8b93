import { randomUUID } from "node:crypto";
import { todayInFrance } from "@trame/core";
import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { normaliseSpaces, useBrowser } from "./support/browser.ts";
import { seriousA11yViolations, viewportScreenshot } from "./support/capture.ts";
import { MONTPELLIER } from "./support/demo-accounts.ts";
import { findProject, type ProjectRef, signedInAs, trpcMutation, trpcQuery } from "./support/demo-api.ts";

const A750 = "Axe A750 : covoiturage et lignes express domicile-travail";

interface Action {
  id: string;
  title: string;
  kind: string;
  notes: string;
  version: number;
}

const browser = useBrowser();

async function logAction(page: Page, project: ProjectRef, title: string): Promise<Action> {
  return trpcMutation<Action>(page, "action.create", {
    idempotencyKey: randomUUID(),
    projectId: project.id,
    occurredOn: todayInFrance(),
    kind: "meeting",
    title,
  });
}

async function storedActions(page: Page, project: ProjectRef): Promise<Action[]> {
  const list = await trpcQuery<{ items: Action[] }>(page, "action.list", { projectId: project.id, limit: 100 });
  return list.items;
}

describe("journal des actions : modifier et supprimer", () => {
  test("une action se corrige dans le formulaire en dialogue, puis se supprime après confirmation ; journal et chronologie suivent", async () => {
    const { context, page } = await signedInAs(browser(), MONTPELLIER);
    const project = await findProject(page, A750);
    const original = `Réunion des techniciens ${Date.now()}`;
    await logAction(page, project, original);
    await page.goto(`/projets/${project.id}`);
    const log = page.getByRole("region", { name: "Journal des actions" });
    const timeline = page.getByRole("region", { name: "Chronologie du projet" });
    await log.getByRole("heading", { level: 3, name: original }).waitFor();
    await timeline.getByText(original).first().waitFor();

    // Edit: the dialog opens on the stored values.
    await log.getByRole("button", { name: `Modifier l'action « ${original} »` }).click();
    const dialog = page.getByRole("dialog", { name: "Modifier l'action" });
    await dialog.waitFor();
    expect(await dialog.getByLabel("Intitulé de l'action", { exact: true }).inputValue()).toBe(original);
    expect(await dialog.getByLabel("Type d'action").inputValue()).toBe("meeting");
    expect(await dialog.evaluate((node) => node.contains(document.activeElement))).toBe(true);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await viewportScreenshot(page, "projet-action-modifier");

    // An empty title is refused in place, without a request.
    await dialog.getByLabel("Intitulé de l'action", { exact: true }).fill("");
    await dialog.getByRole("button", { name: "Enregistrer les modifications" }).click();
    await dialog.locator("#action-edit-title-error").waitFor();

    const corrected = `${original} (compte rendu validé)`;
    await dialog.getByLabel("Intitulé de l'action", { exact: true }).fill(corrected);
    await dialog.getByLabel("Type d'action").selectOption("workshop");
    await dialog.getByLabel("Notes").fill("Relevé de décisions **adopté**.");
    await dialog.getByRole("button", { name: "Enregistrer les modifications" }).click();
    await dialog.waitFor({ state: "detached" });
    const entry = log.locator(".action").filter({ has: page.getByRole("heading", { level: 3, name: corrected }) });
    await entry.waitFor();
    expect(await entry.locator("strong").textContent()).toBe("adopté");
    await log.getByRole("heading", { level: 3, name: original, exact: true }).waitFor({ state: "detached" });
    await timeline.getByText(corrected).first().waitFor();
    const edited = (await storedActions(page, project)).find((a) => a.title === corrected);
    expect(edited?.kind).toBe("workshop");

    // Remove: asked first, then gone from the log and the timeline.
    await entry.getByRole("button", { name: `Supprimer l'action « ${corrected} »` }).click();
    const confirm = page.getByRole("dialog", { name: "Supprimer cette action ?" });
    await confirm.waitFor();
    expect(normaliseSpaces(await confirm.textContent())).toContain(corrected);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await confirm.getByRole("button", { name: "Supprimer l'action" }).click();
    await confirm.waitFor({ state: "detached" });
    await entry.waitFor({ state: "detached" });
    // Focus lands on the log's heading, not at the top of the page.
    await page.waitForFunction(() => document.activeElement?.id === "actions-heading");
    await timeline.getByText(corrected).waitFor({ state: "detached" });
    expect((await storedActions(page, project)).some((a) => a.title === corrected)).toBe(false);
    await context.close();
  });

  test("une modification faite entre-temps par un collègue est signalée, et la saisie se réapplique sur sa version", async () => {
    const { context, page } = await signedInAs(browser(), MONTPELLIER);
    const project = await findProject(page, A750);
    const original = `Atelier covoiturage ${Date.now()}`;
    const logged = await logAction(page, project, original);
    await page.goto(`/projets/${project.id}`);
    const log = page.getByRole("region", { name: "Journal des actions" });
    await log.getByRole("button", { name: `Modifier l'action « ${original} »` }).click();
    const dialog = page.getByRole("dialog", { name: "Modifier l'action" });
    await dialog.waitFor();

    // A colleague saves notes meanwhile; here the title is changed.
    const theirNotes = "Notes ajoutées par un collègue.";
    await trpcMutation(page, "action.update", { id: logged.id, version: logged.version, notes: theirNotes });
    const mine = `${original} (intitulé corrigé)`;
    await dialog.getByLabel("Intitulé de l'action", { exact: true }).fill(mine);
    await dialog.getByRole("button", { name: "Enregistrer les modifications" }).click();
    const panel = dialog.getByRole("region", {
      name: "Un collègue a enregistré une modification pendant votre saisie",
    });
    await panel.waitFor();
    expect(await dialog.getByLabel("Intitulé de l'action", { exact: true }).inputValue()).toBe(mine);
    expect(normaliseSpaces(await panel.textContent())).toContain(theirNotes);
    expect(await seriousA11yViolations(page)).toEqual([]);

    await panel.getByRole("button", { name: "Réappliquer mes modifications sur la nouvelle version" }).click();
    await dialog.waitFor({ state: "detached" });
    await log.getByRole("heading", { level: 3, name: mine }).waitFor();
    const stored = (await storedActions(page, project)).find((a) => a.id === logged.id);
    expect(stored?.title).toBe(mine);
    expect(stored?.notes).toBe(theirNotes);
    await trpcMutation(page, "action.remove", { id: logged.id, version: stored?.version });
    await context.close();
  });
});
