import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { CSP_DIRECTIVES, LIBRARY_INLINE_STYLES } from "../src/http/content-security-policy.ts";

/** react-aria as the web app installs it (a dependency of react-aria-components). */
function reactAriaFile(path: string): string {
  const fromWeb = createRequire(new URL("../../web/package.json", import.meta.url));
  const components = fromWeb.resolve("react-aria-components");
  const reactAria = dirname(createRequire(components).resolve("react-aria/package.json"));
  return readFileSync(join(reactAria, "dist/private", path), "utf8");
}

/** The text a `style.textContent = `…`.trim()` assignment writes, with the attribute constant filled in. */
function injectedStyle(source: string): string {
  const template = /style\.textContent = `([^`]*)`(\.trim\(\))?/.exec(source)?.[1] ?? "";
  const attribute = /PRESSABLE_ATTRIBUTE = '([^']+)'/.exec(source)?.[1] ?? "";
  return template.replace(/\$\{[^}]*PRESSABLE_ATTRIBUTE\}/, attribute).trim();
}

describe("CSP : les seuls styles en ligne permis sont ceux, fixes, de react-aria", () => {
  it("les deux textes sont ceux que la version installée de react-aria écrit", () => {
    expect(injectedStyle(reactAriaFile("interactions/usePress.mjs"))).toBe(LIBRARY_INLINE_STYLES[0]);
    expect(injectedStyle(reactAriaFile("overlays/usePreventScroll.mjs"))).toBe(LIBRARY_INLINE_STYLES[1]);
  });

  it("style-src : nos fichiers et ces deux empreintes, jamais 'unsafe-inline'", () => {
    const sha = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;
    expect(CSP_DIRECTIVES.styleSrc).toEqual(["'self'", ...LIBRARY_INLINE_STYLES.map(sha)]);
    // The hash the browser reported for usePress's style when it was blocked.
    expect(CSP_DIRECTIVES.styleSrc).toContain("'sha256-38RhXrc7EdReTKsOm23ZPOCUgniTUUcjky8QOOrQx6o='");
    expect(Object.values(CSP_DIRECTIVES).flat().join(" ")).not.toMatch(/unsafe-(inline|eval)/);
  });
});
