import { describe, expect, test } from "vitest";
import { noSidewaysScroll, useBrowser } from "./support/browser.ts";
import { screenshot, seriousA11yViolations } from "./support/capture.ts";
import { freshKochersbergEditor, signedInAs, signedInOnPhone, trpcMutation, trpcQuery } from "./support/demo-api.ts";

const browser = useBrowser();

describe("mes courriels (préférences)", () => {
  test("chaque catégorie a son choix ; « Jamais » est enregistré et relu ; en anglais sur téléphone ; axe", async () => {
    const person = await freshKochersbergEditor(browser(), "courriels");
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
    const { context, page } = await signedInOnPhone(browser(), person);
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
