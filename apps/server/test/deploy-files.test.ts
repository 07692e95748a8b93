import { existsSync, readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { parseEnv } from "../src/env.ts";

// No Docker engine runs on our machines: these checks keep the deploy files consistent with the code.
const root = new URL("../../../", import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), "utf8");

interface Compose {
  services: Record<
    string,
    {
      image?: string;
      environment?: Record<string, string>;
      depends_on?: Record<string, { condition: string }>;
      healthcheck?: unknown;
      volumes?: string[];
    }
  >;
  volumes: Record<string, unknown>;
}

describe("fichiers de déploiement", () => {
  it("docker-compose démarre PostgreSQL 16 avec healthcheck et volume nommé, et y relie l'app", () => {
    const compose = parse(read("docker-compose.yml")) as Compose;
    const { db, app } = compose.services;
    expect(db?.image).toBe("postgres:16");
    expect(db?.healthcheck).toBeDefined();
    const volume = db?.volumes?.[0]?.split(":")[0] ?? "";
    expect(Object.keys(compose.volumes)).toContain(volume);
    const url = new URL(app?.environment?.DATABASE_URL ?? "");
    expect(url.hostname).toBe("db");
    expect(url.username).toBe(db?.image && compose.services.db?.environment?.POSTGRES_USER);
    expect(app?.depends_on?.db?.condition).toBe("service_healthy");
  });

  it("docker-compose démarre Mailpit et l'app lui envoie ses courriels (valeurs acceptées par la configuration)", async () => {
    const { parseEnv } = await import("../src/env.ts");
    const compose = parse(read("docker-compose.yml")) as Compose;
    const { mailpit, app } = compose.services;
    expect(mailpit?.image).toMatch(/^axllent\/mailpit:/);
    const smtp = new URL(app?.environment?.SMTP_URL ?? "");
    expect(smtp.protocol).toBe("smtp:");
    expect(smtp.hostname).toBe("mailpit");
    expect(smtp.port).toBe("1025");
    const env = parseEnv({ ...app?.environment });
    expect(env.SMTP_URL).toBe("smtp://mailpit:1025");
    expect(env.TRAME_PUBLIC_URL).toBe("http://localhost:3000");
  });

  it("docker-compose démarre sans démonstration (aucun compte au mot de passe publié) et dit comment créer l'administrateur", () => {
    const compose = read("docker-compose.yml");
    const app = (parse(compose) as Compose).services.app;
    const env = parseEnv({ ...app?.environment });
    expect(env.TRAME_DEMO).toBe(false);
    expect(app?.environment?.TRAME_DEMO ?? "false").toBe("false");
    expect(compose).toContain("create-admin");
    expect(read("README.md")).toContain("node dist/cli.js create-admin");
  });

  it("le Dockerfile écoute sur toutes les interfaces du conteneur ; le serveur seul, sur localhost", () => {
    const env = /^ENV (.*)$/m.exec(read("Dockerfile"))?.[1] ?? "";
    const settings = Object.fromEntries(env.split(/\s+/).map((pair) => pair.split("=")));
    expect(settings.HOST).toBe("0.0.0.0");
    expect(parseEnv({}).HOST).toBe("127.0.0.1");
  });

  it("le Dockerfile est multi-étapes et installe le pnpm épinglé", () => {
    const dockerfile = read("Dockerfile");
    const pinned = JSON.parse(read("package.json")).packageManager.split("@")[1];
    expect(dockerfile.match(/^FROM /gm)?.length).toBeGreaterThanOrEqual(2);
    expect(dockerfile).toContain(`pnpm@${pinned}`);
    expect(dockerfile).toContain("--frozen-lockfile");
  });

  it("le Dockerfile copie le package.json de chaque paquet de l'espace de travail avant l'installation figée", () => {
    // Otherwise `pnpm install --frozen-lockfile` finds the lockfile naming a package that is not there.
    const dockerfile = read("Dockerfile");
    const install = dockerfile.indexOf("RUN pnpm install --frozen-lockfile");
    const globs = (parse(read("pnpm-workspace.yaml")) as { packages: string[] }).packages;
    const manifests = globs.flatMap((glob) =>
      glob.endsWith("/*")
        ? readdirSync(new URL(glob.slice(0, -1), root), { withFileTypes: true })
            .filter(
              (entry) =>
                entry.isDirectory() && existsSync(new URL(`${glob.slice(0, -1)}${entry.name}/package.json`, root)),
            )
            .map((entry) => `${glob.slice(0, -1)}${entry.name}/package.json`)
        : [`${glob}/package.json`],
    );
    expect(manifests.length).toBeGreaterThanOrEqual(7);
    for (const manifest of manifests) {
      const copied = dockerfile.indexOf(`COPY ${manifest} `);
      expect(copied, manifest).toBeGreaterThan(0);
      expect(copied, manifest).toBeLessThan(install);
    }
  });

  it("le Dockerfile lance le serveur avec les mêmes options de node que `pnpm start`", () => {
    const start: string = JSON.parse(read("apps/server/package.json")).scripts.start;
    const cmd = /^CMD (\[.*\])$/m.exec(read("Dockerfile"))?.[1] ?? "[]";
    expect((JSON.parse(cmd) as string[]).join(" ")).toBe(start);
  });
});
