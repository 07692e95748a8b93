import {
  type Actor,
  type CreateProgrammeInput,
  DomainError,
  type Label,
  notFound,
  type UpdateProgrammeInput,
} from "@trame/core";
import {
  type Database,
  type FundingProgramme,
  findOrInsertFunder,
  funderExists,
  getProgramme,
  insertProgramme,
  type Kysely,
  updateProgramme,
} from "@trame/db";
import { auditedWrite } from "./audited-write.ts";
import { notFoundAt } from "./project.service.ts";

const PROGRAMME: Label = { fr: "Dispositif", en: "Programme" };
const FUNDER: Label = { fr: "Financeur", en: "Funder" };

async function reload(trx: Kysely<Database>, id: string): Promise<FundingProgramme> {
  const programme = await getProgramme(trx, id);
  if (!programme) throw notFound(PROGRAMME);
  return programme;
}

/** The catalogue is the instance's reference data: the router lets only instance administrators here. */
export function createProgramme(
  db: Kysely<Database>,
  actor: Actor,
  input: CreateProgrammeInput,
): Promise<FundingProgramme> {
  const { funderId, newFunder, ...fields } = input;
  return auditedWrite(db, actor.userId, async (trx) => {
    let funder: string;
    if (funderId) {
      if (!(await funderExists(trx, funderId))) throw notFoundAt(FUNDER, ["funderId"]);
      funder = funderId;
    } else if (newFunder) {
      funder = await findOrInsertFunder(trx, newFunder);
    } else {
      throw notFoundAt(FUNDER, ["funderId"]);
    }
    const id = await insertProgramme(trx, { ...fields, funderId: funder });
    const after = await reload(trx, id);
    return {
      target: { entityType: "funding_programme", entityId: id, action: "created" },
      before: null,
      after,
      result: after,
    };
  });
}

export function editProgramme(
  db: Kysely<Database>,
  actor: Actor,
  input: UpdateProgrammeInput,
): Promise<FundingProgramme> {
  const { id, version, ...changes } = input;
  return auditedWrite(db, actor.userId, async (trx) => {
    const before = await getProgramme(trx, id);
    if (!before) throw notFound(PROGRAMME);
    const conflict = (current: FundingProgramme) => new DomainError("CONFLICT", "conflict.stale", {}, { current });
    if (before.version !== version) throw conflict(before);
    if (changes.funderId && !(await funderExists(trx, changes.funderId))) throw notFoundAt(FUNDER, ["funderId"]);
    if (!(await updateProgramme(trx, id, version, changes))) throw conflict(await reload(trx, id));
    const after = await reload(trx, id);
    return {
      target: { entityType: "funding_programme", entityId: id, action: changes.archived ? "archived" : "updated" },
      before,
      after,
      result: after,
    };
  });
}
