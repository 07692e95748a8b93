import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { todayInFrance } from "@trame/core";
import { describe, expect, test } from "vitest";
import { normaliseSpaces, useBrowser } from "./support/browser.ts";
import { screenshot, seriousA11yViolations } from "./support/capture.ts";
import { MONTPELLIER } from "./support/demo-accounts.ts";
import { findProject, signedInAs, trpcMutation } from "./support/demo-api.ts";

const A750 = "Axe A750 : covoiturage et lignes express domicile-travail";

const browser = useBrowser();

/** A tiny but real PDF: the server sniffs the type from the bytes, not from the name. */
const pdfBytes = (marker: string) =>
  Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${marker}\ntrailer << /Root 1 0 R >>\n%%EOF\n`);

describe("documents joints aux actions", () => {
  test("un compte rendu joint à une action se liste sous elle, figure dans la chronologie du projet et s'y télécharge ; retiré, il quitte les deux", async () => {
    const { context, page } = await signedInAs(browser(), MONTPELLIER);
    const project = await findProject(page, A750);
    const title = `Comité de suivi covoiturage ${Date.now()}`;
    await trpcMutation(page, "action.create", {
      idempotencyKey: randomUUID(),
      projectId: project.id,
      occurredOn: todayInFrance(),
      kind: "meeting",
      title,
    });
    await page.goto(`/projets/${project.id}`);
    const action = page.locator(".action").filter({ has: page.getByRole("heading", { level: 3, name: title }) });
    await action.waitFor();

    await action.getByRole("button", { name: `Joindre un document à l'action « ${title} »` }).click();
    const name = `compte-rendu-${Date.now()}.pdf`;
    const bytes = pdfBytes(name);
    await action.getByLabel("Fichier").setInputFiles({ name, mimeType: "application/pdf", buffer: bytes });
    await action.getByRole("button", { name: "Déposer le document" }).click();
    await action.getByText(`« ${name} » a été ajouté.`).waitFor();
    const listed = action.getByRole("list", { name: `Documents joints à « ${title} »` }).getByRole("link");
    await listed.waitFor();
    expect(normaliseSpaces(await listed.textContent())).toBe(`${name} (télécharger)`);
    expect(await seriousA11yViolations(page)).toEqual([]);

    // The project's timeline says it, in words, with the file one click away.
    const timeline = page.getByRole("region", { name: "Chronologie du projet" });
    const entryName = `Document ajouté : ${name}`;
    const entryLink = timeline.getByRole("link", { name: entryName });
    await entryLink.waitFor();
    const entry = timeline.locator(".entry").filter({ has: page.getByRole("link", { name: entryName }) });
    expect(normaliseSpaces(await entry.locator(".entry__detail").textContent())).toBe(`Joint à l'action « ${title} »`);
    const [download] = await Promise.all([page.waitForEvent("download"), entryLink.click()]);
    expect(download.suggestedFilename()).toBe(name);
    expect(Buffer.compare(await readFile(await download.path()), bytes)).toBe(0);
    await screenshot(page, "projet-document-action");

    await action.getByRole("button", { name: `Supprimer « ${name} »` }).click();
    const dialog = page.getByRole("dialog", { name: "Supprimer ce document ?" });
    await dialog.getByRole("button", { name: "Supprimer le document" }).click();
    await dialog.waitFor({ state: "detached" });
    await listed.waitFor({ state: "detached" });
    await entryLink.waitFor({ state: "detached" });
    // The row took the dialog's trigger with it: focus lands on the log's heading, not the page top.
    await page.waitForFunction(() => document.activeElement?.id === "actions-heading");
    await context.close();
  }, 120_000);
});
