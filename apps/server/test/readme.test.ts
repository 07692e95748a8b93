import { readFileSync } from "node:fs";
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
