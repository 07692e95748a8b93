import {
  comparePositions,
  createDb,
  currentLivePosition,
  type Database,
  type DbHandle,
  decodePosition,
  encodePosition,
  insertTimelineEntry,
  type Kysely,
  type LivePosition,
  legacyLivePosition,
  readTimelineSince,
  sql,
  type Viewer,
  writeWithTimeline,
} from "@trame/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LiveHub, startLiveHub } from "../src/live/live-hub.ts";
import { type LiveTimelineEvent, liveTimeline } from "../src/live/live-timeline.ts";
import { makeTerritory } from "./support/factories.ts";
import { useTestDb } from "./support/test-db.ts";

/**
 * Issue 17, item 1 (ADR 0013): timeline writers no longer share a lock, and live readers still
 * never skip nor repeat an entry, however the writers' transactions interleave and commit.
 */
const onPostgres = Boolean(process.env.TEST_DATABASE_URL);
const testDb = useTestDb();
const db = () => testDb().db;
const admin: Viewer = { isInstanceAdmin: true, territoryIds: [] };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function newCooperation(): Promise<string> {
  const { rows } = await sql<{ id: string }>`insert into cooperations (name, status, engagement_form)
    values (${`Coopération ${Math.random()}`}, 'active', 'contrat_reciprocite') returning id`.execute(db());
  const id = rows[0]?.id;
  if (!id) throw new Error("no cooperation");
  return id;
}

const entryOf = (cooperationId: string, territoryId: string, title: string) => ({
  occurredOn: "2026-11-26",
  kind: "meeting" as const,
  title,
  cooperationId,
  territoryIds: [territoryId],
});

/** Every entry id of the scope after `from`, read the way a resuming client reads: batch by batch. */
async function drain(scope: { cooperationId: string }, from: LivePosition, limit: number) {
  const ids: string[] = [];
  let position = from;
  let unsettled = false;
  for (;;) {
    const batch = await readTimelineSince(db(), scope, position, admin, limit);
    for (const entry of batch.entries) {
      const next = { xact: entry.xact, seq: entry.seq };
      expect(comparePositions(next, position)).toBeGreaterThan(0);
      position = next;
      ids.push(entry.id);
    }
    unsettled = batch.unsettled;
    if (batch.unsettled || batch.entries.length < limit) return { ids, position, unsettled };
  }
}

/**
 * Writers get their own pool (on PostgreSQL, a second instance's): readers must not queue behind
 * writers holding every connection, or they would only ever read once all had committed.
 */
let writerHandle: DbHandle;
const writerDb = (): Kysely<Database> => writerHandle.db;
beforeAll(async () => {
  writerHandle = onPostgres ? await createDb({ databaseUrl: testDb().connectionString ?? "", poolSize: 8 }) : testDb();
});
afterAll(async () => {
  if (writerHandle !== testDb()) await writerHandle.close();
});

describe("positions en direct sans verrou global", () => {
  let lead: string;
  let other: string;
  beforeAll(async () => {
    lead = (await makeTerritory(db(), { kind: "METRO" })).id;
    other = (await makeTerritory(db(), { kind: "CC" })).id;
  });

  it.skipIf(!onPostgres)(
    "deux écrivains sur des territoires différents ne s'attendent plus ; le lecteur attend le plus ancien",
    async () => {
      const cooperationId = await newCooperation();
      const scope = { cooperationId };
      const start = await currentLivePosition(db());
      let release!: () => void;
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      let firstWritten!: () => void;
      const firstInserted = new Promise<void>((resolve) => {
        firstWritten = resolve;
      });
      // Transaction A writes on one territory and stays open.
      const first = db()
        .transaction()
        .execute(async (trx) => {
          const id = await insertTimelineEntry(trx, entryOf(cooperationId, lead, "A, longue"));
          firstWritten();
          await held;
          return id;
        });
      await firstInserted;
      // Transaction B, on another territory, commits without waiting for A (it used to wait for A's lock).
      const startedAt = Date.now();
      const second = await Promise.race([
        db()
          .transaction()
          .execute((trx) => insertTimelineEntry(trx, entryOf(cooperationId, other, "B, courte"))),
        sleep(3000).then(() => "blocked" as const),
      ]);
      expect(second).not.toBe("blocked");
      expect(Date.now() - startedAt).toBeLessThan(1000);

      // B is committed, but A (older) could still commit before it: a reader waits and says so.
      const whileOpen = await readTimelineSince(db(), scope, start, admin);
      expect(whileOpen).toEqual({ entries: [], unsettled: true });

      release();
      const firstId = await first;
      const settled = await readTimelineSince(db(), scope, start, admin);
      expect(settled.entries.map((e) => e.id)).toEqual([firstId, second]);
      expect(settled.unsettled).toBe(false);
    },
  );

  it("des écrivains concurrents qui valident dans le désordre : le lecteur qui reprend n'en manque ni n'en répète aucune", async () => {
    const cooperationId = await newCooperation();
    const scope = { cooperationId };
    const start = await currentLivePosition(db());
    const committed: string[] = [];
    const writers = Array.from({ length: 48 }, async (_, writer) => {
      // Staggered starts and random holds: transactions take their ids in one order and commit in another.
      await sleep((writer % 8) * 3);
      try {
        await writerDb()
          .transaction()
          .execute(async (trx) => {
            const ids: string[] = [];
            for (let n = 0; n < 1 + (writer % 3); n++) {
              const territory = writer % 2 === 0 ? lead : other;
              ids.push(await insertTimelineEntry(trx, entryOf(cooperationId, territory, `w${writer}-${n}`)));
              await sleep(Math.random() * 25);
            }
            if (writer % 7 === 3) throw new Error("rolled back");
            await sleep(Math.random() * 60);
            // Pushed just before commit: an id is counted only if its transaction commits.
            committed.push(...ids);
          });
      } catch (error) {
        if ((error as Error).message !== "rolled back") throw error;
      }
    });
    const done = Promise.all(writers);
    let finished = false;
    void done.then(() => {
      finished = true;
    });

    // A reader resuming from its last position, again and again, in small batches.
    const seen: string[] = [];
    let position = start;
    let resumes = 0;
    while (!finished) {
      const read = await drain(scope, position, 3);
      seen.push(...read.ids);
      position = read.position;
      resumes++;
      await sleep(2);
    }
    await done;
    for (;;) {
      const read = await drain(scope, position, 3);
      seen.push(...read.ids);
      position = read.position;
      if (!read.unsettled && read.ids.length === 0) break;
    }

    expect(resumes).toBeGreaterThan(1);
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort()).toEqual([...committed].sort());
    const stored = await db()
      .selectFrom("timeline_entries")
      .select("id")
      .where("cooperation_id", "=", cooperationId)
      .execute();
    expect(stored.map((r) => r.id).sort()).toEqual([...committed].sort());
  }, 60_000);

  it("un ancien identifiant numérique reprend à la position de cette entrée", async () => {
    const cooperationId = await newCooperation();
    const ids: string[] = [];
    for (const title of ["un", "deux", "trois"]) {
      ids.push(
        await db()
          .transaction()
          .execute((trx) => insertTimelineEntry(trx, entryOf(cooperationId, lead, title))),
      );
    }
    const first = await db()
      .selectFrom("timeline_entries")
      .select("seq")
      .where("id", "=", ids[0] ?? "")
      .executeTakeFirstOrThrow();
    const position = await legacyLivePosition(db(), Number(first.seq));
    const after = await readTimelineSince(db(), { cooperationId }, position, admin);
    expect(after.entries.map((e) => e.id)).toEqual(ids.slice(1));
    expect(decodePosition(String(first.seq))).toEqual({ legacySeq: Number(first.seq) });
  });
});

/**
 * The same guarantee through the live stream itself: writers on one instance (its own pool and
 * LISTEN connection on PostgreSQL), a subscriber on another that drops its stream every few events
 * and resumes with the last event id it received, as a browser's EventSource does.
 */
describe("flux en direct : reprises pendant des écritures concurrentes", () => {
  let readerHub: LiveHub;
  beforeAll(async () => {
    readerHub = await startLiveHub(testDb(), { warn() {} });
  });
  afterAll(() => readerHub.close());

  it("le client qui se reconnecte sans cesse reçoit exactement chaque entrée validée, dans l'ordre", async () => {
    const territory = (await makeTerritory(db(), { kind: "CA" })).id;
    const cooperationId = await newCooperation();
    const access = { current: async () => admin, onChange: () => () => {} };

    const received: string[] = [];
    // As a client that has received events: a fresh stream would start at "now", each time.
    let lastEventId = encodePosition(await currentLivePosition(db()));
    let reconnections = 0;
    const stop = new AbortController();
    const committed: string[] = [];

    const reader = (async () => {
      while (!stop.signal.aborted) {
        const connection = new AbortController();
        const abortOnStop = () => connection.abort();
        stop.signal.addEventListener("abort", abortOnStop, { once: true });
        const stream = liveTimeline(db(), readerHub, { cooperationId }, access, lastEventId, connection.signal);
        // Each connection takes a few events, then drops, as a flaky network does.
        let taken = 0;
        for (;;) {
          const next = await Promise.race([stream.next(), sleep(150).then(() => "idle" as const)]);
          if (next === "idle" || next.done) break;
          const [id, event] = next.value as unknown as [string, LiveTimelineEvent];
          if (event.op === "written") received.push(event.entry.id);
          lastEventId = id;
          if (++taken >= 4) break;
        }
        connection.abort();
        await stream.return(undefined);
        stop.signal.removeEventListener("abort", abortOnStop);
        reconnections++;
      }
    })();
    // Let the first connection take its starting position before anything is written.
    await sleep(100);

    await Promise.all(
      Array.from({ length: 40 }, async (_, writer) => {
        await sleep((writer % 10) * 5);
        try {
          // Some announce inside their transaction, others after the commit (writeWithTimeline, as the services do).
          const write = <T>(run: (trx: Kysely<Database>) => Promise<T>) =>
            writer % 3 === 1 ? writeWithTimeline(writerDb(), run) : writerDb().transaction().execute(run);
          await write(async (trx) => {
            const ids = [await insertTimelineEntry(trx, entryOf(cooperationId, territory, `w${writer}`))];
            await sleep(Math.random() * 40);
            if (writer % 2 === 0)
              ids.push(await insertTimelineEntry(trx, entryOf(cooperationId, territory, `w${writer}b`)));
            if (writer % 9 === 4) throw new Error("rolled back");
            await sleep(Math.random() * 40);
            committed.push(...ids);
          });
        } catch (error) {
          if ((error as Error).message !== "rolled back") throw error;
        }
      }),
    );
    await expect.poll(() => received.length, { timeout: 10_000 }).toBeGreaterThanOrEqual(committed.length);
    // A little longer: a repeat would arrive now.
    await sleep(300);
    stop.abort();
    await reader;

    expect(reconnections).toBeGreaterThan(3);
    expect(new Set(received).size).toBe(received.length);
    expect([...received].sort()).toEqual([...committed].sort());
    // Event ids are positions, increasing along the stream.
    expect(lastEventId).toMatch(/^\d+\.\d+$/);
  }, 60_000);
});
