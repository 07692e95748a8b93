import type { BuildOptions } from "esbuild";

/**
 * Production build: the server and the CLI as two ESM files, with our workspace packages
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
  target: "node20",
  sourcemap: true,
  // Stack traces name the source file and line; the sources themselves need not sit in the
  // server's memory (--enable-source-maps loads the map): 3.5 MB less RSS at rest.
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
