/**
 * Where a live reader stands in the timeline: the writing transaction's id and the entry's number
 * within it (ADR 0013). Entries are delivered in (xact, seq) order, which is commit order for every
 * entry a reader may see: it only reads up to the oldest transaction still running.
 */
export interface LivePosition {
  /** `xid8` as decimal text: 64 bits, beyond a JavaScript number. */
  xact: string;
  seq: number;
}

/** Sent as the SSE event id: "xact.seq". */
export function encodePosition(position: LivePosition): string {
  return `${position.xact}.${position.seq}`;
}

/** "xact.seq" as sent by us; a bare "N" is a number from before ADR 0013 and is resolved by the caller. */
export function decodePosition(id: string): LivePosition | { legacySeq: number } {
  const match = /^(\d+)\.(\d+)$/.exec(id);
  if (match) return { xact: BigInt(match[1] ?? "0").toString(), seq: Number(match[2]) };
  return { legacySeq: Number(id) };
}

export function comparePositions(a: LivePosition, b: LivePosition): number {
  const byXact = BigInt(a.xact) - BigInt(b.xact);
  if (byXact !== 0n) return byXact < 0n ? -1 : 1;
  return a.seq - b.seq;
}
