import type { Page } from "playwright-core";
import { describe, expect, inject, test } from "vitest";
import { DEMO_ADMIN, screenshot, seriousA11yViolations, signIn, useBrowser } from "./support/browser.ts";
import { signedInAs, trpcMutation, trpcQuery } from "./support/demo-api.ts";

const browser = useBrowser();

interface Person {
  id: string;
  email: string;
  password: string;
}

/** A fresh account, editor of CC du Kochersberg: its e-mail choices are changed here, no demo account's. */
async function makePerson(): Promise<Person> {
  const { context, page } = await signedInAs(browser(), DEMO_ADMIN);
  const stamp = `${Date.now()}-${Math.random().toString(36).slice(2, 7)}`;
  const input = {
    name: `Compte e2e courriels ${stamp}`,
    email: `e2e-courriels-${stamp}@example.fr`,
    password: "mot-de-passe-initial-2026",
  };
  const created = await trpcMutation<{ id: string }>(page, "admin.createUser", input);
  const found = await trpcQuery<{ items: Array<{ id: string; name: string }> }>(page, "territory.search", {
    query: "Kochersberg",
  });
  const territory = found.items.find((item) => item.name === "CC du Kochersberg");
  if (!territory) throw new Error("demo territory CC du Kochersberg not found");
  await trpcMutation(page, "admin.setMembership", { userId: created.id, territoryId: territory.id, role: "editor" });
  await context.close();
  return { id: created.id, ...input };
}

const noSidewaysScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

describe("mes courriels (préférences)", () => {
  test("chaque catégorie a son choix ; « Jamais » est enregistré et relu ; en anglais sur téléphone ; axe", async () => {
    const person = await makePerson();
    const desk = await signedInAs(browser(), person);
    await desk.page.goto("/compte");
    const section = desk.page.getByRole("region", { name: "Courriels" });
    const actions = section.getByLabel("Actions des partenaires");
    await actions.waitFor();
    // Defaults: actions in the daily digest, reminders at once.
    expect(await actions.inputValue()).toBe("daily");
    expect(await section.getByLabel("Rappels d'échéances (30, 7 et 1 jours avant)").inputValue()).toBe("immediately");
    expect(await section.getByRole("combobox").count()).toBe(7);

    await actions.selectOption({ label: "Jamais" });
    await section.getByRole("status").getByText("Choix enregistré.").waitFor();
    expect(await trpcQuery<Record<string, string>>(desk.page, "notificationPrefs.get", undefined)).toMatchObject({
      action: "never",
    });
    await desk.page.reload();
    expect(
      await desk.page.getByRole("region", { name: "Courriels" }).getByLabel("Actions des partenaires").inputValue(),
    ).toBe("never");
    expect(await seriousA11yViolations(desk.page)).toEqual([]);
    await screenshot(desk.page, "compte-courriels");

    // The account's language is English: a phone signed in reads the section in English.
    await trpcMutation(desk.page, "auth.setLocale", { locale: "en" });
    await desk.context.close();
    const context = await browser().newContext({
      baseURL: inject("baseUrl"),
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    await page.goto("/connexion");
    await signIn(page, person);
    await page.waitForURL((url) => url.pathname !== "/connexion");
    await page.goto("/compte");
    const english = page.getByRole("region", { name: "E-mails" });
    const partners = english.getByLabel("Partners' actions");
    await partners.waitFor();
    expect(await partners.inputValue()).toBe("never");
    expect(await partners.locator("option:checked").textContent()).toBe("Never");
    await english.getByLabel("Summary and deadlines of the next 30 days").selectOption({ label: "Daily digest" });
    await english.getByRole("status").getByText("Choice saved.").waitFor();
    expect(await noSidewaysScroll(page)).toBe(true);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, "account-mail-phone");
    await context.close();
  });
});
