/**
 * Reads done in answer to one notification, shared by every stream that asks the same question about
 * it. A thousand open pages of one territory woken by one new entry ask the database once for the
 * reader's rights and once for the entries, not a thousand times each (issue 17, item 6).
 *
 * Sharing is safe because every sharer started listening before the notification arrived, so a read
 * begun after it arrived is as fresh as each of them could have asked for. Only reads in flight are
 * shared: the streams woken together join the first one's query, and a stream that asks after it
 * settled reads again (rights are never answered from an older result). The memo is keyed by the
 * notification object itself (the hub hands the same object to every listener).
 */
const reads = new WeakMap<object, Map<string, Promise<unknown>>>();

export function sharedRead<T>(wave: object | null, key: string | undefined, read: () => Promise<T>): Promise<T> {
  if (!wave || key === undefined) return read();
  let memo = reads.get(wave);
  if (!memo) {
    memo = new Map();
    reads.set(wave, memo);
  }
  const known = memo.get(key) as Promise<T> | undefined;
  if (known) return known;
  const started = read();
  memo.set(key, started);
  const settled = () => memo.delete(key);
  started.then(settled, settled);
  return started;
}
