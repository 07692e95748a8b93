import { readFile } from "node:fs/promises";
import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { normaliseSpaces, signIn, useBrowser } from "./support/browser.ts";
import { screenshot, seriousA11yViolations, viewportScreenshot } from "./support/capture.ts";
import { MONTPELLIER, VALLEE_HERAULT } from "./support/demo-accounts.ts";
import { findProject, type ProjectRef, signedInAs, trpcMutation, trpcQuery } from "./support/demo-api.ts";

const A750 = "Axe A750 : covoiturage et lignes express domicile-travail";
const FOOD = "Restauration collective : approvisionnement local";

const browser = useBrowser();

async function openProject(page: Page, project: ProjectRef) {
  await page.goto(`/projets/${project.id}`);
  await page.getByRole("heading", { level: 1 }).waitFor();
}

/** A tiny but real PDF: the server sniffs the type from the bytes, not from the name. */
function pdfBytes(marker: string): Buffer {
  return Buffer.from(
    `%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n% ${marker}\ntrailer << /Root 1 0 R >>\n%%EOF\n`,
  );
}

describe("page projet", () => {
  test("une action consignée sur le projet A750 apparaît dans le journal et sur la chronologie de la CC Vallée de l'Hérault", async () => {
    const { context, page } = await signedInAs(browser(), MONTPELLIER);
    const project = await findProject(page, A750);
    await openProject(page, project);
    expect(await page.title()).toBe(`${A750} — Trame`);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, "projet-a750");

    const title = `Comité technique covoiturage ${Date.now()}`;
    await page.getByLabel("Type d'action").selectOption("workshop");
    await page.getByLabel("Intitulé de l'action").fill(title);
    await page
      .getByLabel("Notes")
      .fill(
        "Points **importants** :\n\n- aires de Gignac\n\nVoir le [compte rendu](https://example.org/cr).\n\n<script>window.__pwned = true</script>",
      );
    // Both partners are ticked by default: the action goes on both timelines.
    expect(await page.getByRole("checkbox", { name: "CC Vallée de l'Hérault" }).isChecked()).toBe(true);
    await page.getByRole("button", { name: "Consigner l'action" }).click();

    const entry = page.locator(".action").filter({ has: page.getByRole("heading", { level: 3, name: title }) });
    await entry.waitFor();
    await page.getByText(`Action « ${title} » consignée.`).waitFor();
    expect(await page.getByLabel("Intitulé de l'action").inputValue()).toBe("");
    // Focus stays where the user works, ready for the next entry — not back at the top of the page.
    expect(await page.getByLabel("Intitulé de l'action").evaluate((el) => el === document.activeElement)).toBe(true);
    // Markdown rendered, raw HTML shown as text and never run, links without a handle on our page.
    expect(await entry.locator("strong").first().textContent()).toBe("importants");
    expect(await entry.locator("script").count()).toBe(0);
    expect(await page.evaluate(() => "__pwned" in window)).toBe(false);
    expect(await entry.getByRole("link", { name: "compte rendu" }).getAttribute("rel")).toBe("noopener noreferrer");
    await screenshot(page, "projet-action-consignee");

    // The partner's own page (its timeline holds every action it took part in) shows it too.
    await entry.getByRole("link", { name: "CC Vallée de l'Hérault" }).click();
    await page.getByRole("heading", { level: 1, name: "CC Vallée de l'Hérault" }).waitFor();
    const partnerTimeline = page.getByRole("region", { name: "Frise de la coopération" });
    await partnerTimeline.getByText(title).waitFor();
    await screenshot(page, "territoire-vallee-herault-action");
    await context.close();
  });

  test("un document PDF déposé se télécharge à l'identique, puis se supprime après confirmation", async () => {
    const { context, page } = await signedInAs(browser(), VALLEE_HERAULT);
    const project = await findProject(page, A750);
    await openProject(page, project);

    const name = `compte-rendu-${Date.now()}.pdf`;
    const bytes = pdfBytes(name);
    await page.getByLabel("Fichier").setInputFiles({ name, mimeType: "application/pdf", buffer: bytes });
    await page.getByRole("button", { name: "Déposer le document" }).click();
    await page.getByText(`« ${name} » a été ajouté.`).waitFor();

    // The project's own list (the timeline below names the upload too, as a link of its own).
    const documents = page.getByRole("region", { name: "Documents", exact: true });
    const link = documents.getByRole("link", { name: new RegExp(name.replace(".", "\\.")) });
    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    expect(download.suggestedFilename()).toBe(name);
    const path = await download.path();
    expect(Buffer.compare(await readFile(path), bytes)).toBe(0);
    await screenshot(page, "projet-document-depose");

    await page.getByRole("button", { name: `Supprimer « ${name} »` }).click();
    const dialog = page.getByRole("dialog", { name: "Supprimer ce document ?" });
    await dialog.waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await viewportScreenshot(page, "projet-document-suppression");
    await dialog.getByRole("button", { name: "Supprimer le document" }).click();
    await dialog.waitFor({ state: "detached" });
    await link.waitFor({ state: "detached" });
    // The removed row took the dialog's trigger with it: focus lands on the list's heading.
    await page.waitForFunction(() => document.activeElement?.id === "documents-heading");
    await context.close();
  });

  test("un fichier refusé par le serveur est signalé à côté du champ", async () => {
    const { context, page } = await signedInAs(browser(), MONTPELLIER);
    await openProject(page, await findProject(page, A750));
    await page.getByLabel("Fichier").setInputFiles({
      name: "script.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from("#!/bin/sh\necho pas un pdf\n"),
    });
    await page.getByRole("button", { name: "Déposer le document" }).click();
    const input = page.getByLabel("Fichier");
    await expect.poll(() => input.getAttribute("aria-invalid")).toBe("true");
    expect(await page.locator("#document-file-error").textContent()).not.toBe("");
    await context.close();
  });

  test("le changement de statut ne propose que les étapes permises et se fait au clavier", async () => {
    const { context, page } = await signedInAs(browser(), MONTPELLIER);
    await openProject(page, await findProject(page, A750));
    await page.getByRole("button", { name: "Changer le statut" }).click();
    const dialog = page.getByRole("dialog", { name: "Changer le statut du projet" });
    await dialog.waitFor();
    // In progress → completed, suspended or abandoned (projectTransitions in @trame/core).
    expect(await dialog.getByRole("radio").count()).toBe(3);
    for (const status of ["Achevé", "Suspendu", "Abandonné"])
      await dialog.getByRole("radio", { name: status }).waitFor({ state: "attached" });
    expect(await seriousA11yViolations(page)).toEqual([]);
    await viewportScreenshot(page, "projet-dialogue-statut");
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });
    // Focus returns to the button that opened the dialog.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Changer le statut");
    await context.close();
  });

  test("les demandes de financement montrent leur statut, et le dialogue d'étape ne propose que les étapes permises", async () => {
    const { context, page } = await signedInAs(browser(), VALLEE_HERAULT);
    await openProject(page, await findProject(page, A750));
    const funding = page.getByRole("region", { name: "Financements" });
    const underReview = funding
      .getByRole("table", { name: "Demandes de financement du projet" })
      .getByRole("row", { name: /Contrats territoriaux Occitanie/ });
    expect(normaliseSpaces(await underReview.textContent())).toContain("En instruction");
    await funding.getByRole("heading", { name: "Plan de financement" }).waitFor();
    await funding.getByRole("table", { name: "Aides par dispositif" }).waitFor();

    await underReview.getByRole("button", { name: /Faire évoluer la demande/ }).click();
    const dialog = page.getByRole("dialog", { name: /Faire évoluer la demande/ });
    await dialog.waitFor();
    // Under review → granted, rejected, back to submitted, or withdrawn (applicationTransitions in @trame/core).
    expect(await dialog.getByRole("radio").count()).toBe(4);
    await dialog.getByRole("button", { name: "Enregistrer l'étape" }).click();
    await dialog.getByText("Choisissez la nouvelle étape").waitFor();
    await dialog.getByText("Accordée", { exact: true }).click();
    expect(await dialog.getByRole("radio", { name: "Accordée" }).isChecked()).toBe(true);
    await dialog.getByLabel("Montant accordé").waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await viewportScreenshot(page, "projet-dialogue-financement");
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });
    expect(await seriousA11yViolations(page)).toEqual([]);
    await context.close();
  });

  test("un conflit entre deux collègues est résolu sans perdre la saisie", async () => {
    const first = await signedInAs(browser(), MONTPELLIER);
    const second = await signedInAs(browser(), VALLEE_HERAULT);
    const project = await findProject(first.page, FOOD);
    await openProject(first.page, project);
    await openProject(second.page, project);
    await first.page.getByRole("button", { name: "Modifier le projet" }).click();
    await second.page.getByRole("button", { name: "Modifier le projet" }).click();

    const theirs = `${FOOD} (version Montpellier)`;
    const theirSummary = "Résumé revu par Montpellier.";
    await first.page.getByLabel("Titre du projet", { exact: true }).fill(theirs);
    await first.page.getByLabel("Présentation").fill(theirSummary);
    await first.page.getByRole("button", { name: "Enregistrer les modifications" }).click();
    await first.page.getByRole("heading", { level: 1, name: theirs }).waitFor();

    const mine = `${FOOD} (version Vallée de l'Hérault)`;
    await second.page.getByLabel("Titre du projet", { exact: true }).fill(mine);
    await second.page.getByRole("button", { name: "Enregistrer les modifications" }).click();
    const panel = second.page.getByRole("region", {
      name: "Un collègue a enregistré une modification pendant votre saisie",
    });
    await panel.waitFor();
    // The typed title is still in the field, and both versions are shown side by side.
    expect(await second.page.getByLabel("Titre du projet", { exact: true }).inputValue()).toBe(mine);
    const titleRow = panel.getByRole("row", { name: /Titre du projet/ });
    expect(normaliseSpaces(await titleRow.textContent())).toContain(mine);
    expect(normaliseSpaces(await titleRow.textContent())).toContain(theirs);
    // Who saved in between comes from the history, a moment later.
    await panel.getByText(/^Dernière modification par Chargé de mission coopérations, Montpellier/).waitFor();
    expect(await seriousA11yViolations(second.page)).toEqual([]);
    await viewportScreenshot(second.page, "projet-conflit");

    await panel.getByRole("button", { name: "Réappliquer mes modifications sur la nouvelle version" }).click();
    await second.page.getByRole("heading", { level: 1, name: mine }).waitFor();
    // Reapplied on top of the colleague's version: their summary stays.
    const stored = await trpcQuery<ProjectRef>(second.page, "project.get", { id: project.id });
    expect(stored.title).toBe(mine);
    expect(stored.summary).toBe(theirSummary);

    // The history tells who changed what.
    await second.page.getByRole("button", { name: "Historique des modifications" }).click();
    const history = second.page.locator(".history__list");
    await history.getByText(mine).first().waitFor();
    expect(await seriousA11yViolations(second.page)).toEqual([]);
    await screenshot(second.page, "projet-historique");

    // Leave the demo project as other tests expect it.
    await trpcMutation(second.page, "project.update", {
      id: project.id,
      version: stored.version,
      title: FOOD,
      summary: project.summary,
    });
    await first.context.close();
    await second.context.close();
  });

  test("une connexion perdue pendant l'enregistrement garde la saisie, le dit, et enregistre au retour du réseau", async () => {
    const { context, page } = await signedInAs(browser(), MONTPELLIER);
    const project = await findProject(page, A750);
    await openProject(page, project);
    await page.getByRole("button", { name: "Modifier le projet" }).click();
    const summary = `${project.summary} (relu hors ligne)`;
    await page.getByLabel("Présentation").fill(summary);
    await context.setOffline(true);
    await page.getByRole("button", { name: "Enregistrer les modifications" }).click();
    await page.getByText("Connexion perdue : votre saisie est conservée", { exact: false }).waitFor();
    expect(await page.getByLabel("Présentation").inputValue()).toBe(summary);
    await screenshot(page, "projet-hors-ligne");

    await context.setOffline(false);
    await page.getByRole("region", { name: "Présentation" }).getByText(summary).waitFor();
    const stored = await trpcQuery<ProjectRef>(page, "project.get", { id: project.id });
    expect(stored.summary).toBe(summary);
    await trpcMutation(page, "project.update", { id: project.id, version: stored.version, summary: project.summary });
    await context.close();
  });

  test("un enregistrement resté sans réponse du réseau est renvoyé, et la saisie arrive", async () => {
    const { context, page } = await signedInAs(browser(), MONTPELLIER);
    const project = await findProject(page, A750);
    await openProject(page, project);
    await page.getByRole("button", { name: "Modifier le projet" }).click();
    const summary = `${project.summary} (renvoyée)`;
    await page.getByLabel("Présentation").fill(summary);
    // The first request dies on the network (no answer at all), as when the connection comes back late.
    let sent = 0;
    await page.route("**/trpc/project.update**", (route) => (sent++ === 0 ? route.abort("failed") : route.continue()));
    await page.getByRole("button", { name: "Enregistrer les modifications" }).click();
    await page.getByRole("region", { name: "Présentation" }).getByText(summary).waitFor();
    expect(sent).toBe(2);
    const stored = await trpcQuery<ProjectRef>(page, "project.get", { id: project.id });
    expect(stored.summary).toBe(summary);
    await page.unroute("**/trpc/project.update**");
    await trpcMutation(page, "project.update", { id: project.id, version: stored.version, summary: project.summary });
    await context.close();
  });

  test("une action enregistrée dont la réponse se perd est renvoyée avec la même clé : une seule action", async () => {
    const { context, page } = await signedInAs(browser(), MONTPELLIER);
    const project = await findProject(page, A750);
    await openProject(page, project);
    const title = `Réunion à réponse perdue ${Date.now()}`;
    await page.getByLabel("Type d'action").selectOption("meeting");
    await page.getByLabel("Intitulé de l'action").fill(title);
    // The first request reaches the server and is committed; its RESPONSE is then lost on the way back.
    const keys: string[] = [];
    let sent = 0;
    await page.route("**/trpc/action.create**", async (route) => {
      // A batched call (httpBatchLink): the body is { "0": input }.
      const body = route.request().postDataJSON() as Record<string, { idempotencyKey?: string }>;
      keys.push(body["0"]?.idempotencyKey ?? "");
      if (sent++ > 0) return route.continue();
      await route.fetch();
      await route.abort("failed");
    });
    // The first response never arrives, so the only one the page sees is the resend's.
    const resent = page.waitForResponse((response) => response.url().includes("/trpc/action.create"), {
      timeout: 30_000,
    });
    await page.getByRole("button", { name: "Consigner l'action" }).click();
    expect((await resent).status()).toBe(200);
    await page
      .locator(".action")
      .filter({ has: page.getByRole("heading", { level: 3, name: title }) })
      .waitFor();
    expect(sent).toBe(2);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toBe(keys[0]);
    const stored = await trpcQuery<{ items: Array<{ title: string }> }>(page, "action.list", {
      projectId: project.id,
      limit: 100,
    });
    expect(stored.items.filter((item) => item.title === title)).toHaveLength(1);
    await page.unroute("**/trpc/action.create**");
    await context.close();
  });

  test("une session expirée pendant la saisie ramène, après connexion, au formulaire avec la saisie", async () => {
    const { context, page } = await signedInAs(browser(), MONTPELLIER);
    const project = await findProject(page, A750);
    await openProject(page, project);
    await page.getByRole("button", { name: "Modifier le projet" }).click();
    await page.getByLabel("Présentation").fill("Saisie à ne pas perdre");
    await context.clearCookies();
    await page.getByRole("button", { name: "Enregistrer les modifications" }).click();

    await page.waitForURL(
      (url) => url.pathname === "/connexion" && url.searchParams.get("retour") === `/projets/${project.id}`,
    );
    await signIn(page, MONTPELLIER);
    await page.waitForURL((url) => url.pathname === `/projets/${project.id}`);
    await page.getByText("Vos modifications non enregistrées ont été restaurées.", { exact: false }).waitFor();
    expect(await page.getByLabel("Présentation").inputValue()).toBe("Saisie à ne pas perdre");
    await page.getByRole("button", { name: "Annuler" }).click();
    await context.close();
  });
});
