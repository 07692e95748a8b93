import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { cooperationWorld, installAuditFailure } from "./support/cooperation-fixtures.ts";
import { failure, fieldsOf } from "./support/expect-error.ts";
import { makeTerritory } from "./support/factories.ts";
import { useTestDb } from "./support/test-db.ts";

const testDb = useTestDb();
const db = () => testDb().db;

type Detail = {
  members: Array<{ id: string; role: string; leftOn: string | null; version: number; territory: { id: string } }>;
};
const memberOf = (detail: Detail, territoryId: string) => {
  const member = detail.members.find((m) => m.territory.id === territoryId && m.leftOn === null);
  if (!member) throw new Error(`no current member for ${territoryId}`);
  return member;
};
const currentLeads = (detail: Detail) => detail.members.filter((m) => m.role === "lead" && m.leftOn === null);

describe("cooperation.addMember", () => {
  it("un administrateur d'un territoire membre ajoute un membre, inscrit à l'historique du membre", async () => {
    const { neighbour, as, createCooperation } = await cooperationWorld(db(), ["leadViewer"]);
    const created = await createCooperation();
    const added = await as.leadAdmin.cooperation.addMember({
      cooperationId: created.id,
      territoryId: neighbour.id,
      role: "associate",
      joinedOn: "2023-09-01",
    });
    expect(added.memberCount).toBe(2);
    expect(added.version).toBe(created.version);
    const member = memberOf(added, neighbour.id);
    expect(member).toMatchObject({ role: "associate", joinedOn: "2023-09-01", leftOn: null, version: 1 });
    const history = await as.leadViewer.audit.history({ entityType: "cooperation_member", entityId: member.id });
    expect(history.map((h) => h.action)).toEqual(["member_added"]);
    expect(history[0]?.after).toMatchObject({
      cooperationId: created.id,
      territoryId: neighbour.id,
      role: "associate",
    });
  });

  it("refuse une saisie invalide, un territoire inconnu ou déjà membre, en nommant le champ", async () => {
    const { lead, as, createCooperation } = await cooperationWorld(db(), []);
    const created = await createCooperation();
    const invalid = await failure(
      // @ts-expect-error: the lead is chosen through updateMember, never added directly
      as.leadAdmin.cooperation.addMember({ cooperationId: created.id, territoryId: "pas-un-uuid", role: "lead" }),
    );
    expect(invalid.code).toBe("BAD_REQUEST");
    expect(fieldsOf(invalid.payload).sort()).toEqual(["role", "territoryId"]);
    const unknown = await failure(
      as.leadAdmin.cooperation.addMember({ cooperationId: created.id, territoryId: randomUUID(), role: "member" }),
    );
    expect(unknown.code).toBe("NOT_FOUND");
    expect(fieldsOf(unknown.payload)).toEqual(["territoryId"]);
    const duplicate = await failure(
      as.leadAdmin.cooperation.addMember({ cooperationId: created.id, territoryId: lead.id, role: "member" }),
    );
    expect(duplicate.code).toBe("BAD_REQUEST");
    expect(duplicate.payload.fields[0]?.message).toEqual({
      fr: "Ce territoire est déjà membre de la coopération",
      en: "This territory is already a member of the cooperation",
    });
    const unknownCooperation = as.leadAdmin.cooperation.addMember({
      cooperationId: randomUUID(),
      territoryId: lead.id,
      role: "member",
    });
    expect((await failure(unknownCooperation)).code).toBe("NOT_FOUND");
  });

  it("est refusé à un éditeur, et à l'administrateur du territoire qu'on voudrait ajouter", async () => {
    const { neighbour, as, createCooperation } = await cooperationWorld(db(), [
      "leadEditor",
      "neighbourAdmin",
      "leadViewer",
    ]);
    const created = await createCooperation();
    const input = { cooperationId: created.id, territoryId: neighbour.id, role: "member" as const };
    expect((await failure(as.leadEditor.cooperation.addMember(input))).code).toBe("FORBIDDEN");
    expect((await failure(as.leadViewer.cooperation.addMember(input))).code).toBe("FORBIDDEN");
    const { code, payload } = await failure(as.neighbourAdmin.cooperation.addMember(input));
    expect(code).toBe("FORBIDDEN");
    expect(payload.message.en).toBe("Only administrators of a member territory can make this change");
    expect((await as.leadAdmin.cooperation.get({ id: created.id })).memberCount).toBe(1);
  });
});

describe("cooperation.updateMember et le chef de file", () => {
  it("change le rôle d'un membre et refuse une version périmée avec l'état actuel", async () => {
    const { neighbour, as, createWithNeighbour } = await cooperationWorld(db(), ["neighbourAdmin", "leadViewer"]);
    const withNeighbour = await createWithNeighbour();
    const member = memberOf(withNeighbour, neighbour.id);
    const updated = await as.neighbourAdmin.cooperation.updateMember({
      memberId: member.id,
      version: 1,
      role: "associate",
    });
    expect(memberOf(updated, neighbour.id)).toMatchObject({ role: "associate", version: 2 });
    const history = await as.leadViewer.audit.history({ entityType: "cooperation_member", entityId: member.id });
    expect(history.map((h) => h.action)).toEqual(["member_updated", "member_added"]);
    expect(history[0]?.before).toMatchObject({ role: "member" });
    expect(history[0]?.after).toMatchObject({ role: "associate" });

    const stale = await failure(
      as.leadAdmin.cooperation.updateMember({ memberId: member.id, version: 1, role: "member" }),
    );
    expect(stale.code).toBe("CONFLICT");
    expect(memberOf(stale.payload.current as Detail, neighbour.id)).toMatchObject({ role: "associate", version: 2 });
  });

  it("refuse des dates incohérentes, y compris avec la date déjà enregistrée, en nommant le champ", async () => {
    const { neighbour, as, createWithNeighbour } = await cooperationWorld(db(), []);
    const member = memberOf(await createWithNeighbour(), neighbour.id);
    const both = await failure(
      as.leadAdmin.cooperation.updateMember({
        memberId: member.id,
        version: 1,
        joinedOn: "2024-01-01",
        leftOn: "2023-01-01",
      }),
    );
    expect(fieldsOf(both.payload)).toEqual(["leftOn"]);
    const merged = await failure(
      as.leadAdmin.cooperation.updateMember({ memberId: member.id, version: 1, leftOn: "2021-12-31" }),
    );
    expect(merged.code).toBe("BAD_REQUEST");
    expect(fieldsOf(merged.payload)).toEqual(["leftOn"]);
    expect((await failure(as.leadAdmin.cooperation.updateMember({ memberId: randomUUID(), version: 1 }))).code).toBe(
      "NOT_FOUND",
    );
  });

  it("nommer un membre chef de file rétrograde l'ancien dans la même opération : il reste un seul chef de file", async () => {
    const { lead, neighbour, as, createWithNeighbour } = await cooperationWorld(db(), ["leadViewer"]);
    const withNeighbour = await createWithNeighbour();
    const formerLead = memberOf(withNeighbour, lead.id);
    const promoted = await as.leadAdmin.cooperation.updateMember({
      memberId: memberOf(withNeighbour, neighbour.id).id,
      version: 1,
      role: "lead",
    });
    expect(currentLeads(promoted).map((m) => m.territory.id)).toEqual([neighbour.id]);
    expect(promoted.lead?.id).toBe(neighbour.id);
    expect(memberOf(promoted, lead.id)).toMatchObject({ role: "member", version: formerLead.version + 1 });
    const demotion = await as.leadViewer.audit.history({ entityType: "cooperation_member", entityId: formerLead.id });
    expect(demotion[0]).toMatchObject({
      action: "member_updated",
      before: { role: "lead" },
      after: { role: "member" },
    });
  });

  it("deux passages de relais simultanés laissent exactement un chef de file", async () => {
    const { neighbour, as, createWithNeighbour } = await cooperationWorld(db(), []);
    const withNeighbour = await createWithNeighbour();
    const third = await makeTerritory(db());
    const withThird = await as.leadAdmin.cooperation.addMember({
      cooperationId: withNeighbour.id,
      territoryId: third.id,
      role: "member",
    });
    await Promise.allSettled(
      [neighbour.id, third.id].map((territoryId) =>
        as.leadAdmin.cooperation.updateMember({
          memberId: memberOf(withThird, territoryId).id,
          version: 1,
          role: "lead",
        }),
      ),
    );
    const after = await as.leadAdmin.cooperation.get({ id: withNeighbour.id });
    expect(currentLeads(after)).toHaveLength(1);
    expect(after.members.filter((m) => m.leftOn === null)).toHaveLength(3);
  });

  it("le chef de file ne peut ni se rétrograder, ni partir, et un ancien membre ne peut pas devenir chef de file", async () => {
    const { lead, neighbour, as, createWithNeighbour } = await cooperationWorld(db(), []);
    const withNeighbour = await createWithNeighbour();
    const leadMember = memberOf(withNeighbour, lead.id);
    const stepDown = await failure(
      as.leadAdmin.cooperation.updateMember({ memberId: leadMember.id, version: 1, role: "member" }),
    );
    expect(stepDown.code).toBe("BAD_REQUEST");
    expect(fieldsOf(stepDown.payload)).toEqual(["role"]);
    expect(stepDown.payload.message.fr).toMatch(/confiez d'abord ce rôle/);
    const leave = await failure(as.leadAdmin.cooperation.removeMember({ memberId: leadMember.id, version: 1 }));
    expect(leave.code).toBe("BAD_REQUEST");
    expect(fieldsOf(leave.payload)).toEqual(["memberId"]);

    const neighbourMember = memberOf(withNeighbour, neighbour.id);
    await as.leadAdmin.cooperation.removeMember({ memberId: neighbourMember.id, version: 1, leftOn: "2024-06-30" });
    const former = await failure(
      as.leadAdmin.cooperation.updateMember({ memberId: neighbourMember.id, version: 2, role: "lead" }),
    );
    expect(former.payload.fields[0]?.message.en).toBe("A territory that left the cooperation cannot be its lead");
    expect(currentLeads(await as.leadAdmin.cooperation.get({ id: withNeighbour.id }))).toHaveLength(1);
  });

  it("ne garde rien du passage de relais si l'inscription à l'historique échoue", async () => {
    const { lead, neighbour, as, createWithNeighbour } = await cooperationWorld(db(), []);
    const failAuditFor = await installAuditFailure(db());
    const withNeighbour = await createWithNeighbour();
    const candidate = memberOf(withNeighbour, neighbour.id);
    await failAuditFor(candidate.id);
    await failure(as.leadAdmin.cooperation.updateMember({ memberId: candidate.id, version: 1, role: "lead" }));
    const after = await as.leadAdmin.cooperation.get({ id: withNeighbour.id });
    expect(memberOf(after, lead.id)).toMatchObject({ role: "lead", version: 1 });
    expect(memberOf(after, neighbour.id)).toMatchObject({ role: "member", version: 1 });
    const history = await as.leadAdmin.audit.history({
      entityType: "cooperation_member",
      entityId: memberOf(after, lead.id).id,
    });
    expect(history).toEqual([]);
  });
});

describe("cooperation.removeMember", () => {
  it("met fin à l'adhésion sans rien supprimer : le territoire reste parmi les anciens membres", async () => {
    const { neighbour, as, createWithNeighbour } = await cooperationWorld(db(), ["neighbourAdmin", "leadViewer"]);
    const withNeighbour = await createWithNeighbour();
    const member = memberOf(withNeighbour, neighbour.id);
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" }).format(new Date());
    const after = await as.leadAdmin.cooperation.removeMember({ memberId: member.id, version: 1 });
    expect(after.memberCount).toBe(1);
    expect(after.members.find((m) => m.id === member.id)).toMatchObject({ leftOn: today, version: 2 });
    const history = await as.leadViewer.audit.history({ entityType: "cooperation_member", entityId: member.id });
    expect(history[0]).toMatchObject({ action: "member_removed", before: { leftOn: null }, after: { leftOn: today } });

    // A territory that left no longer speaks for the cooperation.
    const refused = as.neighbourAdmin.cooperation.updateMember({
      memberId: member.id,
      version: 2,
      joinedOn: "2022-01-01",
    });
    expect((await failure(refused)).code).toBe("FORBIDDEN");
    const again = await failure(as.leadAdmin.cooperation.removeMember({ memberId: member.id, version: 2 }));
    expect(fieldsOf(again.payload)).toEqual(["memberId"]);
    expect(again.payload.message.fr).toBe("Ce territoire a déjà quitté la coopération");

    const rejoined = await as.leadAdmin.cooperation.addMember({
      cooperationId: withNeighbour.id,
      territoryId: neighbour.id,
      role: "member",
    });
    expect(rejoined.members.filter((m) => m.territory.id === neighbour.id)).toHaveLength(2);
    const reinstate = await failure(
      as.leadAdmin.cooperation.updateMember({ memberId: member.id, version: 2, leftOn: null }),
    );
    expect(fieldsOf(reinstate.payload)).toEqual(["leftOn"]);
  });

  it("est refusé à un éditeur, à un autre territoire et sur une version périmée", async () => {
    const { neighbour, as, createWithNeighbour } = await cooperationWorld(db(), ["neighbourEditor", "outsiderAdmin"]);
    const withNeighbour = await createWithNeighbour();
    const member = memberOf(withNeighbour, neighbour.id);
    const input = { memberId: member.id, version: 1 };
    expect((await failure(as.neighbourEditor.cooperation.removeMember(input))).code).toBe("FORBIDDEN");
    expect((await failure(as.outsiderAdmin.cooperation.removeMember(input))).code).toBe("FORBIDDEN");
    await as.leadAdmin.cooperation.updateMember({ ...input, role: "associate" });
    const stale = await failure(as.leadAdmin.cooperation.removeMember(input));
    expect(stale.code).toBe("CONFLICT");
    expect(memberOf(stale.payload.current as Detail, neighbour.id).version).toBe(2);
    const early = await failure(
      as.leadAdmin.cooperation.removeMember({ memberId: member.id, version: 2, leftOn: "2022-01-09" }),
    );
    expect(fieldsOf(early.payload)).toEqual(["leftOn"]);
    const malformed = await failure(
      as.leadAdmin.cooperation.removeMember({ memberId: member.id, version: 2, leftOn: "31/12/2024" }),
    );
    expect(fieldsOf(malformed.payload)).toContain("leftOn");
  });

  it("l'administrateur de l'instance peut gérer les membres de toute coopération", async () => {
    const { as, createCooperation } = await cooperationWorld(db(), ["instanceAdmin"]);
    const created = await createCooperation();
    const other = await makeTerritory(db(), { kind: "petr" });
    const added = await as.instanceAdmin.cooperation.addMember({
      cooperationId: created.id,
      territoryId: other.id,
      role: "member",
    });
    expect(memberOf(added, other.id).role).toBe("member");
  });
});
