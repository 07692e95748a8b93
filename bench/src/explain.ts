import type { RawQuery } from "./bench-db.ts";
import type { Scenario } from "./scenarios.ts";

/**
 * `pnpm bench --explain`: each scenario's captured statements with their parameters and the plan
 * PostgreSQL runs them with (EXPLAIN ANALYZE, BUFFERS), to see where the time goes before changing code.
 */
export async function printPlans(raw: RawQuery, scenarios: readonly Scenario[]): Promise<void> {
  for (const scenario of scenarios) {
    console.log(`\n=== ${scenario.name}`);
    for (const statement of scenario.statements) {
      console.log(`\n${statement.sql}\n-- parameters: ${JSON.stringify(statement.parameters)}`);
      const result = (await raw(`explain (analyze, buffers) ${statement.sql}`, statement.parameters)) as {
        rows: Array<Record<string, string>>;
      };
      for (const row of result.rows) console.log(Object.values(row)[0]);
    }
  }
}
