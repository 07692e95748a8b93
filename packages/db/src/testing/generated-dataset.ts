import { sql } from "kysely";
import type { DbHandle } from "../create-db.ts";
import { datasetSize, loadDataset } from "../dataset/index.ts";
import { createTestDb } from "./test-db.ts";

/** A node of `explain (format json)` or of auto_explain's JSON: what the plan tests read. */
export interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  Plans?: PlanNode[];
}

/** Every node of a plan, parents before their children. */
export function planNodes(node: PlanNode): PlanNode[] {
  return [node, ...(node.Plans ?? []).flatMap(planNodes)];
}

/**
 * A test database holding the bench's generated history at `factor` of the national size, over
 * `territories` made-up EPCI (the real ones are not needed to shape the plans).
 */
export async function createGeneratedDb(territories: number, factor: number): Promise<DbHandle> {
  const handle = await createTestDb();
  await sql`insert into territories (siren, name, kind, population, search_key)
    select (200000000 + n)::text, 'EPCI ' || n, (array['METRO','CU','CA','CC'])[1 + n % 4], 1000000 / n, 'epci ' || n
    from generate_series(1, ${territories}::int) n`.execute(handle.db);
  await loadDataset(handle.db, datasetSize(factor), "scrypt$x");
  return handle;
}
