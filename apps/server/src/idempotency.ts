import { createHash } from "node:crypto";
import { DomainError, fieldError } from "@trame/core";
import { claimIdempotencyKey, storeIdempotentResult, writeWithTimeline } from "@trame/db";
import type { Context } from "./context.ts";

type KeyedContext = Pick<Context, "db" | "viaHttp"> & { user: { id: string } };

type KeyedInput = { idempotencyKey?: string | undefined };

function requestHash(procedure: string, input: object): string {
  return createHash("sha256").update(procedure).update("\0").update(JSON.stringify(input)).digest("hex");
}

/**
 * A create or a payment made at most once per key (ADR 0008). The key is claimed, the write runs and
 * its answer is stored in ONE transaction (one commit, one WAL flush, where there were three): a
 * failed write rolls the claim back with it, so the resend can try again; a resend racing the first
 * waits on the key's row until the first commits, then gets its answer back and writes nothing; the
 * same key with another input is a CONFLICT. Over HTTP the key is required (the web app makes one per
 * submission); direct callers (CLI, server tests) may omit it.
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
    // The services join this transaction (auditedWrite); their timeline notifications go out after its commit.
    const outcome = await writeWithTimeline(ctx.db, async (trx) => {
      const claim = await claimIdempotencyKey(trx, { userId, key, procedure, requestHash: hash });
      if (claim.kind === "stored") return claim;
      const result = await run({ ...ctx, db: trx }, rest);
      // Stored as the client receives it (JSON), so a replay answers exactly the same.
      await storeIdempotentResult(trx, userId, key, JSON.parse(JSON.stringify(result ?? null)));
      return { kind: "written" as const, result };
    });
    if (outcome.kind === "written") return outcome.result;
    if (outcome.procedure !== procedure || outcome.requestHash !== hash) {
      throw new DomainError("CONFLICT", "idempotency.reused");
    }
    // Only a key claimed by the earlier three-step version and never answered (process killed) has no result.
    if (!outcome.finished) throw new DomainError("CONFLICT", "idempotency.inProgress");
    return outcome.result as R;
  };
}
