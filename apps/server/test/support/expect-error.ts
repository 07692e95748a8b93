import { TRPCError } from "@trpc/server";
import { expect } from "vitest";
import { errorPayload } from "../../src/errors.ts";

/** Awaits a call that must fail, and returns its tRPC code and the payload the client would get. */
export async function failure(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(TRPCError);
    const trpcError = error as TRPCError;
    return { code: trpcError.code, payload: errorPayload(trpcError) };
  }
  throw new Error("expected the call to fail, it succeeded");
}

export function fieldsOf(payload: { fields: Array<{ field: string }> }): string[] {
  return payload.fields.map((f) => f.field);
}
