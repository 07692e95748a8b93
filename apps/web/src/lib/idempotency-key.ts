import type { Mutation } from "@tanstack/react-query";

/** Creates and payments: the server answers a resent key with the first result (ADR 0008). */
const KEYED = new Set([
  "project.create",
  "action.create",
  "cooperation.create",
  "funding.createApplication",
  "funding.addPayment",
]);

/**
 * One key per submission: added to the variables when a keyed mutation starts (MutationCache
 * onMutate runs once per `mutate`, before the first attempt). The retries of that submission reuse
 * the same variables object, so a write resent after a lost answer carries the same key and lands
 * once; a new click is a new submission with a new key.
 */
export function addIdempotencyKey(variables: unknown, mutation: Mutation<unknown, unknown, unknown, unknown>): void {
  const path = (mutation.options.mutationKey?.[0] as string[] | undefined)?.join(".");
  if (!path || !KEYED.has(path) || typeof variables !== "object" || variables === null) return;
  const keyed = variables as { idempotencyKey?: string };
  keyed.idempotencyKey ??= crypto.randomUUID();
}
