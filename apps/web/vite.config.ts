import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

export default defineConfig({
  plugins: [react()],
  server: {
    // Same origin in development as in production, so the session cookie flows without CORS.
    proxy: { "/trpc": "http://localhost:3000" },
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // Libraries change far less often than our code: their own chunk stays cached across deploys.
            {
              name: "vendor",
              test: /node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack|@trpc|i18next|react-i18next)[\\/]/,
            },
            // Schemas and labels (with zod) are only needed by pages, never by the shell: one lazy chunk.
            { name: "core", test: /packages[\\/]core[\\/]|node_modules[\\/]zod[\\/]/ },
          ],
        },
      },
    },
  },
});
