import { existsSync, readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../src/seed/demo-seed.ts";

const readme = readFileSync(new URL("../../../README.md", import.meta.url), "utf8");

describe("README", () => {
  it("liste chaque compte de démonstration et son mot de passe", () => {
    expect(readme).toContain(DEMO_PASSWORD);
    for (const account of DEMO_ACCOUNTS) expect(readme).toContain(account.email);
  });

  it("donne les deux commandes du démarrage rapide", () => {
    expect(readme).toContain("pnpm install && pnpm start");
    expect(readme).toContain("pnpm test");
  });
});

describe("docs/SECURITY.md", () => {
  const root = new URL("../../../", import.meta.url);
  const security = readFileSync(new URL("docs/SECURITY.md", root), "utf8");

  it("chaque test cité existe (serveur, navigateur ou chemin complet), et chaque ADR citée aussi", () => {
    const cited = [...new Set([...security.matchAll(/`([\w./-]+\.test\.ts)`/g)].map((match) => match[1] ?? ""))];
    expect(cited.length).toBeGreaterThan(25);
    const missing = cited.filter(
      (name) =>
        ![name, `apps/server/test/${name}`, `apps/web/e2e/${name}`].some((path) => existsSync(new URL(path, root))),
    );
    expect(missing).toEqual([]);
    const adrs = readdirSync(new URL("docs/adr/", root));
    for (const [, number] of security.matchAll(/ADR (\d{4})/g)) {
      expect(
        adrs.some((file) => file.startsWith(`${number}-`)),
        `ADR ${number}`,
      ).toBe(true);
    }
  });
});
