import { type Kysely, sql } from "kysely";
import { keepConcernsFunction } from "./2026_12_08_330001_application_concerns.ts";

/**
 * The application trigger of migration 330001 found the updated applications whose concerns change
 * by joining its two transition tables under `exists`. Planned for the first row, that join is a
 * nested loop that rescans one table per row of the other: an update of N applications cost N²
 * comparisons, so the bench's payments (57,000 applications updated by one statement) took minutes,
 * and the national load went from 131 to 610 s. Written as a set difference (the rows as they are,
 * minus the rows as they were), the same question is one hashed pass over each table, whatever the
 * plan is optimised for. `except` compares nulls as equal, as `is distinct from` did.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql.raw(keepConcernsFunction(CHANGED)).execute(db);
}

const KEY = "id, project_id, applicant_territory_id, status, submission_deadline, spending_deadline";

/** The updated applications whose rows differ: another project or applicant, status or deadline. */
const CHANGED = `(select ${KEY} from new_applications except select ${KEY} from old_applications)`;

export async function down(): Promise<void> {
  throw new Error("Migrations are forward-only");
}
