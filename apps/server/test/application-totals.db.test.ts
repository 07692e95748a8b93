import { describe, expect, it } from "vitest";
import { fundingWorld } from "./support/application-fixtures.ts";
import { failure, fieldsOf } from "./support/expect-error.ts";
import { useTestDb } from "./support/test-db.ts";

const testDb = useTestDb();
const db = () => testDb().db;

/** What the totals must equal: the same sums done by hand over every row of the list. */
function summed(
  items: Array<{ status: string; requestedCents: number; grantedCents: number | null; paidCents: number }>,
) {
  const byStatus = new Map<
    string,
    { count: number; requestedCents: number; grantedCents: number; paidCents: number }
  >();
  for (const item of items) {
    const row = byStatus.get(item.status) ?? { count: 0, requestedCents: 0, grantedCents: 0, paidCents: 0 };
    row.count += 1;
    row.requestedCents += item.requestedCents;
    row.grantedCents += item.grantedCents ?? 0;
    row.paidCents += item.paidCents;
    byStatus.set(item.status, row);
  }
  return byStatus;
}

describe("demandes de financement : montants par statut", () => {
  it("additionnent toutes les demandes retenues par les filtres, pas seulement la page affichée, et suivent la visibilité", async () => {
    const w = await fundingWorld(db());
    await w.createApplication();
    const granted = await w.moveTo(await w.createApplication({ requestedCents: 15_000_000 }), "granted");
    await (await w.as("partnerEditor")).funding.addPayment({
      applicationId: granted.id,
      paidOn: "2025-07-01",
      amountCents: 3_000_000,
    });
    await w.moveTo(await w.createApplication({ requestedCents: 5_000_000 }), "submitted");
    const restricted = await w.createProject({ visibility: "partners" });
    await w.createApplication({ projectId: restricted.id, requestedCents: 100 });
    // Someone else's application, open to the network: not among "mine".
    await (await fundingWorld(db())).createApplication();

    const viewer = await w.as("leadViewer");
    const totals = await viewer.funding.applicationTotals({ mine: true });
    expect(totals).toEqual([
      { status: "draft", count: 2, requestedCents: 20_000_100, grantedCents: 0, paidCents: 0 },
      { status: "submitted", count: 1, requestedCents: 5_000_000, grantedCents: 0, paidCents: 0 },
      { status: "granted", count: 1, requestedCents: 15_000_000, grantedCents: 12_000_000, paidCents: 3_000_000 },
    ]);
    // The same figures as the whole list added up by hand, while a page holds one row.
    const all = await viewer.funding.applications({ mine: true, limit: 100 });
    const byHand = summed(all.items);
    expect(Object.fromEntries(totals.map(({ status, ...figures }) => [status, figures]))).toEqual(
      Object.fromEntries(byHand),
    );
    expect((await viewer.funding.applications({ mine: true, limit: 1 })).items).toHaveLength(1);

    expect(await viewer.funding.applicationTotals({ mine: true, status: "granted" })).toEqual([
      expect.objectContaining({ status: "granted", count: 1 }),
    ]);
    // An outsider reads the open project's applications but not the restricted one's.
    const outsider = await w.as("outsiderEditor");
    const seen = await outsider.funding.applicationTotals({ territoryId: w.lead.id });
    expect(seen.find((row) => row.status === "draft")).toMatchObject({ count: 1, requestedCents: 20_000_000 });
  });

  it("refuse un filtre invalide en nommant le champ", async () => {
    const w = await fundingWorld(db());
    const viewer = await w.as("leadViewer");
    const error = await failure(viewer.funding.applicationTotals({ status: "paid" as never }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(fieldsOf(error.payload)).toEqual(["status"]);
  });
});
