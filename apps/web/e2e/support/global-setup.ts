import { existsSync } from "node:fs";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { startServer, webDist } from "./server.ts";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/** One server for the whole run: its first start (migrations, EPCI import, demo seed) is the slow part. */
export default async function setup(project: TestProject) {
  if (!existsSync(join(webDist, "index.html"))) {
    throw new Error(`${webDist} is missing: run \`vite build\` first (\`pnpm test\` does)`);
  }
  const server = await startServer();
  project.provide("baseUrl", server.baseUrl);
  return () => server.stop();
}
