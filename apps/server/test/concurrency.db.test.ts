import { sql } from "@trame/db";
import { describe, expect, it } from "vitest";
import { fundingWorld } from "./support/application-fixtures.ts";
import { failure } from "./support/expect-error.ts";
import { projectWorld } from "./support/project-fixtures.ts";
import { useTestDb } from "./support/test-db.ts";
import { totalsDrift } from "./support/totals-drift.ts";

const testDb = useTestDb();

describe("modifications concurrentes", () => {
  it("cinquante modifications simultanées d'un projet sur la même version : une seule passe, les autres reçoivent CONFLICT", async () => {
    const world = await projectWorld(testDb().db);
    const project = await world.createProject();
    const editor = await world.as("leadEditor");
    const attempts = Array.from({ length: 50 }, (_, i) =>
      editor.project.update({ id: project.id, version: project.version, title: `Titre concurrent ${i}` }).then(
        (updated) => ({ ok: true as const, title: updated.title }),
        async (error: unknown) => ({ ok: false as const, code: (await failure(Promise.reject(error))).code }),
      ),
    );
    const results = await Promise.all(attempts);
    const winners = results.filter((r) => r.ok);
    expect(winners).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => (r.ok ? "" : r.code))).toEqual(Array(49).fill("CONFLICT"));
    // The accepted write is the one stored, and exactly one audit line says so.
    const stored = await editor.project.get({ id: project.id });
    expect(stored.title).toBe(winners[0]?.ok ? winners[0].title : "");
    expect(stored.version).toBe(project.version + 1);
    const history = await editor.audit.history({ entityType: "project", entityId: project.id });
    expect(history.filter((h) => h.action === "updated")).toHaveLength(1);
  });

  it("des projets créés ensemble par deux territoires, partenaires en ordre inverse : tous passent, comptes exacts", async () => {
    // The per-territory counts (migration 000005) are shared rows: each transaction adds to them once,
    // at commit, keys in order, so writers touching the same territories in any order never deadlock.
    const world = await projectWorld(testDb().db);
    const [leadEditor, partnerEditor] = await Promise.all([world.as("leadEditor"), world.as("partnerEditor")]);
    const created = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        i % 2 === 0
          ? leadEditor.project.create(world.projectArgs())
          : partnerEditor.project.create(
              world.projectArgs({
                partners: [
                  { territoryId: world.partner.id, role: "lead" },
                  { territoryId: world.lead.id, role: "partner" },
                ],
              }),
            ),
      ),
    );
    expect(created.filter((r) => r.status === "rejected")).toEqual([]);
    const { rows } = await sql<{ territory_id: string; n: number }>`
      select territory_id, sum(project_count)::int as n from territory_project_counts
      where territory_id in (${world.lead.id}, ${world.partner.id}) group by territory_id`.execute(testDb().db);
    expect(rows.map((r) => r.n)).toEqual([20, 20]);
  });

  it.each(["network", "partners"] as const)(
    "des demandes déposées pendant qu'un partenaire rejoint le projet (%s) : il les compte toutes, une fois",
    async (visibility) => {
      // A partner's funding figures count the applications of its projects (migration 310001): the
      // application writer and the partner writer each read the other's rows, whichever commits first.
      // Restricted, the rows also carry the project's partners (320001), which must include the new one.
      const db = testDb().db;
      const w = await fundingWorld(db);
      await w.joinAsAssociate(w.outsider.id);
      const [leadEditor, outsider] = await Promise.all([w.as("leadEditor"), w.as("outsiderEditor")]);
      const project =
        visibility === "network"
          ? w.project
          : await leadEditor.project.update({ id: w.project.id, version: w.project.version, visibility });
      const joined = await Promise.allSettled([
        ...Array.from({ length: 12 }, () => w.createApplication({ requestedCents: 1_000_000 })),
        leadEditor.project.setPartners({
          id: project.id,
          version: project.version,
          partners: [
            { territoryId: w.lead.id, role: "lead" },
            { territoryId: w.partner.id, role: "partner" },
            { territoryId: w.outsider.id, role: "partner" },
          ],
        }),
      ]);
      expect(joined.filter((r) => r.status === "rejected")).toEqual([]);
      expect(await totalsDrift(db)).toEqual([]);
      // Restricted, the outsider's members see these rows only through that copy of the partners.
      const board = await outsider.dashboard.territory({ territoryId: w.outsider.id });
      expect(board.funding.totals).toMatchObject({ applicationCount: 12, requestedCents: 12_000_000 });
    },
  );
});
