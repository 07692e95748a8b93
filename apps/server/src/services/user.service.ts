import { type CreateUserInput, notFound, type SetMembershipInput } from "@trame/core";
import {
  type Database,
  deleteMembership,
  findMembership,
  getTerritory,
  getUser,
  insertUser,
  type Kysely,
  upsertMembership,
} from "@trame/db";
import { hashPassword } from "../auth/password.ts";
import { auditedWrite } from "./audited-write.ts";

const USER = { fr: "Utilisateur", en: "User" };
const MEMBERSHIP = { fr: "Rattachement", en: "Membership" };

export async function createUser(db: Kysely<Database>, actorId: string | null, input: CreateUserInput) {
  const passwordHash = await hashPassword(input.password);
  return auditedWrite(db, actorId, async (trx) => {
    const { id } = await insertUser(trx, { ...input, passwordHash });
    const after = { id, email: input.email, name: input.name, isInstanceAdmin: input.isInstanceAdmin };
    return { target: { entityType: "user", entityId: id, action: "created" }, before: null, after, result: after };
  });
}

export function setMembership(db: Kysely<Database>, actorId: string, input: SetMembershipInput) {
  return auditedWrite(db, actorId, async (trx) => {
    if (!(await getUser(trx, input.userId))) throw notFound(USER);
    if (!(await getTerritory(trx, input.territoryId))) throw notFound({ fr: "Territoire", en: "Territory" });
    const before = (await findMembership(trx, input.userId, input.territoryId)) ?? null;
    await upsertMembership(trx, input);
    return {
      target: {
        entityType: "membership",
        entityId: `${input.userId}:${input.territoryId}`,
        action: before ? "updated" : "created",
      },
      before,
      after: { role: input.role },
      result: { ...input },
    };
  });
}

export function removeMembership(
  db: Kysely<Database>,
  actorId: string,
  input: { userId: string; territoryId: string },
) {
  return auditedWrite(db, actorId, async (trx) => {
    const before = await findMembership(trx, input.userId, input.territoryId);
    if (!before) throw notFound(MEMBERSHIP);
    await deleteMembership(trx, input.userId, input.territoryId);
    return {
      target: { entityType: "membership", entityId: `${input.userId}:${input.territoryId}`, action: "removed" },
      before,
      after: null,
      result: { ok: true },
    };
  });
}
