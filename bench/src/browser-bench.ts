import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type Browser, chromium } from "playwright-core";
import { ROOT, startWebServer } from "./server-child.ts";

/** Editor of Bordeaux Métropole in the demo: who the browser benchmarks sign in as. */
const BORDEAUX = { email: "bordeaux@trame.demo", password: "trame-demo-2026" };

export interface SignedInBrowser {
  browser: Browser;
  baseUrl: string;
  /** The signed-in session as Playwright stores it: each measured context starts from it. */
  storageState: string;
}

/**
 * Runs a browser benchmark against the production build of the server and web app on a fresh
 * embedded database with the demo, in Debian's Chromium, signed in once through the sign-in page;
 * the browser and the server are stopped whatever happens.
 */
export async function withSignedInBrowser(measure: (session: SignedInBrowser) => Promise<void>): Promise<void> {
  const server = await startWebServer();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
  try {
    const signIn = await browser.newContext({ baseURL: server.baseUrl });
    const page = await signIn.newPage();
    await page.goto("/connexion");
    await page.getByLabel("Adresse e-mail").fill(BORDEAUX.email);
    await page.getByLabel("Mot de passe").fill(BORDEAUX.password);
    await page.getByRole("button", { name: "Se connecter" }).click();
    await page.waitForURL((url) => url.pathname !== "/connexion");
    const storageState = JSON.stringify(await signIn.storageState());
    await signIn.close();
    await measure({ browser, baseUrl: server.baseUrl, storageState });
  } finally {
    await browser.close();
    await server.stop();
  }
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** `bench/results/<name>.json`, the figures of the last run. */
export function writeResult(name: string, report: unknown): void {
  mkdirSync(join(ROOT, "bench/results"), { recursive: true });
  writeFileSync(join(ROOT, `bench/results/${name}.json`), `${JSON.stringify(report, null, 2)}\n`);
}
