import { DomainError, hasTerritoryRole, idSchema, type MembershipRole, membershipRoleLabels } from "@trame/core";
import { initTRPC } from "@trpc/server";
import { z } from "zod";
import { requireInstanceAdmin, requireReader } from "./auth/require.ts";
import type { Context } from "./context.ts";
import { errorPayload, toTrpcError } from "./errors.ts";

const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error }) {
    const trame = errorPayload(error);
    const { stack: _stack, ...data } = shape.data;
    return { ...shape, message: trame.message.en, data: { ...data, trame } };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Every procedure passes through here, so a domain or database error always leaves with its proper code. */
export const publicProcedure = t.procedure.use(async ({ next }) => {
  const result = await next();
  if (!result.ok) throw toTrpcError(result.error);
  return result;
});

export const authedProcedure = publicProcedure.use(({ ctx, path, next }) => {
  if (!ctx.user || !ctx.actor || !ctx.sessionTokenHash) throw new DomainError("UNAUTHORIZED", "auth.required");
  // An administrator asked for a new password, or the account belongs to no territory: it can do
  // nothing but manage itself (auth.*) until that changes.
  if (!path.startsWith("auth.")) requireReader(ctx.actor, ctx.passwordChangeRequired);
  // Only the narrowed fields: tRPC merges them into the context it already has.
  return next({ ctx: { user: ctx.user, actor: ctx.actor, sessionTokenHash: ctx.sessionTokenHash } });
});

/** Instance-wide administration: checked before the input is read, so a member learns nothing of its shape. */
export const adminProcedure = authedProcedure.use(({ ctx, next }) => {
  requireInstanceAdmin(ctx.actor);
  return next();
});

/**
 * For actions on one territory named by `territoryId`: the user's stored membership must carry at
 * least `role` (instance administrators pass everywhere).
 */
export function territoryProcedure(role: MembershipRole) {
  return authedProcedure.input(z.object({ territoryId: idSchema })).use(({ ctx, input, next }) => {
    if (!hasTerritoryRole(ctx.actor, input.territoryId, role)) {
      throw new DomainError("FORBIDDEN", "forbidden.territoryRole", { role: membershipRoleLabels[role] });
    }
    return next();
  });
}
