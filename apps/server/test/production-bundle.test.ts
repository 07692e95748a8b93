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
});
