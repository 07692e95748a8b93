import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { compression } from "vite-plugin-compression2";

export default defineConfig({
  plugins: [
    react(),
    // Written once at build time, sent as is by the server (fastify-static `preCompressed`): the map's
    // 1.26 MB of outlines leave as 0.3 MB of brotli without compressing them again on every request.
    compression({ include: /\.(js|css|json|svg)$/, algorithms: ["brotliCompress", "gzip"], threshold: 1024 }),
  ],
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
            // Vite's dynamic-import helper, which every lazy route needs: left to the grouping it landed in
            // `core`, and the entry then preloaded all of zod and the schemas just to reach it.
            { name: "preload-helper", test: /vite[\\/]preload-helper/ },
            // Schemas and labels (with zod) are only needed by pages, never by the shell: one lazy chunk.
            { name: "core", test: /packages[\\/]core[\\/]|node_modules[\\/]zod[\\/]/ },
          ],
        },
      },
    },
  },
});
