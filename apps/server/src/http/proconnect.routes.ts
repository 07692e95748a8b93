import {
  type Database,
  deleteProConnectFlow,
  deleteStaleProConnectFlows,
  findProConnectFlow,
  insertAccessRequest,
  insertProConnectFlow,
  type Kysely,
  type ProConnectIdentity,
  setProConnectFlowIdentity,
  setSessionLogoutUrl,
} from "@trame/db";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type * as Oidc from "openid-client";
import { startSession } from "../auth/login.service.ts";
import { loadOidc, PROCONNECT_SCOPES, type ProConnectClient } from "../auth/proconnect-client.ts";
import { matchAgent } from "../auth/proconnect-match.ts";
import type { SessionPolicy } from "../auth/session-policy.ts";
import { hashSessionToken, newSessionToken } from "../auth/session-token.ts";
import { type NotificationJobs, queueNotification } from "../jobs/notification-fanout.job.ts";
import { acceptInvitationsWithProConnect } from "../services/invitation.service.ts";
import { sessionCookieFor } from "./session-cookie.ts";

/** Names the sign-in attempt; its state, nonce and PKCE verifier stay in the database (ADR 0012). */
const FLOW_COOKIE = "trame_proconnect";
const FLOW_COOKIE_SECONDS = 15 * 60;

function originOf(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

function flowCookieOptions(request: FastifyRequest) {
  // Lax: the provider brings the browser back with a top-level GET, which carries Lax cookies.
  return { path: "/", httpOnly: true, sameSite: "lax" as const, secure: request.protocol === "https" };
}

function flowHashOf(request: FastifyRequest): string | null {
  const value = request.cookies[FLOW_COOKIE];
  return value ? hashSessionToken(value) : null;
}

function identityFrom(userinfo: Oidc.UserInfoResponse, logoutUrl: string | null): ProConnectIdentity | null {
  const text = (value: unknown) => (typeof value === "string" ? value.trim() : "");
  const identity = {
    sub: userinfo.sub,
    email: text(userinfo.email).toLowerCase(),
    givenName: text(userinfo.given_name),
    usualName: text(userinfo.usual_name),
    siret: text(userinfo.siret).replace(/\s/g, ""),
    logoutUrl,
  };
  // An identity provider that says the address is unverified is not trusted with an account.
  if (!identity.email || userinfo.email_verified === false) return null;
  return identity;
}

/**
 * ProConnect sign-in (OpenID Connect authorization code flow with PKCE, state and nonce), off unless
 * configured. `/auth/proconnect/status` tells the web app whether to show the button.
 */
export function registerProConnectRoutes(
  app: FastifyInstance,
  db: Kysely<Database>,
  client: ProConnectClient | null,
  sessionPolicy?: SessionPolicy,
  notifications?: NotificationJobs,
) {
  app.get("/auth/proconnect/status", async (_request, reply) =>
    reply.header("cache-control", "no-store").send({ enabled: client !== null }),
  );
  if (!client) return;

  app.get("/auth/proconnect/login", async (request, reply) => {
    const oidc = await loadOidc();
    let config: Oidc.Configuration;
    try {
      config = await client.configuration();
    } catch (error) {
      request.log.error({ err: error }, "ProConnect discovery failed");
      return reply.redirect("/connexion?proconnect=indisponible");
    }
    await deleteStaleProConnectFlows(db);
    const flowId = newSessionToken();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const codeVerifier = oidc.randomPKCECodeVerifier();
    await insertProConnectFlow(db, { idHash: hashSessionToken(flowId), state, nonce, codeVerifier });
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: `${originOf(request)}/auth/proconnect/callback`,
      scope: PROCONNECT_SCOPES,
      state,
      nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: "S256",
      // ProConnect's documented defaults: the eIDAS 1 level, and the authentication methods reported.
      acr_values: "eidas1",
      claims: JSON.stringify({ id_token: { amr: { essential: true } } }),
    });
    reply.setCookie(FLOW_COOKIE, flowId, { ...flowCookieOptions(request), maxAge: FLOW_COOKIE_SECONDS });
    return reply.redirect(url.href);
  });

  app.get("/auth/proconnect/callback", async (request, reply) => {
    const flowHash = flowHashOf(request);
    const flow = flowHash ? await findProConnectFlow(db, flowHash) : undefined;
    if (!flowHash || !flow) return reply.redirect("/connexion?proconnect=expire");
    // One use only: a replayed callback finds nothing.
    await deleteProConnectFlow(db, flowHash);
    let identity: ProConnectIdentity | null;
    try {
      const oidc = await loadOidc();
      const config = await client.configuration();
      const origin = originOf(request);
      const query = request.url.includes("?") ? request.url.slice(request.url.indexOf("?")) : "";
      const tokens = await oidc.authorizationCodeGrant(config, new URL(`${origin}/auth/proconnect/callback${query}`), {
        pkceCodeVerifier: flow.code_verifier,
        expectedState: flow.state,
        expectedNonce: flow.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims();
      if (!claims) throw new Error("no ID token");
      const userinfo = await oidc.fetchUserInfo(config, tokens.access_token, claims.sub);
      const logoutUrl =
        config.serverMetadata().end_session_endpoint && tokens.id_token
          ? oidc.buildEndSessionUrl(config, {
              id_token_hint: tokens.id_token,
              post_logout_redirect_uri: `${origin}/connexion`,
              state: oidc.randomState(),
            }).href
          : null;
      identity = identityFrom(userinfo, logoutUrl);
    } catch (error) {
      request.log.warn({ err: error }, "ProConnect callback refused");
      return clearFlow(request, reply).redirect("/connexion?proconnect=erreur");
    }
    if (!identity) return clearFlow(request, reply).redirect("/connexion?proconnect=erreur");

    const signIn = async (userId: string, landing: string) => {
      const session = await startSession(db, userId, {
        ...(sessionPolicy ? { policy: sessionPolicy } : {}),
        userAgent: request.headers["user-agent"] ?? null,
      });
      if (identity.logoutUrl) await setSessionLogoutUrl(db, hashSessionToken(session.token), identity.logoutUrl);
      sessionCookieFor(request, reply).set(session.token, session.expires);
      return clearFlow(request, reply).redirect(landing);
    };
    const match = await matchAgent(db, identity);
    if (match.kind === "account") return signIn(match.userId, "/");
    // An invitee with no account yet: ProConnect verified the invited address, so the invitation is accepted.
    const invited = await acceptInvitationsWithProConnect(db, identity);
    if (invited) return signIn(invited.userId, `/territoires/${invited.territoryId}`);
    // No account: the verified identity waits on a fresh flow row for the access request page.
    await insertProConnectFlow(db, { idHash: flowHash, state: "", nonce: "", codeVerifier: "" });
    await setProConnectFlowIdentity(db, flowHash, identity);
    return reply.redirect("/connexion/proconnect");
  });

  /** What the access request page shows: who ProConnect says the agent is, and whom they may ask. */
  app.get("/auth/proconnect/pending", async (request, reply) => {
    reply.header("cache-control", "no-store");
    const pending = await pendingAgent(db, request);
    if (!pending) return reply.code(404).send({ pending: null });
    const { identity, match } = pending;
    return reply.send({
      pending: {
        email: identity.email,
        name: `${identity.givenName} ${identity.usualName}`.trim(),
        siret: identity.siret,
        territory: match.kind === "territory" ? match.territory : null,
        // Accepted meanwhile (or an account made for this address): signing in again is enough.
        hasAccount: match.kind === "account",
      },
    });
  });

  /** Files the access request (once: a resent one finds the pending request and writes nothing). */
  app.post("/auth/proconnect/access-request", async (request, reply) => {
    reply.header("cache-control", "no-store");
    const pending = await pendingAgent(db, request);
    if (!pending) return reply.code(404).send({ pending: null });
    const { identity, match } = pending;
    if (match.kind !== "territory") return reply.code(409).send({ territory: null });
    const filed = await insertAccessRequest(db, {
      territoryId: match.territory.id,
      email: identity.email,
      name: `${identity.givenName} ${identity.usualName}`.trim() || identity.email,
      siret: identity.siret,
    });
    // Right after the commit (one statement, no transaction of ours): the territory's admins are told by the job.
    if (filed.created) {
      await queueNotification(db, notifications, null, {
        kind: "access_request",
        territoryId: match.territory.id,
        territoryName: match.territory.name,
        requesterName: `${identity.givenName} ${identity.usualName}`.trim() || identity.email,
      });
    }
    return reply.send({ territory: match.territory, created: filed.created });
  });
}

async function pendingAgent(db: Kysely<Database>, request: FastifyRequest) {
  const flowHash = flowHashOf(request);
  const flow = flowHash ? await findProConnectFlow(db, flowHash) : undefined;
  if (!flow?.identity) return null;
  return { identity: flow.identity, match: await matchAgent(db, flow.identity) };
}

function clearFlow(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return reply.clearCookie(FLOW_COOKIE, flowCookieOptions(request));
}
