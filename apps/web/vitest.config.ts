import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["e2e/**/*.e2e.test.ts", "scripts/**/*.test.ts"],
    globalSetup: ["e2e/support/global-setup.ts"],
    // One server and one browser per file: running files one at a time keeps timings stable on small CI runners.
    fileParallelism: false,
    testTimeout: 60_000,
    // On CI, a browser test that fails is run again, at most twice, before the run fails: the runner is a
    // shared two-core machine where Chromium, the server and PostgreSQL compete, and one of 109 tests
    // missing a 60 s timeout there failed a whole landing (2026-12-07) without any fault of the product.
    // A broken feature still fails all three attempts; the reporter names every test that needed one.
    retry: process.env.CI ? 2 : 0,
    // The first start of a fresh data directory imports all EPCI before answering /readyz.
    hookTimeout: 180_000,
  },
});
