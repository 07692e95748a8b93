import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { normaliseSpaces, useBrowser } from "./support/browser.ts";
import { seriousA11yViolations, viewportScreenshot } from "./support/capture.ts";
import { DEMO_PASSWORD, MONTPELLIER } from "./support/demo-accounts.ts";
import { signedInAs, trpcMutation, trpcQuery } from "./support/demo-api.ts";

/** Admin of Bordeaux Métropole: administers the cooperations Bordeaux is a current member of. */
const BORDEAUX = { email: "bordeaux@trame.demo", password: DEMO_PASSWORD } as const;

interface Member {
  id: string;
  territory: { id: string; name: string };
  role: string;
  leftOn: string | null;
  version: number;
}
interface Cooperation {
  id: string;
  name: string;
  archived: boolean;
  members: Member[];
}

const browser = useBrowser();

async function territoryId(page: Page, name: string): Promise<string> {
  const found = await trpcQuery<{ items: Array<{ id: string; name: string }> }>(page, "territory.search", {
    query: name,
  });
  const territory = found.items.find((item) => item.name === name);
  if (!territory) throw new Error(`demo territory not found: ${name}`);
  return territory.id;
}

/** A demo cooperation Bordeaux Métropole is a current member of (so its admin manages the members). */
async function bordeauxCooperation(page: Page): Promise<Cooperation> {
  const bordeaux = await territoryId(page, "Bordeaux Métropole");
  const list = await trpcQuery<{ items: Array<{ id: string }> }>(page, "cooperation.list", {
    territoryId: bordeaux,
    limit: 50,
  });
  for (const item of list.items) {
    const cooperation = await trpcQuery<Cooperation>(page, "cooperation.get", { id: item.id });
    const current = cooperation.members.filter((m) => m.leftOn === null);
    if (!cooperation.archived && current.some((m) => m.territory.id === bordeaux)) return cooperation;
  }
  throw new Error("no demo cooperation with Bordeaux Métropole as a current member");
}

describe("membres d'une coopération", () => {
  test("l'administrateur d'un membre ajoute un territoire, change son rôle puis le retire, dans des dialogues accessibles", async () => {
    const { context, page } = await signedInAs(browser(), BORDEAUX);
    const cooperation = await bordeauxCooperation(page);
    const kochersberg = await territoryId(page, "CC du Kochersberg");
    expect(cooperation.members.some((m) => m.leftOn === null && m.territory.id === kochersberg)).toBe(false);
    const lead = cooperation.members.find((m) => m.role === "lead" && m.leftOn === null);
    if (!lead) throw new Error(`no lead in ${cooperation.name}`);
    const KOCHERSBERG = "CC du Kochersberg";

    try {
      await page.goto(`/cooperations/${cooperation.id}`);
      await page.getByRole("heading", { level: 1, name: cooperation.name }).waitFor();
      const members = page.getByRole("region", { name: /^Membres/ });

      // Add: nothing chosen is refused in place, then the territory is found by typing part of its name.
      await members.getByRole("button", { name: "Ajouter un membre" }).click();
      const add = page.getByRole("dialog", { name: "Ajouter un membre à la coopération" });
      await add.waitFor();
      await add.getByRole("button", { name: "Ajouter le membre" }).click();
      await add.getByText("Choisissez un territoire dans la liste.").waitFor();
      const picker = add.getByRole("combobox", { name: "Territoire" });
      expect(await picker.evaluate((node) => node === document.activeElement)).toBe(true);
      await picker.fill("Kochersberg");
      const option = page.getByRole("option", { name: new RegExp(KOCHERSBERG) });
      await option.waitFor();
      expect(await seriousA11yViolations(page)).toEqual([]);
      await viewportScreenshot(page, "cooperation-membres");
      await option.click();
      expect(await picker.inputValue()).toBe(KOCHERSBERG);
      await add.getByLabel("Rôle").selectOption("associate");
      await add.getByRole("button", { name: "Ajouter le membre" }).click();
      await add.waitFor({ state: "detached" });
      const row = members.getByRole("listitem").filter({ hasText: KOCHERSBERG });
      await row.getByText("Associé", { exact: true }).waitFor();
      await page
        .getByRole("region", { name: "Chronologie de la coopération" })
        .getByText(`${KOCHERSBERG} rejoint la coopération`)
        .first()
        .waitFor();
      let stored = await trpcQuery<Cooperation>(page, "cooperation.get", { id: cooperation.id });
      expect(stored.members.find((m) => m.territory.id === kochersberg && m.leftOn === null)?.role).toBe("associate");

      // Change the role.
      await row.getByRole("button", { name: `Modifier le rôle de ${KOCHERSBERG}` }).click();
      const change = page.getByRole("dialog", { name: `Rôle de ${KOCHERSBERG}` });
      await change.waitFor();
      expect(await seriousA11yViolations(page)).toEqual([]);
      await change.getByLabel("Rôle").selectOption("member");
      await change.getByRole("button", { name: "Enregistrer le rôle" }).click();
      await change.waitFor({ state: "detached" });
      await row.getByText("Membre", { exact: true }).waitFor();
      stored = await trpcQuery<Cooperation>(page, "cooperation.get", { id: cooperation.id });
      expect(stored.members.find((m) => m.territory.id === kochersberg && m.leftOn === null)?.role).toBe("member");

      // The lead cannot step down by itself: the rule's message shows at the role, and nothing changes.
      await members.getByRole("button", { name: `Modifier le rôle de ${lead.territory.name}` }).click();
      const leadDialog = page.getByRole("dialog", { name: `Rôle de ${lead.territory.name}` });
      await leadDialog.getByLabel("Rôle").selectOption("member");
      await leadDialog.getByRole("button", { name: "Enregistrer le rôle" }).click();
      const ruleText = "Le chef de file ne peut ni quitter la coopération ni changer de rôle";
      await leadDialog.locator(".field__error").getByText(ruleText).waitFor();
      const describedBy = (await leadDialog.getByLabel("Rôle").getAttribute("aria-describedby")) ?? "";
      expect(describedBy).toContain("member-role-error");
      expect(await leadDialog.getByLabel("Rôle").evaluate((node) => node === document.activeElement)).toBe(true);
      await leadDialog.getByRole("button", { name: "Annuler" }).click();
      await leadDialog.waitFor({ state: "detached" });

      // Remove, after confirming: the territory moves to the former members.
      await row.getByRole("button", { name: `Retirer ${KOCHERSBERG} de la coopération` }).click();
      const remove = page.getByRole("dialog", { name: `Retirer ${KOCHERSBERG} ?` });
      await remove.waitFor();
      expect(await seriousA11yViolations(page)).toEqual([]);
      await remove.getByRole("button", { name: "Retirer de la coopération" }).click();
      await remove.waitFor({ state: "detached" });
      await members.getByRole("button", { name: `Retirer ${KOCHERSBERG} de la coopération` }).waitFor({
        state: "detached",
      });
      expect(normaliseSpaces(await members.textContent())).toContain("Anciens membres");
      stored = await trpcQuery<Cooperation>(page, "cooperation.get", { id: cooperation.id });
      expect(stored.members.some((m) => m.territory.id === kochersberg && m.leftOn === null)).toBe(false);
      expect(stored.members.find((m) => m.territory.id === lead.territory.id && m.leftOn === null)?.role).toBe("lead");
    } finally {
      // A failed run must not leave the demo cooperation with an extra member.
      const now = await trpcQuery<Cooperation>(page, "cooperation.get", { id: cooperation.id });
      const left = now.members.find((m) => m.territory.id === kochersberg && m.leftOn === null);
      if (left) await trpcMutation(page, "cooperation.removeMember", { memberId: left.id, version: left.version });
      await context.close();
    }
  });

  test("un simple éditeur d'un membre ne voit pas la gestion des membres", async () => {
    const { context, page } = await signedInAs(browser(), MONTPELLIER);
    const list = await trpcQuery<{ items: Array<{ id: string; name: string }> }>(page, "cooperation.list", {
      query: "Vallée de l'Hérault",
      limit: 50,
    });
    const cooperation = list.items.find((item) => item.name.startsWith("Contrat de réciprocité Montpellier"));
    if (!cooperation) throw new Error("demo cooperation not found");
    await page.goto(`/cooperations/${cooperation.id}`);
    const members = page.getByRole("region", { name: /^Membres/ });
    await members.getByRole("listitem").first().waitFor();
    expect(await members.getByRole("button").count()).toBe(0);
    await context.close();
  });
});
