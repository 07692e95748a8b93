import { queryClient, trpc } from "./trpc.ts";
import { trameErrorOf } from "./trpc-error.ts";

/**
 * Unsaved form input kept in sessionStorage (this tab only, gone when it closes), so a session that
 * expires mid-edit costs a sign-in, not the text typed. Keys carry the user id: whoever signs in
 * next at the same desk never sees someone else's draft.
 */
const PREFIX = "trame.draft.";

export function draftKey(userId: string, ...parts: string[]): string {
  return `${PREFIX}${userId}.${parts.join(".")}`;
}

export function readDraft(key: string): unknown {
  try {
    const raw = sessionStorage.getItem(key);
    return raw === null ? null : JSON.parse(raw);
  } catch {
    // Blocked storage or a corrupted entry: start from the stored entity as if there were no draft.
    return null;
  }
}

export function writeDraft(key: string, value: unknown): void {
  try {
    sessionStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or blocked: the draft then lasts as long as the page, which is what it did before.
  }
}

export function clearDraft(key: string): void {
  try {
    sessionStorage.removeItem(key);
  } catch {
    // See writeDraft.
  }
}

/**
 * A write refused because the session expired: forget the user, so the route guard sends them to
 * sign-in and back to this page afterwards (where the draft is restored). Queries do the same in
 * lib/trpc.ts; mutations pass through here. True when that was the error.
 */
export function handleExpiredSession(error: unknown): boolean {
  return forgetExpiredSession(trameErrorOf(error)?.code);
}

/** The same, for the plain HTTP routes (documents), which answer with the same error codes. */
export function forgetExpiredSession(code: string | undefined): boolean {
  if (code !== "UNAUTHORIZED") return false;
  queryClient.setQueryData(trpc.auth.me.queryKey(), null);
  return true;
}

/** Same top-level keys, and each value of the same kind (null standing for any): our own data, checked anyway. */
export function hasShapeOf<T extends object>(value: unknown, template: T): value is T {
  if (typeof value !== "object" || value === null) return false;
  const record = value as Record<string, unknown>;
  return Object.entries(template).every(([key, expected]) => {
    const actual = record[key];
    if (actual === null || expected === null) return key in record;
    if (Array.isArray(expected)) return Array.isArray(actual);
    return typeof actual === typeof expected;
  });
}
