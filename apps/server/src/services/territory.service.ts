import {
  type CreateTerritoryInput,
  DomainError,
  notFound,
  type SetNeighbourInput,
  type UpdateTerritoryInput,
} from "@trame/core";
import {
  type Database,
  deleteNeighbourLink,
  findNeighbourLink,
  getTerritory,
  insertTerritory,
  type Kysely,
  type Territory,
  updateTerritory,
  upsertNeighbourLink,
} from "@trame/db";
import { auditedWrite } from "./audited-write.ts";

const TERRITORY = { fr: "Territoire", en: "Territory" };
const NEIGHBOUR_LINK = { fr: "Lien de voisinage", en: "Neighbour link" };

export function createTerritory(
  db: Kysely<Database>,
  actorId: string,
  input: CreateTerritoryInput,
): Promise<Territory> {
  return auditedWrite(db, actorId, async (trx) => {
    const territory = await insertTerritory(trx, {
      name: input.name,
      kind: input.kind,
      siren: input.siren ?? null,
      population: input.population ?? null,
      departements: input.departements,
      country: input.country,
      source: "manual",
    });
    return {
      target: { entityType: "territory", entityId: territory.id, action: "created" },
      before: null,
      after: territory,
      result: territory,
    };
  });
}

export function editTerritory(db: Kysely<Database>, actorId: string, input: UpdateTerritoryInput): Promise<Territory> {
  const { id, version, ...changes } = input;
  return auditedWrite(db, actorId, async (trx) => {
    const before = await getTerritory(trx, id);
    if (!before) throw notFound(TERRITORY);
    const after = await updateTerritory(trx, id, version, changes);
    if (!after) throw new DomainError("CONFLICT", "conflict.stale", {}, { current: before });
    return { target: { entityType: "territory", entityId: id, action: "updated" }, before, after, result: after };
  });
}

export function setNeighbour(db: Kysely<Database>, actorId: string, input: SetNeighbourInput): Promise<void> {
  return auditedWrite(db, actorId, async (trx) => {
    for (const [field, id] of [
      ["territoryId", input.territoryId],
      ["neighbourId", input.neighbourId],
    ] as const) {
      if (!(await getTerritory(trx, id))) throw notFoundField(field);
    }
    const before = (await findNeighbourLink(trx, input.territoryId, input.neighbourId)) ?? null;
    await upsertNeighbourLink(trx, input);
    return {
      // A link is stored once, in the orientation it was first given: its history follows that key.
      target: {
        entityType: "neighbour",
        entityId: before
          ? `${before.territory_id}:${before.neighbour_id}`
          : `${input.territoryId}:${input.neighbourId}`,
        action: before ? "updated" : "created",
      },
      before,
      after: input,
      result: undefined,
    };
  });
}

function notFoundField(field: string): DomainError {
  return new DomainError(
    "NOT_FOUND",
    "notFound.entity",
    { entity: TERRITORY },
    { fields: [{ field, message: notFound(TERRITORY).label }] },
  );
}

export function removeNeighbour(
  db: Kysely<Database>,
  actorId: string,
  input: { territoryId: string; neighbourId: string },
): Promise<void> {
  return auditedWrite(db, actorId, async (trx) => {
    const before = await findNeighbourLink(trx, input.territoryId, input.neighbourId);
    if (!before) throw notFound(NEIGHBOUR_LINK);
    await deleteNeighbourLink(trx, input.territoryId, input.neighbourId);
    return {
      target: { entityType: "neighbour", entityId: `${before.territory_id}:${before.neighbour_id}`, action: "removed" },
      before,
      after: null,
      result: undefined,
    };
  });
}
