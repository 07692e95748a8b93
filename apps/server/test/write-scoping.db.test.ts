import { type Database, type Kysely, sql } from "@trame/db";
import { describe, expect, it } from "vitest";
import { failure, fieldsOf } from "./support/expect-error.ts";
import { callerFor, makeTerritory, makeUser } from "./support/factories.ts";
import { projectWorld } from "./support/project-fixtures.ts";
import { useTestDb } from "./support/test-db.ts";

/** Issue 13, item 4: writes into other territories' cooperations and timelines, performed as the attacker did. */
const testDb = useTestDb();
const db = () => testDb().db;

const meeting = { occurredOn: "2025-03-12", kind: "meeting" as const, title: "Délibération de Montpellier" };

async function linkCount(db: Kysely<Database>, territoryId: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from timeline_entry_territories where territory_id = ${territoryId}`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

describe("écritures cantonnées aux territoires de l'acteur", () => {
  it("un non-membre ne crée pas de projet dans une coopération, même en se nommant chef de file", async () => {
    const w = await projectWorld(db());
    const stranger = await w.as("outsiderEditor");
    const attack = await failure(
      stranger.project.create(
        w.projectArgs({
          partners: [
            { territoryId: w.outsider.id, role: "lead" },
            { territoryId: w.lead.id, role: "partner" },
          ],
        }),
      ),
    );
    expect(attack.code).toBe("BAD_REQUEST");
    expect(fieldsOf(attack.payload)).toEqual(["partners.0.territoryId"]);
    expect(attack.payload.message.fr).toContain("pas membre de la coopération");
    const listed = await (await w.as("leadEditor")).project.list({ cooperationId: w.cooperation.id });
    expect(listed.items).toEqual([]);
  });

  it("les partenaires d'un projet sont membres de sa coopération, à la création comme ensuite", async () => {
    const w = await projectWorld(db());
    const editor = await w.as("leadEditor");
    const created = await failure(
      editor.project.create(
        w.projectArgs({
          partners: [
            { territoryId: w.lead.id, role: "lead" },
            { territoryId: w.outsider.id, role: "partner" },
          ],
        }),
      ),
    );
    expect(fieldsOf(created.payload)).toEqual(["partners.1.territoryId"]);
    const project = await w.createProject();
    const moved = await failure(
      editor.project.setPartners({
        id: project.id,
        version: project.version,
        partners: [
          { territoryId: w.lead.id, role: "lead" },
          { territoryId: w.outsider.id, role: "partner" },
        ],
      }),
    );
    expect(fieldsOf(moved.payload)).toEqual(["partners.1.territoryId"]);
  });

  it("une action ne nomme que les partenaires du projet ou les membres de la coopération", async () => {
    const w = await projectWorld(db());
    const project = await w.createProject();
    const editor = await w.as("leadEditor");
    const before = await linkCount(db(), w.outsider.id);
    for (const target of [{ projectId: project.id }, { cooperationId: w.cooperation.id }]) {
      const attack = await failure(
        editor.action.create({ ...meeting, ...target, territoryIds: [w.lead.id, w.outsider.id] }),
      );
      expect(attack.code).toBe("BAD_REQUEST");
      expect(fieldsOf(attack.payload)).toEqual(["territoryIds.1"]);
    }
    const action = await editor.action.create({ ...meeting, projectId: project.id });
    const edited = await failure(
      editor.action.update({ id: action.id, version: action.version, territoryIds: [w.lead.id, w.outsider.id] }),
    );
    expect(fieldsOf(edited.payload)).toEqual(["territoryIds.1"]);
    expect(await linkCount(db(), w.outsider.id)).toBe(before);
    const outsiderFeed = await (await w.as("outsiderEditor")).timeline.territory({ territoryId: w.outsider.id });
    expect(outsiderFeed.items).toEqual([]);
  });

  it("un territoire nommé par un autre se retire d'une entrée : hors de sa frise, gardée pour les autres, auditée", async () => {
    const w = await projectWorld(db());
    const leadEditor = await w.as("leadEditor");
    await leadEditor.action.create({ ...meeting, cooperationId: w.cooperation.id });
    const partnerEditor = await w.as("partnerEditor");
    const feed = await partnerEditor.timeline.territory({ territoryId: w.partner.id, kinds: ["meeting"] });
    const entry = feed.items.find((item) => item.title === meeting.title);
    expect(entry).toBeDefined();
    const entryId = entry?.id ?? "";

    // Someone else cannot detach the partner, nor the lead detach a territory it does not edit for.
    expect((await failure(leadEditor.timeline.detach({ territoryId: w.partner.id, entryId }))).code).toBe("FORBIDDEN");
    const viewer = await w.as("partnerViewer");
    expect((await failure(viewer.timeline.detach({ territoryId: w.partner.id, entryId }))).code).toBe("FORBIDDEN");

    const detached = await partnerEditor.timeline.detach({ territoryId: w.partner.id, entryId });
    expect(detached.territoryIds).toEqual([w.lead.id]);
    const after = await partnerEditor.timeline.territory({ territoryId: w.partner.id, kinds: ["meeting"] });
    expect(after.items.map((item) => item.id)).not.toContain(entryId);
    const leadFeed = await leadEditor.timeline.territory({ territoryId: w.lead.id, kinds: ["meeting"] });
    expect(leadFeed.items.map((item) => item.id)).toContain(entryId);
    const again = await failure(partnerEditor.timeline.detach({ territoryId: w.partner.id, entryId }));
    expect(again.code).toBe("NOT_FOUND");
    const { rows: audit } = await sql<{ action: string; before: { territoryId: string } }>`
      select action, before from audit_log where entity_type = 'timeline_entry' and entity_id = ${entryId}`.execute(
      db(),
    );
    expect(audit).toEqual([{ action: "territory_detached", before: { territoryId: w.partner.id } }]);
  });

  it("seul le chef de file ouvre un projet réservé aux partenaires à tout le réseau", async () => {
    const w = await projectWorld(db());
    const project = await w.createProject({ visibility: "partners" });
    const partnerEditor = await w.as("partnerEditor");
    const attack = await failure(
      partnerEditor.project.update({ id: project.id, version: project.version, visibility: "network" }),
    );
    expect(attack.code).toBe("FORBIDDEN");
    expect(attack.payload.message.fr).toBe("Seul le chef de file peut ouvrir ce projet à tout le réseau");
    // Other edits by a partner still go through, and the lead opens it.
    const edited = await partnerEditor.project.update({ id: project.id, version: project.version, summary: "Revu" });
    const opened = await (await w.as("leadEditor")).project.update({
      id: project.id,
      version: edited.version,
      visibility: "network",
    });
    expect(opened.visibility).toBe("network");
  });

  it("l'administrateur d'un membre associé ne retire pas un membre à part entière et ne se fait pas chef de file", async () => {
    const w = await projectWorld(db());
    const associate = await makeTerritory(db(), { kind: "petr" });
    const leadAdmin = await w.as("leadAdmin");
    const withAssociate = await leadAdmin.cooperation.addMember({
      cooperationId: w.cooperation.id,
      territoryId: associate.id,
      role: "associate",
      joinedOn: "2021-01-01",
    });
    const associateAdmin = await callerFor(
      db(),
      await makeUser(db(), { memberships: [{ territoryId: associate.id, role: "admin" }] }),
    );
    const memberOf = (territoryId: string) => {
      const member = withAssociate.members.find((m) => m.territory.id === territoryId && m.leftOn === null);
      if (!member) throw new Error("member missing");
      return member;
    };
    const partner = memberOf(w.partner.id);
    const removal = await failure(
      associateAdmin.cooperation.removeMember({ memberId: partner.id, version: partner.version }),
    );
    expect(removal.code).toBe("FORBIDDEN");
    const own = memberOf(associate.id);
    for (const role of ["lead", "member"] as const) {
      const promotion = await failure(
        associateAdmin.cooperation.updateMember({ memberId: own.id, version: own.version, role }),
      );
      expect(promotion.code).toBe("FORBIDDEN");
    }
    const unchanged = await leadAdmin.cooperation.get({ id: w.cooperation.id });
    expect(unchanged.members.find((m) => m.role === "lead")?.territory.id).toBe(w.lead.id);
    expect(unchanged.members.find((m) => m.id === partner.id)?.leftOn).toBeNull();
    // An associate's admin still manages its own associate membership (leaving).
    await associateAdmin.cooperation.removeMember({ memberId: own.id, version: own.version });
  });
});
