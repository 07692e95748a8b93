import type { BuildOptions } from "esbuild";

/**
 * Production build: the server and the CLI as ESM files, with our workspace packages
 * (@trame/core, @trame/db: TypeScript sources) bundled in and every npm dependency left to
 * node_modules. Node then runs plain JavaScript: no TypeScript loader in memory at run time.
 * Node resolves those packages from apps/server, so each one must be a dependency of this package,
 * even when only core or db imports it (test/production-bundle.test.ts holds that).
 */
export const serverBuildOptions: BuildOptions = {
  entryPoints: ["src/main.ts", "src/cli.ts"],
  outdir: "dist",
  bundle: true,
  platform: "node",
  format: "esm",
  // Code imported with import() goes to chunks of its own (dist/chunks/), loaded when first used:
  // the npm packages only such code imports (PGlite on PostgreSQL, nodemailer without SMTP) then
  // never enter the server's memory (test/production-bundle.test.ts holds which ones).
  splitting: true,
  chunkNames: "chunks/[name]-[hash]",
  target: "node20",
  sourcemap: true,
  // The maps sit beside the code for reading a stack trace back to the TypeScript source
  // (NODE_OPTIONS=--enable-source-maps when debugging). Production runs without that flag: loading
  // the maps cost 25 MB of peak RSS under `pnpm bench:load`. Without the sources embedded, they
  // cost 3.5 MB less when loaded.
  sourcesContent: false,
  logLevel: "warning",
  plugins: [
    {
      name: "external-npm-packages",
      setup(context) {
        context.onResolve({ filter: /^[^./]/ }, (args) =>
          args.path.startsWith("@trame/") ? undefined : { path: args.path, external: true },
        );
      },
    },
  ],
};
