import type { Location } from "react-router";

export const SIGN_IN_PATH = "/connexion";
const RETURN_PARAM = "retour";
/** Accueil: my territories, my deadlines, my cooperations' news (issue 15: signing in lands there). */
const DEFAULT_RETURN = "/";

/** The sign-in address that brings the user back to `location` afterwards (kept in the URL so a reload keeps it). */
export function signInPathFor(location: Pick<Location, "pathname" | "search" | "hash">): string {
  const back = `${location.pathname}${location.search}${location.hash}`;
  if (back === DEFAULT_RETURN) return SIGN_IN_PATH;
  return `${SIGN_IN_PATH}?${new URLSearchParams({ [RETURN_PARAM]: back })}`;
}

/**
 * Where to go after sign-in. Only a path of this site is accepted: a crafted link such as
 * `/connexion?retour=https://evil.example` must not turn our sign-in page into a phishing relay.
 */
export function returnPathFrom(search: URLSearchParams): string {
  const back = search.get(RETURN_PARAM);
  if (!back?.startsWith("/") || back.startsWith("//") || back.startsWith("/\\")) return DEFAULT_RETURN;
  if (back === SIGN_IN_PATH || back.startsWith(`${SIGN_IN_PATH}?`)) return DEFAULT_RETURN;
  return back;
}
