import type { Browser, BrowserContext, Page } from "playwright-core";
import { newPage, signIn } from "./browser.ts";

export const DEMO_PASSWORD = "trame-demo-2026";
/** Editor of Montpellier Méditerranée Métropole (lead of the A750 project). */
export const MONTPELLIER = { email: "montpellier@trame.demo", password: DEMO_PASSWORD } as const;
/** Editor of CC Vallée de l'Hérault (co-owner of the A750 project). */
export const VALLEE_HERAULT = { email: "vallee-herault@trame.demo", password: DEMO_PASSWORD } as const;

/** A fresh context signed in as `credentials`, left wherever sign-in leads. */
export async function signedInAs(
  browser: Browser,
  credentials: { email: string; password: string },
): Promise<{ context: BrowserContext; page: Page }> {
  const opened = await newPage(browser);
  await opened.page.goto("/connexion");
  await signIn(opened.page, credentials);
  await opened.page.waitForURL((url) => url.pathname !== "/connexion");
  return opened;
}

/** A tRPC query as the page's user (same cookies), for finding demo ids and checking what the server holds. */
export async function trpcQuery<T>(page: Page, path: string, input: unknown): Promise<T> {
  const response = await page.request.get(`/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`);
  if (!response.ok()) throw new Error(`${path} answered ${response.status()}: ${await response.text()}`);
  const body = (await response.json()) as { result: { data: T } };
  return body.result.data;
}

export async function trpcMutation<T>(page: Page, path: string, input: unknown): Promise<T> {
  const response = await page.request.post(`/trpc/${path}`, { data: input });
  if (!response.ok()) throw new Error(`${path} answered ${response.status()}: ${await response.text()}`);
  const body = (await response.json()) as { result: { data: T } };
  return body.result.data;
}

export interface ProjectRef {
  id: string;
  title: string;
  version: number;
  cooperation: { id: string; name: string };
  summary: string;
  partners: Array<{ territory: { id: string; name: string }; role: string }>;
}

/** A demo project by its exact title. */
export async function findProject(page: Page, title: string): Promise<ProjectRef> {
  const list = await trpcQuery<{ items: Array<{ id: string; title: string }> }>(page, "project.list", {
    query: title.slice(0, 40),
  });
  const found = list.items.find((item) => item.title === title);
  if (!found) throw new Error(`demo project not found: ${title}`);
  return trpcQuery<ProjectRef>(page, "project.get", { id: found.id });
}

/** What the user sees (a modal covers the viewport only, so a full-page capture would misplace it). */
export async function viewportScreenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: new URL(`../screenshots/${name}.png`, import.meta.url).pathname });
}
