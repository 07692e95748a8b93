import { defineConfig } from "vitest/config";

// Creating a test database runs every migration: on a busy machine (or as migrations accumulate)
// that takes longer than vitest's 10 s default for a hook, as in apps/server.
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
