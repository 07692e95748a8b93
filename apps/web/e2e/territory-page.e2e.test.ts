import { randomUUID } from "node:crypto";
import { mkdir } from "node:fs/promises";
import { todayInFrance } from "@trame/core";
import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { newPage, normaliseSpaces, signIn, useBrowser } from "./support/browser.ts";
import { screenshot, seriousA11yViolations } from "./support/capture.ts";

const BORDEAUX = { email: "bordeaux@trame.demo", password: "trame-demo-2026" } as const;
const FEED = "Entrées de la frise, de la plus récente à la plus ancienne";

const browser = useBrowser();

async function signedInAsBordeaux() {
  const opened = await newPage(browser());
  await opened.page.goto("/connexion");
  await signIn(opened.page, BORDEAUX);
  await opened.page.waitForURL((url) => url.pathname === "/");
  return opened;
}

/** Searches a territory by name or SIREN and opens its page from the result. */
async function openFromSearch(page: Page, query: string, name: string) {
  await page.goto(`/territoires?q=${encodeURIComponent(query)}`);
  await page.getByRole("article", { name }).getByRole("link", { name }).click();
  await page.getByRole("heading", { level: 1, name }).waitFor();
}

/** The dates of the entries shown, in page order. */
async function entryDates(page: Page): Promise<string[]> {
  return page
    .getByRole("list", { name: FEED })
    .locator(".entry time")
    .evaluateAll((times) => times.map((time) => time.getAttribute("datetime") ?? ""));
}

/** The timeline section alone: a full page of a metropolis runs to thousands of pixels. */
async function timelineScreenshot(page: Page, name: string) {
  const dir = new URL("./screenshots/", import.meta.url);
  await mkdir(dir, { recursive: true });
  await page.locator("#frise").screenshot({ path: new URL(`${name}.png`, dir).pathname });
}

function isNewestFirst(dates: readonly string[]): boolean {
  return dates.every((date, index) => index === 0 || (dates[index - 1] ?? "") >= date);
}

/** A tRPC call from inside the page, so it carries the page's session cookie like the app's own requests. */
async function trpcCall<T>(page: Page, path: string, input: unknown, method: "GET" | "POST" = "GET"): Promise<T> {
  return page.evaluate(
    async ({ path, input, method }) => {
      const response =
        method === "GET"
          ? await fetch(`/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`)
          : await fetch(`/trpc/${path}`, {
              method: "POST",
              headers: { "content-type": "application/json" },
              body: JSON.stringify(input),
            });
      const body = await response.json();
      if (!response.ok) throw new Error(`${path}: ${response.status} ${JSON.stringify(body)}`);
      return body.result.data;
    },
    { path, input, method },
  );
}

describe("page d'un territoire", () => {
  test("depuis la recherche, on ouvre Bordeaux Métropole puis un territoire voisin", async () => {
    const { context, page } = await signedInAsBordeaux();
    await openFromSearch(page, "Bordeaux", "Bordeaux Métropole");
    expect(await page.title()).toBe("Bordeaux Métropole — Trame");
    const profile = normaliseSpaces(await page.locator(".territory__profile").textContent());
    expect(profile).toContain("SIREN243300316");
    expect(profile).toMatch(/Population\d{3} \d{3} habitants/);

    await page.getByRole("button", { name: /Voir les \d+ communes membres/ }).click();
    await page.getByRole("rowheader", { name: "Mérignac" }).waitFor();

    const neighbours = page.getByRole("region", { name: "Territoires voisins" });
    const limitrophes = neighbours.getByRole("list", { name: /Limitrophes/ });
    await limitrophes.getByRole("link", { name: "CC de Montesquieu" }).waitFor();
    expect(normaliseSpaces(await limitrophes.textContent())).toContain("IGN Admin Express");
    await page.getByRole("region", { name: "Coopérations" }).getByRole("link").first().waitFor();
    await page.getByRole("region", { name: "Projets communs" }).getByRole("link").first().waitFor();
    await page.getByRole("region", { name: "Financements" }).getByText("Taux de succès").waitFor();
    await page.getByRole("list", { name: FEED }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, "territoire-bordeaux");

    await limitrophes.getByRole("link", { name: "CC de Montesquieu" }).click();
    await page.getByRole("heading", { level: 1, name: "CC de Montesquieu" }).waitFor();
    expect(normaliseSpaces(await page.locator(".territory__profile").textContent())).toContain("SIREN243301264");
    await page
      .getByRole("region", { name: "Territoires voisins" })
      .getByRole("list", { name: /Limitrophes/ })
      .getByRole("link", { name: "Bordeaux Métropole", exact: true })
      .waitFor();
    await context.close();
  });

  test("ouverte à froid, la page demande la session et ses données d'un coup, et un lien survolé les prépare", async () => {
    const { context, page } = await signedInAsBordeaux();
    await openFromSearch(page, "243300316", "Bordeaux Métropole");
    const path = new URL(page.url()).pathname;

    // Cold: a new tab on the address. The session check leaves with the page's own queries, in one
    // request, before the page's code has arrived (before: session, then code, then territory, then sections).
    const cold = await context.newPage();
    const calls: string[][] = [];
    cold.on("request", (request) => {
      const url = new URL(request.url());
      if (url.pathname.startsWith("/trpc/")) calls.push(url.pathname.slice("/trpc/".length).split(","));
    });
    await cold.goto(path);
    await cold.getByRole("heading", { level: 1, name: "Bordeaux Métropole" }).waitFor();
    const withSession = calls.find((names) => names.includes("auth.me"));
    expect(withSession).toEqual(
      expect.arrayContaining(["territory.get", "territory.neighbours", "cooperation.list", "project.list"]),
    );
    await cold.close();

    // Hovering a neighbour's link fetches its page before the click.
    const neighbour = page
      .getByRole("region", { name: "Territoires voisins" })
      .getByRole("list", { name: /Limitrophes/ })
      .getByRole("link", { name: "CC de Montesquieu" });
    const asked = page.waitForRequest((request) => request.url().includes("territory.get"));
    await neighbour.hover();
    await asked;
    await context.close();
  });

  test("la frise montre les entrées les plus récentes d'abord et charge la suite en défilant", async () => {
    const { context, page } = await signedInAsBordeaux();
    await openFromSearch(page, "243300316", "Bordeaux Métropole");
    await page.getByRole("list", { name: FEED }).waitFor();
    const first = await entryDates(page);
    expect(first).toHaveLength(20);
    expect(isNewestFirst(first)).toBe(true);
    // Dates in the house format: 2026-11-26 reads 26/11/2026.
    const [year, month, day] = (first[0] ?? "").split("-");
    expect(await page.locator(".entry__date").first().textContent()).toBe(`${day}/${month}/${year}`);
    const chart = page.getByRole("region", { name: "Activité dans le temps" });
    expect(normaliseSpaces(await chart.textContent())).toContain("D'après les 20 entrées affichées");
    await timelineScreenshot(page, "frise-bordeaux");

    // Scroll to the end of the feed as a reader would, until its start (2014) is reached.
    const end = page.getByText("Début de la frise : toutes les entrées sont affichées.");
    await expect
      .poll(
        async () => {
          await page.locator(".timeline__more").scrollIntoViewIfNeeded();
          return end.isVisible();
        },
        { timeout: 15_000 },
      )
      .toBe(true);
    const all = await entryDates(page);
    expect(isNewestFirst(all)).toBe(true);
    expect(all.slice(0, 20)).toEqual(first);
    expect(all.at(-1)?.slice(0, 4)).toBe("2014");
    await context.close();
  });

  test("filtrer la frise par type ne garde que ce type, dans l'adresse, et l'export suit le filtre", async () => {
    const { context, page } = await signedInAsBordeaux();
    await openFromSearch(page, "243300316", "Bordeaux Métropole");
    await page.getByRole("list", { name: FEED }).waitFor();
    await page.getByRole("button", { name: "Filtrer la frise" }).click();
    await page.getByRole("group", { name: "Actions communes" }).getByText("Réunion", { exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get("types") === "meeting");

    const kinds = () => page.locator(".timeline__years:not(.timeline__years--stale) .entry__kind").allTextContents();
    await expect.poll(async () => new Set(await kinds()), { timeout: 10_000 }).toEqual(new Set(["Réunion"]));
    expect(isNewestFirst(await entryDates(page))).toBe(true);
    await page.getByRole("button", { name: "Filtrer la frise (1 filtre actif)" }).waitFor();
    await page.getByRole("button", { name: "Voir ces chiffres sous forme de tableau" }).click();
    await page.getByRole("table", { name: /Nombre d'entrées de la frise par année/ }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    const href = await page.getByRole("link", { name: /Télécharger la frise \(CSV\)/ }).getAttribute("href");
    expect(href).toContain("kinds=meeting");
    const csv = await page.evaluate(async (url) => (await fetch(url)).text(), href ?? "");
    const rows = csv.trim().split("\n").slice(1);
    expect(rows.length).toBeGreaterThanOrEqual((await kinds()).length);
    expect(rows.every((row) => row.includes("Réunion"))).toBe(true);
    await timelineScreenshot(page, "frise-filtree");

    await page.reload();
    await expect.poll(async () => new Set(await kinds()), { timeout: 10_000 }).toEqual(new Set(["Réunion"]));
    await context.close();
  });

  test("les filtres de la frise s'ouvrent et se cochent au clavier", async () => {
    const { context, page } = await signedInAsBordeaux();
    await openFromSearch(page, "243300316", "Bordeaux Métropole");
    await page.getByRole("list", { name: FEED }).waitFor();
    await page.getByRole("button", { name: "Filtrer la frise" }).focus();
    await page.keyboard.press("Enter");
    await page.keyboard.press("Tab");
    const meeting = page.getByRole("checkbox", { name: "Réunion" });
    await expect.poll(() => meeting.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.press("Space");
    await page.waitForURL((url) => url.searchParams.get("types") === "meeting");
    await expect.poll(() => meeting.isChecked()).toBe(true);
    await context.close();
  });

  test("en anglais, la frise et la page parlent anglais", async () => {
    const { context, page } = await signedInAsBordeaux();
    await openFromSearch(page, "243300316", "Bordeaux Métropole");
    await page.getByRole("list", { name: FEED }).waitFor();
    await page.getByRole("button", { name: /English/ }).click();
    await page.getByRole("heading", { level: 2, name: "Cooperation timeline" }).waitFor();
    const feed = page.getByRole("list", { name: "Timeline entries, newest first" });
    const text = normaliseSpaces(await feed.textContent());
    // Month headings in English; the day of an entry in the house format, 26/11/2026, in both languages.
    expect(text).toMatch(
      /(January|February|March|April|May|June|July|August|September|October|November|December) \d{4}/,
    );
    expect(await feed.locator(".entry__date").first().textContent()).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    expect(text).not.toMatch(/Réunion|Coopération :/);
    expect(normaliseSpaces(await page.locator(".territory__profile").textContent())).toMatch(/\d{3},\d{3} inhabitants/);
    await page.getByRole("button", { name: "Filter the timeline" }).waitFor();
    await screenshot(page, "territory-page-english");
    await context.close();
  });

  test("une action saisie sur un projet commun apparaît sur la frise du territoire partenaire", async () => {
    const { context, page } = await signedInAsBordeaux();
    const search = await trpcCall<{ items: { id: string; name: string }[] }>(page, "territory.search", {
      query: "243301264",
    });
    const montesquieu = search.items[0];
    expect(montesquieu?.name).toBe("CC de Montesquieu");
    const projects = await trpcCall<{ items: { id: string; title: string; lead: { name: string } | null }[] }>(
      page,
      "project.list",
      { territoryId: montesquieu?.id, limit: 100 },
    );
    // Bordeaux's account may log actions on the projects Bordeaux Métropole leads.
    const project = projects.items.find((item) => item.lead?.name === "Bordeaux Métropole");
    expect(project).toBeDefined();

    const title = `Atelier de bilan e2e ${Date.now()}`;
    const today = todayInFrance();
    await trpcCall(
      page,
      "action.create",
      { projectId: project?.id, occurredOn: today, kind: "workshop", title, idempotencyKey: randomUUID() },
      "POST",
    );

    await page.goto(`/territoires/${montesquieu?.id}`);
    await page.getByRole("heading", { level: 1, name: "CC de Montesquieu" }).waitFor();
    const entry = page.getByRole("list", { name: FEED }).locator(".entry").first();
    await entry.getByText(title).waitFor();
    const text = normaliseSpaces(await entry.textContent());
    expect(text).toContain("Atelier");
    expect(text).toContain(`Projet :${project?.title}`);
    expect(text).toMatch(/Avec :.*Bordeaux Métropole/);
    await timelineScreenshot(page, "frise-partenaire-action");
    await context.close();
  });

  test("le lien d'agenda privé est montré une fois, puis révocable", async () => {
    const { context, page } = await signedInAsBordeaux();
    await openFromSearch(page, "243300316", "Bordeaux Métropole");
    await page.getByRole("button", { name: "Suivre les échéances et la frise dans votre agenda" }).click();
    await page.getByRole("button", { name: "Créer mon lien d'agenda" }).click();
    const link = page.getByRole("textbox", { name: "Lien d'abonnement à copier dans votre agenda" });
    await link.waitFor();
    const url = await link.inputValue();
    expect(url).toMatch(/\/api\/calendar\/[^/]+\.ics$/);
    const feed = await page.evaluate(async (href) => {
      const response = await fetch(href);
      return { status: response.status, body: await response.text() };
    }, url);
    expect(feed.status).toBe(200);
    expect(feed.body).toContain("BEGIN:VCALENDAR");
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page
      .getByRole("button", { name: /^Révoquer le lien créé le/ })
      .first()
      .click();
    await page.getByText(/est révoqué/).waitFor();
    const after = await page.evaluate(async (href) => (await fetch(href)).status, url);
    expect(after).toBe(404);
    await context.close();
  });

  test("une adresse de territoire inconnue explique qu'il est introuvable", async () => {
    const { context, page } = await signedInAsBordeaux();
    await page.goto("/territoires/00000000-0000-4000-8000-000000000000");
    await page.getByRole("heading", { level: 1, name: "Territoire introuvable" }).waitFor();
    await page.getByRole("link", { name: "Rechercher un territoire" }).waitFor();
    await page.goto("/territoires/pas-un-identifiant");
    await page.getByRole("heading", { level: 1, name: "Territoire introuvable" }).waitFor();
    await context.close();
  });
});
