import type { Server } from "node:http";
import type { SmtpCatcher } from "@trame/test-support/smtp-catcher";
import Provider, { type Configuration } from "oidc-provider";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { launchBrowser, signIn } from "./support/browser.ts";
import { screenshot, seriousA11yViolations } from "./support/capture.ts";
import { type ServerWithMail, startServerWithMail } from "./support/mail-server.ts";
import { freePort, type RunningServer } from "./support/server.ts";

/**
 * ProConnect end to end: a real OpenID provider (`oidc-provider`) started here, with a confidential
 * client that must use PKCE and signed userinfo (as ProConnect), and a real Trame server configured
 * to use it. The provider's development login form accepts any login: the login names the account.
 */
const CLIENT = { id: "trame-e2e", secret: "un-secret-de-test-assez-long-pour-hs256-0123456789" };
/** Mérignac (SIREN 213 302 813) is a member commune of Bordeaux Métropole; 999… belongs to nobody. */
const AGENTS: Record<string, Record<string, unknown>> = {
  "agent-bordeaux": {
    email: "bordeaux@trame.demo",
    given_name: "Agent",
    usual_name: "Bordeaux",
    siret: "24330031600011",
  },
  "agente-merignac": {
    email: "agente.merignac@example.fr",
    given_name: "Agente",
    usual_name: "Mérignac",
    siret: "21330281300017",
  },
  // Invited by e-mail before having any account; an agent of another organisation than the territory.
  "agent-invite": {
    email: "agent.invite@example.fr",
    given_name: "Agent",
    usual_name: "Invité",
    siret: "99999999900029",
  },
  "agent-ailleurs": {
    email: "agent.ailleurs@example.fr",
    given_name: "Agent",
    usual_name: "Ailleurs",
    siret: "99999999900011",
  },
};

let browser: Browser;
let trame: RunningServer;
let providerServer: Server;
let issuer: string;
let mailed: ServerWithMail;
let smtp: SmtpCatcher;

beforeAll(async () => {
  const [providerPort, tramePort] = [await freePort(), await freePort()];
  issuer = `http://127.0.0.1:${providerPort}`;
  const trameUrl = `http://127.0.0.1:${tramePort}`;
  const configuration: Configuration = {
    clients: [
      {
        client_id: CLIENT.id,
        client_secret: CLIENT.secret,
        redirect_uris: [`${trameUrl}/auth/proconnect/callback`],
        post_logout_redirect_uris: [`${trameUrl}/connexion`],
        token_endpoint_auth_method: "client_secret_post",
        id_token_signed_response_alg: "RS256",
        userinfo_signed_response_alg: "RS256",
      },
    ],
    pkce: { required: () => true },
    scopes: ["openid", "email", "given_name", "usual_name", "siret"],
    claims: {
      openid: ["sub"],
      email: ["email", "email_verified"],
      given_name: ["given_name"],
      usual_name: ["usual_name"],
      siret: ["siret"],
    },
    acrValues: ["eidas1"],
    features: {
      devInteractions: { enabled: true },
      jwtUserinfo: { enabled: true },
      claimsParameter: { enabled: true },
      rpInitiatedLogout: { enabled: true },
    },
    findAccount: (_ctx, id) => {
      const claims = AGENTS[id];
      if (!claims) return undefined;
      return { accountId: id, claims: () => ({ sub: id, email_verified: true, ...claims }) };
    },
  };
  const provider = new Provider(issuer, configuration);
  providerServer = provider.listen(providerPort);
  // Invitations go by e-mail: to an SMTP server started here, so the test follows the link they carry.
  mailed = await startServerWithMail({
    port: tramePort,
    env: { PROCONNECT_ISSUER: issuer, PROCONNECT_CLIENT_ID: CLIENT.id, PROCONNECT_CLIENT_SECRET: CLIENT.secret },
  });
  ({ smtp, trame } = mailed);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await mailed?.stop();
  await new Promise((resolve) => (providerServer ? providerServer.close(resolve) : resolve(undefined)));
});

async function freshPage(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: trame.baseUrl, viewport: { width: 1280, height: 900 } });
  return { context, page: await context.newPage() };
}

/** From Trame's sign-in page through the provider's login and consent screens. */
async function proConnectAs(page: Page, login: string) {
  await page.goto("/connexion");
  await page.getByRole("link", { name: "S’identifier avec ProConnect" }).click();
  await page.waitForURL((url) => url.href.startsWith(issuer));
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("any password: the development form checks none");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
  await page.waitForURL((url) => url.href.startsWith(trame.baseUrl));
}

/** On a phone (390×844) nothing may stick out sideways. */
async function expectNoSidewaysScroll(page: Page) {
  const viewport = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  // After a frame, so the layout has followed the new width.
  const overflow = await page.evaluate(
    () =>
      new Promise<number>((resolve) =>
        requestAnimationFrame(() => resolve(document.documentElement.scrollWidth - window.innerWidth)),
      ),
  );
  // The elements sticking out, named in the failure message.
  // (a wide table inside its scrolling box is listed too, but does not widen the page)
  const culprits = await page.evaluate(() =>
    [...document.querySelectorAll("body *")]
      .filter((element) => element.getBoundingClientRect().right > window.innerWidth + 1)
      .slice(0, 5)
      .map((element) => `${element.tagName.toLowerCase()}.${element.className}`),
  );
  expect(overflow, culprits.join(", ")).toBeLessThanOrEqual(0);
  if (viewport) await page.setViewportSize(viewport);
}

describe("ProConnect", () => {
  test("un agent dont l'e-mail a un compte entre par ProConnect, et la déconnexion ferme aussi sa session ProConnect", async () => {
    const { context, page } = await freshPage();
    await page.goto("/connexion");
    await page.getByRole("link", { name: "Qu’est-ce que ProConnect ?" }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, "connexion-proconnect");
    await expectNoSidewaysScroll(page);

    await proConnectAs(page, "agent-bordeaux");
    await page.waitForURL((url) => url.pathname === "/");
    // Signed in as the demo account with that e-mail ("Compte : …" uses a narrow no-break space).
    await page.getByRole("link", { name: /Bordeaux Métropole \(démo\)/ }).waitFor();

    await page.getByRole("button", { name: "Se déconnecter" }).click();
    // ProConnect's end_session_endpoint, with the id_token_hint: the provider asks, then comes back.
    await page.waitForURL((url) => url.href.startsWith(`${issuer}/session/end`));
    await page.getByRole("button", { name: "Yes, sign me out" }).click();
    await page.waitForURL((url) => url.href.startsWith(trame.baseUrl) && url.pathname === "/connexion");
    await page.getByRole("heading", { level: 1, name: "Connexion" }).waitFor();
    // The provider session is over: ProConnect asks for a login again.
    await page.getByRole("link", { name: "S’identifier avec ProConnect" }).click();
    await page.locator('input[name="login"]').waitFor();
    await context.close();
  });

  test("un agent sans compte d'une commune membre demande l'accès ; l'administrateur du territoire l'accepte dans /admin", async () => {
    const agent = await freshPage();
    await proConnectAs(agent.page, "agente-merignac");
    await agent.page.waitForURL((url) => url.pathname === "/connexion/proconnect");
    await agent.page.getByRole("heading", { level: 1, name: "Demande d'accès" }).waitFor();
    await agent.page.getByText("Votre commune, Mérignac, est membre de Bordeaux Métropole").waitFor();
    expect(await seriousA11yViolations(agent.page)).toEqual([]);
    await expectNoSidewaysScroll(agent.page);
    await screenshot(agent.page, "proconnect-demande-acces");
    await agent.page.getByRole("button", { name: "Demander l'accès à Bordeaux Métropole" }).click();
    await agent.page.getByText("Votre demande a été transmise aux administrateurs de Bordeaux Métropole").waitFor();
    await agent.context.close();

    const admin = await freshPage();
    await admin.page.goto("/connexion");
    await signIn(admin.page, { email: "bordeaux@trame.demo", password: "trame-demo-2026" });
    await admin.page.waitForURL((url) => url.pathname !== "/connexion");
    await admin.page.goto("/admin");
    await admin.page.getByRole("heading", { level: 2, name: "Demandes d'accès (ProConnect)" }).waitFor();
    await admin.page.getByRole("row").filter({ hasText: "agente.merignac@example.fr" }).waitFor();
    expect(await seriousA11yViolations(admin.page)).toEqual([]);
    await expectNoSidewaysScroll(admin.page);
    await screenshot(admin.page, "admin-demandes-acces");
    await admin.page.getByRole("combobox", { name: "Rôle accordé à Agente Mérignac" }).selectOption("editor");
    await admin.page.getByRole("button", { name: "Accepter la demande de Agente Mérignac" }).click();
    await admin.page.getByText("Agente Mérignac a maintenant accès à Bordeaux Métropole.").waitFor();
    await admin.page
      .getByRole("row")
      .filter({ hasText: "agente.merignac@example.fr" })
      .filter({ hasText: "Éditeur" })
      .waitFor();
    await admin.context.close();

    const back = await freshPage();
    await proConnectAs(back.page, "agente-merignac");
    await back.page.waitForURL((url) => url.pathname === "/");
    await back.page.getByRole("link", { name: /Agente Mérignac$/ }).waitFor();
    await back.context.close();
  });

  test("un agent invité par e-mail accepte l'invitation avec ProConnect et arrive sur son territoire, sans mot de passe", async () => {
    const admin = await freshPage();
    await admin.page.goto("/connexion");
    await signIn(admin.page, { email: "bordeaux@trame.demo", password: "trame-demo-2026" });
    await admin.page.waitForURL((url) => url.pathname !== "/connexion");
    const me = (await admin.page.request.get("/trpc/auth.me").then((r) => r.json())) as {
      result: { data: { memberships: Array<{ territoryId: string }> } };
    };
    const territoryId = me.result.data.memberships[0]?.territoryId;
    const invited = await admin.page.request.post("/trpc/invitation.invite", {
      data: { territoryId, email: "agent.invite@example.fr", role: "editor" },
    });
    expect(invited.ok()).toBe(true);
    await admin.context.close();

    // The link of the message the invitee received.
    const mail = await smtp.waitFor("agent.invite@example.fr");
    const link = new RegExp(`(${trame.baseUrl}/invitation#[\\w-]+)`).exec(mail.parsed.text ?? "")?.[1];
    expect(link, mail.parsed.text).toBeTruthy();

    const agent = await freshPage();
    await agent.page.goto(link ?? "");
    await agent.page.getByRole("heading", { level: 1, name: "Invitation sur Trame" }).waitFor();
    await agent.page.getByText("agent.invite@example.fr", { exact: false }).first().waitFor();
    expect(await seriousA11yViolations(agent.page)).toEqual([]);
    await expectNoSidewaysScroll(agent.page);
    await screenshot(agent.page, "invitation-proconnect");
    // The button of the invitation page, through the provider's login: ProConnect verified the invited address.
    await agent.page.getByRole("link", { name: "S’identifier avec ProConnect" }).click();
    await agent.page.waitForURL((url) => url.href.startsWith(issuer));
    await agent.page.locator('input[name="login"]').fill("agent-invite");
    await agent.page.locator('input[name="password"]').fill("any password");
    await agent.page.getByRole("button", { name: "Sign-in" }).click();
    await agent.page.getByRole("button", { name: "Continue" }).click();
    await agent.page.waitForURL((url) => url.pathname === `/territoires/${territoryId}`);
    await agent.page.getByRole("heading", { level: 1, name: "Bordeaux Métropole" }).waitFor();
    const account = (await agent.page.request.get("/trpc/auth.me").then((r) => r.json())) as {
      result: { data: { email: string; memberships: Array<{ territoryId: string; role: string }> } };
    };
    expect(account.result.data.email).toBe("agent.invite@example.fr");
    expect(account.result.data.memberships).toEqual([expect.objectContaining({ territoryId, role: "editor" })]);
    await agent.context.close();

    // The invitation served once: its link now says so.
    const again = await freshPage();
    await again.page.goto(link ?? "");
    await again.page.getByText(/Ce lien d'invitation a déjà servi/).waitFor();
    await again.context.close();
  });

  test("une réponse de ProConnect rejouée, ou plantée dans un autre navigateur (login CSRF), ne connecte personne", async () => {
    const agent = await freshPage();
    let callback = "";
    agent.page.on("request", (request) => {
      if (request.url().includes("/auth/proconnect/callback")) callback = request.url();
    });
    await proConnectAs(agent.page, "agent-bordeaux");
    await agent.page.waitForURL((url) => url.pathname === "/");
    expect(callback).toContain("code=");
    await agent.context.close();

    // The same answer replayed from another browser (a stolen URL): no flow of its own, nobody signed in.
    const thief = await freshPage();
    await thief.page.goto(callback);
    await thief.page.waitForURL(
      (url) => url.pathname === "/connexion" && url.searchParams.get("proconnect") === "expire",
    );
    await thief.page.getByText("Votre connexion avec ProConnect a expiré. Recommencez.").waitFor();
    expect(await thief.page.getByRole("button", { name: "Se déconnecter" }).count()).toBe(0);

    // Login CSRF: a fresh, never redeemed code from someone else's sign-in, planted in a browser that
    // has a flow of its own. Its state (and PKCE verifier) are not this flow's: refused, nobody signed in.
    const other = await freshPage();
    let planted = "";
    other.page.on("request", (request) => {
      if (request.url().includes("/auth/proconnect/callback")) planted = request.url();
    });
    await other.page.goto("/connexion");
    await other.page.getByRole("link", { name: "S’identifier avec ProConnect" }).click();
    await other.page.waitForURL((url) => url.href.startsWith(issuer));
    // Without its flow cookie, that browser's own callback stops before redeeming the code.
    await other.context.clearCookies({ name: "trame_proconnect" });
    await other.page.locator('input[name="login"]').fill("agent-bordeaux");
    await other.page.locator('input[name="password"]').fill("any password");
    await other.page.getByRole("button", { name: "Sign-in" }).click();
    await other.page.getByRole("button", { name: "Continue" }).click();
    await other.page.waitForURL((url) => url.searchParams.get("proconnect") === "expire");
    expect(planted).toContain("code=");
    await other.context.close();

    await thief.page.getByRole("link", { name: "S’identifier avec ProConnect" }).click();
    await thief.page.waitForURL((url) => url.href.startsWith(issuer));
    await thief.page.goto(planted);
    await thief.page.waitForURL(
      (url) => url.pathname === "/connexion" && url.searchParams.get("proconnect") === "erreur",
    );
    await thief.page.getByText("La connexion avec ProConnect n'a pas abouti.", { exact: false }).waitFor();
    expect(await thief.page.getByRole("button", { name: "Se déconnecter" }).count()).toBe(0);
    await thief.context.close();
  });

  test("un agent dont l'organisation n'est rattachée à aucun territoire l'apprend clairement", async () => {
    const { context, page } = await freshPage();
    await proConnectAs(page, "agent-ailleurs");
    await page.waitForURL((url) => url.pathname === "/connexion/proconnect");
    await page.getByText("Aucun territoire de Trame ne correspond à votre organisation").waitFor();
    expect(await page.getByRole("button", { name: /Demander l'accès/ }).count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await context.close();
  });
});
