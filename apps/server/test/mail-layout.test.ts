import { describe, expect, it } from "vitest";
import { compileLayout, generatedModule } from "../src/mail/build-layout.ts";
import { LAYOUT_HTML } from "../src/mail/layout.generated.ts";

describe("e-mail layout", () => {
  it("layout.generated.ts is layout.mjml compiled by MJML (run `pnpm mail:build` after editing it)", async () => {
    const html = await compileLayout();
    expect(LAYOUT_HTML).toBe(html);
    expect(generatedModule(html)).toContain("LAYOUT_HTML");
  }, 30_000);
});
