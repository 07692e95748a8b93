import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { describe, expect, test } from "vitest";

// The built app (`pnpm test` builds it first): what a first visit must download before anything shows.
const dist = new URL("../dist/", import.meta.url);
const BUDGET_BYTES = 200 * 1024;

describe("budget JavaScript initial", () => {
  test("le script d'entrée et ses préchargements tiennent dans 200 Ko gzip", () => {
    const html = readFileSync(new URL("index.html", dist), "utf8");
    const initial = [
      ...html.matchAll(/<script type="module"[^>]*src="\/(assets\/[^"]+\.js)"/g),
      ...html.matchAll(/<link rel="modulepreload"[^>]*href="\/(assets\/[^"]+\.js)"/g),
    ].map((m) => m[1] ?? "");
    expect(initial.some((file) => file.startsWith("assets/vendor-"))).toBe(true);
    // The dynamic-import helper must not drag the schemas' chunk (zod) into the first load.
    expect(initial.filter((file) => file.startsWith("assets/core-"))).toEqual([]);
    const bytes = initial.reduce((sum, file) => sum + gzipSync(readFileSync(new URL(file, dist))).length, 0);
    expect(bytes).toBeLessThanOrEqual(BUDGET_BYTES);
  });
});
