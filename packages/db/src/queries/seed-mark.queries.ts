import type { Kysely } from "kysely";
import type { Database } from "../schema.ts";

/** The seed marks under a prefix (`demo:`), by key, with the id of what each one created. */
export async function listSeedMarks(db: Kysely<Database>, prefix: string): Promise<Map<string, string | null>> {
  const rows = await db
    .selectFrom("seed_marks")
    .select(["key", "entity_id"])
    .where("key", "like", `${prefix.replace(/[\\%_]/g, "\\$&")}%`)
    .execute();
  return new Map(rows.map((row) => [row.key, row.entity_id]));
}

export async function insertSeedMarks(
  db: Kysely<Database>,
  marks: ReadonlyArray<{ key: string; entityId: string | null }>,
): Promise<void> {
  if (marks.length === 0) return;
  await db
    .insertInto("seed_marks")
    .values(marks.map((mark) => ({ key: mark.key, entity_id: mark.entityId })))
    .execute();
}
