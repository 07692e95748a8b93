import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "./create-db.ts";
import { createGeneratedDb, type PlanNode, planNodes } from "./testing/generated-dataset.ts";
import { testDatabaseUrl } from "./testing/test-db.ts";

/** Whether a nested loop rescans a transition table (a trigger's old or new rows) once per outer row. */
function rescansTransitionTable(plan: PlanNode): boolean {
  return planNodes(plan).some((node) => {
    const inner = node.Plans?.[1];
    return (
      node["Node Type"] === "Nested Loop" &&
      inner !== undefined &&
      planNodes(inner).some((child) => child["Node Type"] === "Named Tuplestore Scan")
    );
  });
}

/**
 * The plans of every statement sent, the triggers' own included (auto_explain, PostgreSQL
 * only), in a transaction rolled back afterwards.
 */
async function plansOfStatements(connectionString: string, statements: readonly string[]) {
  const client = new pg.Client({ connectionString });
  await client.connect();
  const logged: string[] = [];
  client.on("notice", (notice) => logged.push(notice.message ?? ""));
  try {
    await client.query("load 'auto_explain'");
    await client.query(`set auto_explain.log_min_duration = 0; set auto_explain.log_nested_statements = on;
      set auto_explain.log_format = json; set client_min_messages = log`);
    await client.query("begin");
    for (const statement of statements) await client.query(statement);
    await client.query("rollback");
  } finally {
    await client.end();
  }
  return logged.flatMap((message) => {
    const json = /^duration: [\d.]+ ms\s+plan:\s*([\s\S]*)$/.exec(message)?.[1];
    if (!json) return [];
    const plan = JSON.parse(json) as { "Query Text": string; Plan: PlanNode };
    return [{ text: plan["Query Text"], plan: plan.Plan }];
  });
}

/**
 * Statement triggers see a write's rows as transition tables, which the planner knows only by their
 * size. A join between two of them planned for the first row (under `exists`) is a nested loop: an
 * update of N applications then costs N² comparisons inside the trigger. The bench's national load
 * found one (131 → 610 s); migration 340001 made it a set difference. Bulk writes must keep every
 * trigger statement linear.
 */
describe.skipIf(!testDatabaseUrl())("déclencheurs des écritures en masse (PostgreSQL)", () => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await createGeneratedDb(300, 0.01);
  }, 180_000);
  afterAll(() => handle.close());

  it("aucune instruction de déclencheur ne reparcourt une table de transition par ligne", async () => {
    const plans = await plansOfStatements(handle.connectionString ?? "", [
      // Amounts only: every application trigger runs, none has a row to rewrite.
      "update funding_applications set requested_cents = requested_cents + 1",
      // Payments update their applications' paid amounts, as the bench's load does.
      "create temp table replayed_payments as select * from funding_payments",
      "delete from funding_payments",
      "insert into funding_payments select * from replayed_payments",
      // Statuses and deadlines: the concerns are rewritten.
      "update funding_applications set status = 'closed' where status = 'granted'",
      "update funding_applications set submission_deadline = submission_deadline + 1",
      "insert into funding_applications (id, project_id, applicant_territory_id, programme_id, status, requested_cents) select gen_random_uuid(), project_id, applicant_territory_id, programme_id, status, requested_cents from funding_applications",
      // Projects and partners: the counts and the copies of the partner arrays follow.
      "update projects set themes = themes || array['food'] where not themes @> array['food']",
      "update project_partners set role = role",
      "delete from project_partners where role = 'partner'",
    ]);
    const triggerStatements = plans.filter((p) => /\b(old|new)_\w+/.test(p.text));
    // The triggers did run and were planned (the check cannot pass on an empty list).
    expect(triggerStatements.length).toBeGreaterThan(10);
    expect(triggerStatements.some((p) => p.text.includes("old_applications"))).toBe(true);
    const rescanning = triggerStatements.filter((p) => rescansTransitionTable(p.plan)).map((p) => p.text);
    expect(rescanning).toEqual([]);
  }, 120_000);
});
