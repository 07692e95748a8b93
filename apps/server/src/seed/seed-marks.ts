import { type Database, insertSeedMarks, type Kysely, listSeedMarks } from "@trame/db";
import { DEMO_PREFIX } from "./demo-keys.ts";

/**
 * The demo pieces already created, read once per run. A marked piece is never created again, even
 * once a user has renamed, emptied or removed it: the seed answers for what it made, not for what
 * the demo looks like now.
 */
export class SeedMarks {
  private constructor(private readonly marks: Map<string, string | null>) {}

  static async read(db: Kysely<Database>): Promise<SeedMarks> {
    return new SeedMarks(await listSeedMarks(db, DEMO_PREFIX));
  }

  get size(): number {
    return this.marks.size;
  }

  has(key: string): boolean {
    return this.marks.has(key);
  }

  /** The id the piece was created with; undefined when unknown (not created, or adopted without one). */
  idOf(key: string): string | undefined {
    return this.marks.get(key) ?? undefined;
  }

  missing(keys: readonly string[]): string[] {
    return keys.filter((key) => !this.marks.has(key));
  }

  /** Records a piece in the transaction that created it, so the two land together or not at all. */
  async record(trx: Kysely<Database>, key: string, entityId: string | null): Promise<void> {
    await insertSeedMarks(trx, [{ key, entityId }]);
    this.marks.set(key, entityId);
  }

  async recordAll(trx: Kysely<Database>, marks: ReadonlyArray<{ key: string; entityId: string | null }>) {
    await insertSeedMarks(trx, marks);
    for (const mark of marks) this.marks.set(mark.key, mark.entityId);
  }
}
