import { createHmac, timingSafeEqual } from "node:crypto";
import { idSchema, type MailCategory, mailCategorySchema } from "@trame/core";
import { type Database, type Kysely, readInstanceSecret } from "@trame/db";
import { z } from "zod";

/** Where a one-click unsubscribe lands: under /api, so it is never cached and never the web app's 404. */
export const UNSUBSCRIBE_PATH = "/api/desabonnement";

export interface UnsubscribeRequest {
  userId: string;
  category: MailCategory;
}

const querySchema = z.object({
  u: idSchema,
  c: mailCategorySchema,
  s: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
});

function signature(secret: string, request: UnsubscribeRequest): string {
  return createHmac("sha256", secret).update(`unsubscribe:${request.userId}:${request.category}`).digest("base64url");
}

/**
 * A link that turns one category off for one person, without signing in: it names them and the
 * category, signed with the instance's key (HMAC-SHA256), so nobody can forge one for someone else
 * or for another category. It does not expire: an old message's link must still work (RFC 8058).
 */
export function unsubscribeUrl(publicUrl: string, secret: string, request: UnsubscribeRequest): string {
  const query = new URLSearchParams({ u: request.userId, c: request.category, s: signature(secret, request) });
  return `${publicUrl}${UNSUBSCRIBE_PATH}?${query.toString()}`;
}

/** The request a link carries, or null when it is malformed or its signature is wrong. */
export function verifyUnsubscribe(secret: string, query: unknown): UnsubscribeRequest | null {
  const parsed = querySchema.safeParse(query);
  if (!parsed.success) return null;
  const request = { userId: parsed.data.u, category: parsed.data.c };
  const expected = Buffer.from(signature(secret, request));
  const given = Buffer.from(parsed.data.s);
  return expected.length === given.length && timingSafeEqual(expected, given) ? request : null;
}

/** RFC 8058: the mail client posts `List-Unsubscribe=One-Click` to the https link, with no user action beyond the click. */
export function unsubscribeHeaders(url: string): Record<string, string> {
  return { "List-Unsubscribe": `<${url}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" };
}

/** The key, read once per process (it never changes once the migration drew it). */
export function unsubscribeSecret(db: Kysely<Database>): () => Promise<string> {
  let secret: Promise<string> | null = null;
  return () => {
    secret ??= readInstanceSecret(db, "unsubscribe").catch((error: unknown) => {
      secret = null;
      throw error;
    });
    return secret;
  };
}
