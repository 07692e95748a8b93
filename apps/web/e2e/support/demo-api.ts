import { randomUUID } from "node:crypto";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { inject } from "vitest";
import { DEMO_ADMIN, newPage, signInFrom } from "./browser.ts";

/** The phone the issue was measured on (iPhone 12-14 class): 390 × 844 CSS pixels. */
export const PHONE = { width: 390, height: 844 } as const;

/** A fresh context signed in as `credentials`, left wherever sign-in leads. */
export async function signedInAs(
  browser: Browser,
  credentials: { email: string; password: string },
): Promise<{ context: BrowserContext; page: Page }> {
  const opened = await newPage(browser);
  await signInFrom(opened.page, credentials);
  return opened;
}

/** The same on a phone's touch screen; `userAgent`: a given phone's. */
export async function signedInOnPhone(
  browser: Browser,
  credentials: { email: string; password: string },
  options: { userAgent?: string } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL: inject("baseUrl"),
    viewport: PHONE,
    isMobile: true,
    hasTouch: true,
    ...options,
  });
  const page = await context.newPage();
  await signInFrom(page, credentials);
  return { context, page };
}

export interface Person {
  id: string;
  name: string;
  email: string;
  password: string;
}

/**
 * A fresh account, editor of CC du Kochersberg, made through the API by the instance administrator: for the
 * tests that change an account's password, language, sessions or e-mail choices, which no shared demo account
 * may have changed.
 */
export async function freshKochersbergEditor(
  browser: Browser,
  label: string,
  options: { requirePasswordChange?: boolean } = {},
): Promise<Person> {
  const { context, page } = await signedInAs(browser, DEMO_ADMIN);
  const stamp = `${Date.now()}-${Math.random().toString(36).slice(2, 7)}`;
  const input = {
    name: `Compte e2e ${label} ${stamp}`,
    email: `e2e-${label}-${stamp}@example.fr`,
    password: "mot-de-passe-initial-2026",
  };
  const created = await trpcMutation<{ id: string }>(page, "admin.createUser", input);
  const found = await trpcQuery<{ items: Array<{ id: string; name: string }> }>(page, "territory.search", {
    query: "Kochersberg",
  });
  const territory = found.items.find((item) => item.name === "CC du Kochersberg");
  if (!territory) throw new Error("demo territory CC du Kochersberg not found");
  await trpcMutation(page, "admin.setMembership", { userId: created.id, territoryId: territory.id, role: "editor" });
  if (options.requirePasswordChange) await trpcMutation(page, "admin.requirePasswordChange", { userId: created.id });
  await context.close();
  return { id: created.id, ...input };
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

/** A meeting logged today (in France) on the project through the API, as a colleague would. */
export function logMeeting(page: Page, projectId: string, title: string): Promise<unknown> {
  return trpcMutation(page, "action.create", {
    projectId,
    occurredOn: new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" }).format(new Date()),
    kind: "meeting",
    title,
    idempotencyKey: randomUUID(),
  });
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
