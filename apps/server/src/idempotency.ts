import { createHash } from "node:crypto";
import { DomainError, fieldError } from "@trame/core";
import { claimIdempotencyKey, releaseIdempotencyKey, storeIdempotentResult } from "@trame/db";
import type { Context } from "./context.ts";

type KeyedContext = Pick<Context, "db" | "viaHttp"> & { user: { id: string } };

type KeyedInput = { idempotencyKey?: string | undefined };

function requestHash(procedure: string, input: object): string {
  return createHash("sha256").update(procedure).update("\0").update(JSON.stringify(input)).digest("hex");
}

/**
 * A create or a payment made at most once per key (ADR 0008). The first request claims the key,
 * runs and stores its answer; a resend of the same key and input gets that answer back and writes
 * nothing; the same key with another input is a CONFLICT. A failed write releases the key, so the
 * resend can try again. Over HTTP the key is required (the web app makes one per submission);
 * direct callers (CLI, server tests) may omit it.
 */
export function keyed<C extends KeyedContext, I extends KeyedInput, R>(
  procedure: string,
  run: (ctx: C, input: Omit<I, "idempotencyKey">) => Promise<R>,
) {
  return async ({ ctx, input }: { ctx: C; input: I }): Promise<R> => {
    const { idempotencyKey: key, ...rest } = input;
    if (!key) {
      if (ctx.viaHttp) throw fieldError("idempotencyKey", "idempotency.keyRequired");
      return run(ctx, rest);
    }
    const hash = requestHash(procedure, rest);
    const userId = ctx.user.id;
    const claim = await claimIdempotencyKey(ctx.db, { userId, key, procedure, requestHash: hash });
    if (claim.kind === "stored") {
      if (claim.procedure !== procedure || claim.requestHash !== hash) {
        throw new DomainError("CONFLICT", "idempotency.reused");
      }
      if (!claim.finished) throw new DomainError("CONFLICT", "idempotency.inProgress");
      return claim.result as R;
    }
    let result: R;
    try {
      result = await run(ctx, rest);
    } catch (error) {
      await releaseIdempotencyKey(ctx.db, userId, key).catch(() => undefined);
      throw error;
    }
    // Stored as the client receives it (JSON), so a replay answers exactly the same.
    await storeIdempotentResult(ctx.db, userId, key, JSON.parse(JSON.stringify(result ?? null)));
    return result;
  };
}
