import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["e2e/**/*.e2e.test.ts", "scripts/**/*.test.ts"],
    globalSetup: ["e2e/support/global-setup.ts"],
    // One server and one browser per file: running files one at a time keeps timings stable on small CI runners.
    fileParallelism: false,
    testTimeout: 60_000,
    // The first start of a fresh data directory imports all EPCI before answering /readyz.
    hookTimeout: 180_000,
  },
});
