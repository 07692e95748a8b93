import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const read = (path: string) => readFileSync(join(root, path), "utf8");

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|tsx)$/.test(e.name) && !e.parentPath.includes("node_modules"))
    .map((e) => join(e.parentPath, e.name));
}

describe("règles de l'espace de travail", () => {
  it("les trois paquets tRPC sont à la même version (l'adaptateur React Query épingle ses pairs)", () => {
    const { catalog } = parse(read("pnpm-workspace.yaml")) as { catalog: Record<string, string> };
    const trpc = Object.entries(catalog).filter(([name]) => name.startsWith("@trpc/"));
    expect(trpc.map(([name]) => name).sort()).toEqual(["@trpc/client", "@trpc/server", "@trpc/tanstack-react-query"]);
    expect(new Set(trpc.map(([, version]) => version)).size).toBe(1);
  });

  it("chaque « ARCHITECTURE §n » des commentaires désigne une section de docs/ARCHITECTURE.md", () => {
    const sections = new Set([...read("docs/ARCHITECTURE.md").matchAll(/^## (\d+)\. /gm)].map((m) => m[1]));
    const oldDesign = new RegExp(`${"DESIGN"} §`); // spelt apart so this file does not match itself
    const cited: string[] = [];
    for (const file of ["apps", "packages", "bench"].flatMap(sourceFiles)) {
      const text = readFileSync(file, "utf8");
      expect(text, file).not.toMatch(oldDesign);
      for (const m of text.matchAll(/ARCHITECTURE §(\d+)/g)) cited.push(m[1] ?? "");
    }
    expect(cited.length).toBeGreaterThan(10);
    expect(cited.filter((n) => !sections.has(n))).toEqual([]);
  });
});
