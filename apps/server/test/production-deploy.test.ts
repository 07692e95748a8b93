import { type ChildProcess, execFile, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serverBuildOptions } from "../build-options.ts";
import { freePort } from "./support/server-process.ts";

// No Docker engine runs on our machines: this test builds what the image's last stage holds (the
// Dockerfile's own deploy line, run here) and starts the server from it as the image's CMD does.
const SERVER_DIR = fileURLToPath(new URL("..", import.meta.url));
const ROOT_DIR = fileURLToPath(new URL("../../..", import.meta.url));
const WEB_DIST = join(ROOT_DIR, "apps/web/dist");
const dockerfile = readFileSync(join(ROOT_DIR, "Dockerfile"), "utf8");
const manifest = (dir: string) => JSON.parse(readFileSync(join(ROOT_DIR, dir, "package.json"), "utf8"));

/**
 * Development dependencies a production package itself requires, so pnpm installs them whatever
 * --prod says; each with the package that requires it (checked below, so an entry cannot go stale).
 */
const REQUIRED_BY_PRODUCTION: Record<string, string> = {
  // @types/node 14 under exceljs (fast-csv), not the workspace's @types/node 20.
  "@types/node": "@fast-csv/format",
};

/** `RUN pnpm … deploy … <dir>` of the Dockerfile, split into the command and its target directory. */
function dockerDeploy(): { command: string[]; target: string } {
  const line = /^RUN (pnpm --filter @trame\/server deploy .+)$/m.exec(dockerfile)?.[1];
  if (!line) throw new Error("Dockerfile: no `RUN pnpm --filter @trame/server deploy … <dir>` line");
  const words = line.trim().split(/\s+/);
  return { command: words.slice(0, -1), target: words.at(-1) ?? "" };
}

const pnpmEntries = (deploy: string) => readdirSync(join(deploy, "node_modules/.pnpm"));
/** `@scope/name/sub` → `@scope/name`; `name/sub` → `name`. */
const packageOf = (path: string) =>
  path
    .split("/")
    .slice(0, path.startsWith("@") ? 2 : 1)
    .join("/");
/** `@scope/name` → its folder prefix in node_modules/.pnpm (`@scope+name@version…`). */
const pnpmPrefix = (name: string) => `${name.replace("/", "+")}@`;

let workDir = "";
let deployDir = "";
/** Every npm package the bundle imports, at start or on demand (chunks): each must be in the deploy. */
let bundleImports: string[] = [];

beforeAll(async () => {
  // `pnpm test` runs on a clean clone without a build first; the deploy copies apps/server/dist.
  const { metafile } = await build({ ...serverBuildOptions, absWorkingDir: SERVER_DIR, metafile: true });
  bundleImports = [
    ...new Set(
      Object.values(metafile.outputs).flatMap((output) =>
        output.imports
          .filter((imported) => imported.external && !imported.path.startsWith("node:"))
          .map((imported) => packageOf(imported.path)),
      ),
    ),
  ];
  workDir = mkdtempSync(join(tmpdir(), "trame-deploy-"));
  deployDir = join(workDir, "server");
  const [pnpm = "pnpm", ...args] = dockerDeploy().command;
  await promisify(execFile)(pnpm, [...args, deployDir], { cwd: ROOT_DIR, maxBuffer: 16 * 1024 * 1024 }).catch(
    (error: { stdout?: string; stderr?: string }) => {
      throw new Error(`${[pnpm, ...args, deployDir].join(" ")} failed:\n${error.stdout}\n${error.stderr}`);
    },
  );
}, 180_000);

afterAll(() => {
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

describe("l'image de production (Dockerfile) : le déploiement pnpm du serveur", () => {
  it("la dernière étape ne prend de la construction que ce déploiement et l'app web construite", () => {
    const final = dockerfile.slice(dockerfile.lastIndexOf("\nFROM "));
    const copies = [...final.matchAll(/^COPY --from=build \S+ (\S+) (\S+)$/gm)].map(([, from, to]) => [from, to]);
    const webDist = /TRAME_WEB_DIST=(\S+)/.exec(final)?.[1];
    expect(copies).toEqual([
      [dockerDeploy().target, "/app/apps/server"],
      ["/app/apps/web/dist", webDist],
    ]);
    expect(final).toMatch(/^WORKDIR \/app\/apps\/server$/m);
  });

  it("ne contient aucune dépendance de développement de l'espace de travail", () => {
    const manifests = ["", "apps/server", ...readdirSync(join(ROOT_DIR, "packages")).map((p) => `packages/${p}`)];
    const devDependencies = new Set(manifests.flatMap((dir) => Object.keys(manifest(dir).devDependencies ?? {})));
    expect(devDependencies).toContain("vitest");
    const entries = pnpmEntries(deployDir);
    const found = [...devDependencies].filter(
      (name) =>
        existsSync(join(deployDir, "node_modules", name)) ||
        entries.some((entry) => entry.startsWith(pnpmPrefix(name))),
    );
    const unexplained = found.filter((name) => {
      const requirer = REQUIRED_BY_PRODUCTION[name];
      const folder = requirer && entries.find((entry) => entry.startsWith(pnpmPrefix(requirer)));
      if (!requirer || !folder) return true;
      const declared = JSON.parse(
        readFileSync(join(deployDir, "node_modules/.pnpm", folder, "node_modules", requirer, "package.json"), "utf8"),
      );
      return !(name in { ...declared.dependencies, ...declared.peerDependencies });
    });
    expect(unexplained, `development dependencies in the production deploy (${deployDir})`).toEqual([]);
  });

  it("contient le bundle du serveur, chacune de ses dépendances de production et chaque paquet qu'il importe", () => {
    expect(existsSync(join(deployDir, "dist/main.js")), "dist/main.js: is `files` set in package.json?").toBe(true);
    // `files` keeps the sources and the tests out: the bundle is all the server runs.
    const copied = readdirSync(deployDir).filter((entry) => !/^(package\.json|pnpm-.*\.yaml)$/.test(entry));
    expect(copied.sort()).toEqual(["dist", "node_modules"]);
    expect(bundleImports).toContain("fastify");
    const missing = [...Object.keys(manifest("apps/server").dependencies), ...bundleImports].filter(
      (name) => !existsSync(join(deployDir, "node_modules", name, "package.json")),
    );
    expect(missing, "production dependencies missing from the deploy").toEqual([]);
  });

  it("le serveur démarre depuis le déploiement comme dans l'image (PGlite, /readyz puis l'app web)", async () => {
    const cmd = JSON.parse(/^CMD (\[.*\])$/m.exec(dockerfile)?.[1] ?? "[]") as string[];
    const image = Object.fromEntries(
      (/^ENV (.*)$/m.exec(dockerfile)?.[1] ?? "").split(/\s+/).map((pair) => pair.split("=")),
    );
    const port = await freePort();
    // The image's environment, nothing from the test run's (TEST_DATABASE_URL, DATABASE_URL): the
    // embedded database, on this machine's loopback, with the web app of this checkout.
    const env = {
      PATH: process.env.PATH,
      ...image,
      HOST: "127.0.0.1",
      PORT: String(port),
      TRAME_WEB_DIST: WEB_DIST,
      TRAME_DATA_DIR: join(workDir, "pglite"),
      LOG_LEVEL: "warn",
    };
    const child: ChildProcess = spawn(process.execPath, cmd.slice(1), { cwd: deployDir, env, stdio: "pipe" });
    let output = "";
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-20_000);
    };
    child.stdout?.on("data", keep);
    child.stderr?.on("data", keep);
    const exited = new Promise((resolve) => child.once("exit", resolve));
    try {
      const base = `http://127.0.0.1:${port}`;
      const deadline = Date.now() + 60_000;
      let ready = false;
      while (!ready && Date.now() < deadline && child.exitCode === null) {
        ready = await fetch(`${base}/readyz`, { signal: AbortSignal.timeout(2_000) }).then(
          (response) => response.status === 200,
          () => false,
        );
        if (!ready) await new Promise((resolve) => setTimeout(resolve, 250));
      }
      expect(ready, `no 200 on /readyz within 60 s (exit code ${child.exitCode}):\n${output}`).toBe(true);
      if (existsSync(join(WEB_DIST, "index.html"))) {
        const page = await fetch(`${base}/`);
        expect(page.status).toBe(200);
        expect(await page.text()).toBe(readFileSync(join(WEB_DIST, "index.html"), "utf8"));
      }
    } finally {
      child.kill("SIGKILL");
      await exited;
    }
  }, 120_000);
});
