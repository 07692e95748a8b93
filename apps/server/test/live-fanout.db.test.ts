import { insertTimelineEntry, sql, type Viewer, writeWithTimeline } from "@trame/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LiveHub, startLiveHub } from "../src/live/live-hub.ts";
import { type LiveAccess, type LiveTimelineEvent, liveTimeline } from "../src/live/live-timeline.ts";
import { makeTerritory } from "./support/factories.ts";
import { useTestDb } from "./support/test-db.ts";

/**
 * Issue 17, item 6: many open pages of one scope woken by one entry decide the reader's rights once
 * per audience (same session, same scope) instead of once per stream, and every one still gets it.
 */
const testDb = useTestDb();
const db = () => testDb().db;
const admin: Viewer = { isInstanceAdmin: true, territoryIds: [] };
const STREAMS = 40;

describe("diffusion en direct à de nombreuses pages ouvertes", () => {
  let hub: LiveHub;
  beforeAll(async () => {
    hub = await startLiveHub(testDb(), { warn() {} });
  });
  afterAll(() => hub.close());

  it("une entrée écrite atteint chaque flux, et les droits du lecteur sont lus une fois pour tous", async () => {
    const territoryId = (await makeTerritory(db(), { kind: "CA" })).id;
    const { rows } = await sql<{ id: string }>`insert into cooperations (name, status, engagement_form)
      values (${`Coopération ${Math.random()}`}, 'active', 'contrat_reciprocite') returning id`.execute(db());
    const cooperationId = rows[0]?.id ?? "";
    let rightsRead = 0;
    const access: LiveAccess = {
      key: "même session|même coopération",
      current: async () => {
        rightsRead++;
        return admin;
      },
      onChange: () => () => {},
    };
    const stop = new AbortController();
    const received: string[][] = Array.from({ length: STREAMS }, () => []);
    const streams = received.map(async (ids) => {
      const stream = liveTimeline(db(), hub, { cooperationId }, access, null, stop.signal);
      for await (const value of stream) {
        const [, event] = value as unknown as [string, LiveTimelineEvent];
        if (event.op === "written") ids.push(event.entry.id);
      }
    });
    // Every stream has read its rights once to start, and waits.
    await expect.poll(() => rightsRead, { timeout: 10_000 }).toBe(STREAMS);

    const id = await writeWithTimeline(db(), (trx) =>
      insertTimelineEntry(trx, {
        occurredOn: "2026-11-26",
        kind: "meeting",
        title: "Comité de pilotage",
        cooperationId,
        territoryIds: [territoryId],
      }),
    );
    await expect.poll(() => received.filter((ids) => ids.includes(id)).length, { timeout: 10_000 }).toBe(STREAMS);
    expect(received.every((ids) => ids.length === 1)).toBe(true);
    // One read of the rights for the forty streams woken together (forty without sharing).
    expect(rightsRead - STREAMS).toBe(1);

    stop.abort();
    await Promise.all(streams);
  }, 60_000);
});
