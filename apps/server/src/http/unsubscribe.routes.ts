import { type Locale, mailCategoryLabels } from "@trame/core";
import { type Database, type Kysely, setMailPreference } from "@trame/db";
import type { FastifyInstance, FastifyReply } from "fastify";
import {
  UNSUBSCRIBE_PATH,
  type UnsubscribeRequest,
  unsubscribeSecret,
  verifyUnsubscribe,
} from "../mail/unsubscribe.ts";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

/** A small page of its own (no script, no style attribute: the CSP allows neither inline). */
function page(locale: Locale, title: string, body: string): string {
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(title)}</title></head><body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`;
}

function send(reply: FastifyReply, status: number, html: string): FastifyReply {
  return (
    reply
      .code(status)
      .header("content-type", "text/html; charset=utf-8")
      .header("cache-control", "no-store")
      // The link's signature must not leave in a Referer to another site; but with "no-referrer" the
      // browser posts the confirmation with `Origin: null`, which the CSRF guard refuses (403): the
      // button did nothing in a real browser (e2e/unsubscribe.e2e.test.ts). "same-origin" does both.
      .header("referrer-policy", "same-origin")
      .send(html)
  );
}

const INVALID = page(
  "fr",
  "Lien de désinscription invalide / Invalid unsubscribe link",
  "<p>Ce lien est incomplet ou a été modifié. Réglez vos courriels depuis la page « Mon compte » de Trame.</p>" +
    '<p lang="en">This link is incomplete or was altered. Set your e-mails from the “My account” page of Trame.</p>',
);

async function localeOf(db: Kysely<Database>, userId: string): Promise<Locale | null> {
  const row = await db
    .selectFrom("users")
    .select("locale")
    .where("id", "=", userId)
    .where("disabled_at", "is", null)
    .executeTakeFirst();
  return row?.locale ?? null;
}

/**
 * One-click unsubscribe (RFC 8058), without signing in. GET (a person following the link) only shows
 * what will be turned off with a button, since mail scanners open links on their own; POST (that
 * button, or the mail client's own `List-Unsubscribe=One-Click`, sent with no Origin) sets the
 * category to "never". The link's signature is the only credential: it names one person and one
 * category. Idempotent: a second click changes nothing.
 */
export function registerUnsubscribeRoutes(app: FastifyInstance, db: Kysely<Database>): void {
  const secret = unsubscribeSecret(db);

  const resolve = async (query: unknown): Promise<{ request: UnsubscribeRequest; locale: Locale } | null> => {
    const request = verifyUnsubscribe(await secret(), query);
    if (!request) return null;
    const locale = await localeOf(db, request.userId);
    return locale ? { request, locale } : null;
  };

  app.register(async (scope) => {
    // Mail clients post `List-Unsubscribe=One-Click` as a form (urlencoded or multipart): the body says nothing more.
    scope.addContentTypeParser("*", { parseAs: "string", bodyLimit: 4096 }, (_request, _body, done) =>
      done(null, null),
    );

    scope.get(UNSUBSCRIBE_PATH, async (request, reply) => {
      const found = await resolve(request.query);
      if (!found) return send(reply, 400, INVALID);
      const { locale } = found;
      const label = mailCategoryLabels[found.request.category][locale];
      const action = escapeHtml(request.url);
      const html =
        locale === "fr"
          ? page(
              "fr",
              "Se désinscrire",
              `<p>Ne plus recevoir de courriel pour : <strong>${escapeHtml(label)}</strong>.</p>` +
                `<form method="post" action="${action}"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">Me désinscrire</button></form>` +
                "<p>Vous pourrez changer d'avis depuis la page « Mon compte ».</p>",
            )
          : page(
              "en",
              "Unsubscribe",
              `<p>Stop e-mails for: <strong>${escapeHtml(label)}</strong>.</p>` +
                `<form method="post" action="${action}"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">Unsubscribe me</button></form>` +
                "<p>You can change your mind on the “My account” page.</p>",
            );
      return send(reply, 200, html);
    });

    scope.post(UNSUBSCRIBE_PATH, async (request, reply) => {
      const found = await resolve(request.query);
      if (!found) return send(reply, 400, INVALID);
      const { locale, request: unsubscribe } = found;
      await setMailPreference(db, unsubscribe.userId, unsubscribe.category, "never");
      request.log.info({ userId: unsubscribe.userId, category: unsubscribe.category }, "unsubscribed by link");
      const label = escapeHtml(mailCategoryLabels[unsubscribe.category][locale]);
      return send(
        reply,
        200,
        locale === "fr"
          ? page(
              "fr",
              "Désinscription faite",
              `<p>Vous ne recevrez plus de courriel pour : <strong>${label}</strong>.</p>`,
            )
          : page("en", "Unsubscribed", `<p>You will no longer receive e-mails for: <strong>${label}</strong>.</p>`),
      );
    });
  });
}
