import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import { serverBuildOptions } from "../build-options.ts";

const SERVER_DIR = fileURLToPath(new URL("..", import.meta.url));
const ROOT_DIR = fileURLToPath(new URL("../../..", import.meta.url));

/** `@scope/name/sub` → `@scope/name`; `name/sub` → `name`. */
const packageOf = (path: string) =>
  path
    .split("/")
    .slice(0, path.startsWith("@") ? 2 : 1)
    .join("/");

describe("le paquet de production (pnpm start, Dockerfile)", () => {
  it("chaque paquet npm laissé hors du bundle se résout depuis apps/server, comme Node le fera depuis dist/", async () => {
    const { metafile } = await build({ ...serverBuildOptions, write: false, metafile: true });
    const external = new Set(
      Object.values(metafile?.outputs ?? {}).flatMap((output) =>
        output.imports
          .filter((imported) => imported.external && !imported.path.startsWith("node:"))
          .map((imported) => packageOf(imported.path)),
      ),
    );
    expect(external.size).toBeGreaterThan(10);
    // Before: the password estimator, imported by core only, was missing in production (every password set failed).
    expect(external).toContain("@zxcvbn-ts/core");
    const missing = [...external].filter(
      (name) => ![SERVER_DIR, ROOT_DIR].some((dir) => existsSync(join(dir, "node_modules", name, "package.json"))),
    );
    expect(missing).toEqual([]);
  });

  it("la mémoire au repos (issue 14) : le serveur ne charge au démarrage aucun des paquets dont il ne se sert qu'à la demande", async () => {
    const { metafile } = await build({ ...serverBuildOptions, write: false, metafile: true });
    const outputs = metafile?.outputs ?? {};
    // Everything the server's entry loads before its first line runs: its static imports, followed
    // through the chunks they name.
    const loadedAtStart = new Set<string>();
    const visit = (file: string) => {
      for (const imported of outputs[file]?.imports ?? []) {
        if (imported.kind !== "import-statement") continue;
        if (imported.external) loadedAtStart.add(packageOf(imported.path));
        else if (!loadedAtStart.has(imported.path)) {
          loadedAtStart.add(imported.path);
          visit(imported.path);
        }
      }
    };
    const entry = Object.keys(outputs).find((file) => outputs[file]?.entryPoint === "src/main.ts") ?? "";
    visit(entry);
    expect(loadedAtStart).toContain("fastify");
    for (const onDemand of [
      "@electric-sql/pglite", // embedded instances only
      "nodemailer", // the first message sent over SMTP
      "openid-client", // the first ProConnect sign-in
      "file-type", // the first upload
      "csv-parse",
      "iconv-lite",
      "yauzl", // the first spreadsheet import
      "exceljs",
    ]) {
      expect(loadedAtStart, onDemand).not.toContain(onDemand);
    }
  });
});
