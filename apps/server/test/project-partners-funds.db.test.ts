import { describe, expect, it } from "vitest";
import { projectWorld } from "./support/project-fixtures.ts";
import { useTestDb } from "./support/test-db.ts";

const testDb = useTestDb();

describe("partenaires et fonds propres", () => {
  it("changer les partenaires ou passer le relais du chef de file garde les fonds propres de chacun", async () => {
    const world = await projectWorld(testDb().db);
    const project = await world.createProject();
    const lead = await world.as("leadEditor");
    await lead.financing.setOwnFunds({
      id: project.id,
      version: project.version,
      ownFunds: [
        { territoryId: world.lead.id, ownFundsCents: 1_000_000 },
        { territoryId: world.partner.id, ownFundsCents: 250_000 },
      ],
    });
    const current = await lead.project.get({ id: project.id });
    await lead.project.setPartners({
      id: project.id,
      version: current.version,
      partners: [
        { territoryId: world.partner.id, role: "lead" },
        { territoryId: world.lead.id, role: "co_owner" },
      ],
    });
    const plan = await lead.financing.plan({ projectId: project.id });
    const byTerritory = Object.fromEntries(plan.ownFunds.map((p) => [p.territoryId, p.ownFundsCents]));
    expect(byTerritory).toEqual({ [world.lead.id]: 1_000_000, [world.partner.id]: 250_000 });
  });
});
