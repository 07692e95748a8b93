import { describe, expect, it } from "vitest";
import { cooperationWorld } from "./support/cooperation-fixtures.ts";
import { callerFor, makeUser } from "./support/factories.ts";
import { useTestDb } from "./support/test-db.ts";

const testDb = useTestDb();
const db = () => testDb().db;

describe("la vie d'une coopération sur les frises", () => {
  it("adhésion, changement de forme, récit commun et départ figurent sur les frises des membres", async () => {
    const world = await cooperationWorld(db(), ["leadAdmin"]);
    const created = await world.createWithNeighbour();
    const admin = world.as.leadAdmin;
    const withForm = await admin.cooperation.changeEngagementForm({
      id: created.id,
      version: created.version,
      engagementForm: "syndicat_mixte",
      changedOn: "2023-01-01",
      note: "Création du syndicat",
    });
    const withNarrative = await admin.cooperation.update({
      id: withForm.id,
      version: withForm.version,
      narrativeText: "Nourrir la métropole avec la vallée.",
      narrativeAdoptedOn: "2023-06-15",
    });
    const neighbourMember = withNarrative.members.find((m) => m.territory.id === world.neighbour.id);
    if (!neighbourMember) throw new Error("neighbour not a member");
    await admin.cooperation.removeMember({
      memberId: neighbourMember.id,
      version: neighbourMember.version,
      leftOn: "2024-12-31",
    });

    const reader = await callerFor(db(), await makeUser(db()));
    const kinds = async (territoryId: string) =>
      (await reader.timeline.territory({ territoryId })).items.map((i) => [i.occurredOn, i.kind]);
    expect(await kinds(world.neighbour.id)).toEqual([
      ["2024-12-31", "member_left"],
      ["2023-06-15", "narrative_adopted"],
      ["2023-01-01", "engagement_form_changed"],
      ["2022-01-10", "member_joined"],
    ]);
    expect(await kinds(world.lead.id)).toEqual(await kinds(world.neighbour.id));
    expect(await kinds(world.outsider.id)).toEqual([]);

    const page = await reader.timeline.cooperation({ cooperationId: created.id });
    const formChange = page.items.find((i) => i.kind === "engagement_form_changed");
    expect(formChange?.detail).toEqual({
      from: "contrat_reciprocite",
      to: "syndicat_mixte",
      note: "Création du syndicat",
    });
  });
});
