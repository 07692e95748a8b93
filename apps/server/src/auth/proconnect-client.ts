import type * as Oidc from "openid-client";
import type { Env } from "../env.ts";

export interface ProConnectSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
}

/** openid-client, loaded with the first ProConnect sign-in rather than at start (issue 14's memory budget). */
export const loadOidc = () => import("openid-client");

/** ProConnect's identity pivot: e-mail, names and the SIRET of the agent's organisation. */
export const PROCONNECT_SCOPES = "openid email given_name usual_name siret";

export function proConnectSettings(env: Env): ProConnectSettings | null {
  if (!env.PROCONNECT_ISSUER || !env.PROCONNECT_CLIENT_ID || !env.PROCONNECT_CLIENT_SECRET) return null;
  return {
    issuer: env.PROCONNECT_ISSUER,
    clientId: env.PROCONNECT_CLIENT_ID,
    clientSecret: env.PROCONNECT_CLIENT_SECRET,
  };
}

/** Plain HTTP only for a provider on this machine (development and the end-to-end tests). */
function isLocal(issuer: URL): boolean {
  return ["localhost", "127.0.0.1", "[::1]"].includes(issuer.hostname);
}

/**
 * The provider's configuration, discovered on first use rather than at start: the server starts
 * even when ProConnect is unreachable, and a failed discovery is tried again on the next sign-in.
 */
export class ProConnectClient {
  #configuration: Promise<Oidc.Configuration> | null = null;
  constructor(readonly settings: ProConnectSettings) {}

  configuration(): Promise<Oidc.Configuration> {
    if (!this.#configuration) {
      const issuer = new URL(this.settings.issuer);
      this.#configuration = loadOidc()
        .then((oidc) =>
          oidc.discovery(
            issuer,
            this.settings.clientId,
            // ProConnect signs the ID token and the userinfo answer (RS256).
            { id_token_signed_response_alg: "RS256", userinfo_signed_response_alg: "RS256" },
            oidc.ClientSecretPost(this.settings.clientSecret),
            isLocal(issuer) && issuer.protocol === "http:" ? { execute: [oidc.allowInsecureRequests] } : undefined,
          ),
        )
        .catch((error: unknown) => {
          this.#configuration = null;
          throw error;
        });
    }
    return this.#configuration;
  }
}
