import { idSchema } from "../schemas/common.ts";

/**
 * Every address of the web app, one list for both sides: apps/web's router declares exactly these
 * (apps/server/test/web-app.db.test.ts compares them with router.tsx), and the server answers an
 * address none of them matches with a real 404, so a crawler, a link checker or a monitoring probe
 * sees a dead link as dead while the browser still shows the app's not-found page.
 * `:id` is a stored id (a uuid), checked here so that `/projets/n-importe-quoi` is a 404 as well.
 */
export const WEB_ROUTE_PATTERNS = [
  "/",
  "/connexion",
  "/connexion/proconnect",
  "/invitation",
  "/mot-de-passe-oublie",
  "/nouveau-mot-de-passe",
  "/territoires",
  "/territoires/:id",
  "/territoires/:id/sante",
  "/cooperations/:id",
  "/cooperations/:id/sante",
  "/projets/:id",
  "/financements",
  "/carte",
  "/import",
  "/notifications",
  "/compte",
  "/admin",
  "/admin/territoires",
  "/admin/courriels",
] as const;
export type WebRoutePattern = (typeof WEB_ROUTE_PATTERNS)[number];

function segmentsOf(path: string): string[] | null {
  try {
    return path
      .split("/")
      .filter(Boolean)
      .map((segment) => decodeURIComponent(segment));
  } catch {
    // A malformed escape (`/%E0`) names no page.
    return null;
  }
}

function matches(pattern: WebRoutePattern, segments: readonly string[]): boolean {
  const parts = pattern.split("/").filter(Boolean);
  if (segments.length !== parts.length) return false;
  return parts.every((part, index) => {
    const segment = segments[index] ?? "";
    if (part.startsWith(":")) return idSchema.safeParse(segment).success;
    // React Router matches without regard to case: so does the server, or a link would be 200 in one and 404 in the other.
    return part.toLowerCase() === segment.toLowerCase();
  });
}

/** The pattern an address (path only, query string ignored) shows, or null when the app has no such page. */
export function matchWebRoute(url: string): WebRoutePattern | null {
  const path = url.split(/[?#]/, 1)[0] ?? "";
  const segments = segmentsOf(path);
  if (!segments) return null;
  return WEB_ROUTE_PATTERNS.find((pattern) => matches(pattern, segments)) ?? null;
}
