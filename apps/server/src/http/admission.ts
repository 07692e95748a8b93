import { availableParallelism } from "node:os";
import type { FastifyInstance, FastifyRequest } from "fastify";
import PQueue from "p-queue";

export interface AdmissionOptions {
  /** API requests handled at once; the rest wait their turn here rather than inside the pool and the event loop. */
  maxActive: number;
  /** Procedure paths that stream for as long as a page is open (subscriptions): never counted, never queued. */
  streaming: ReadonlySet<string>;
}

/** Saves first: a user waiting on a save has typed something; a refetch can wait a few milliseconds more. */
const WRITE_PRIORITY = 1;
const READ_PRIORITY = 0;

/**
 * The default number of API requests at work: one per core the process may use, plus one to keep the
 * cores busy while a request waits on PostgreSQL, and never more than the pool's connections. Measured
 * under `pnpm bench:load` (100 users, 60 s, two cores): with 20 at once a save's p95 was 387 ms, with
 * 4 it was 102 ms, with 3 it was 74 ms at the same throughput (232 req/s against 231), with 2 it was
 * 56 ms but throughput fell to 203 req/s. More at once only shares the same cores among more waiters.
 */
export function defaultMaxActive(poolSize: number, cores = availableParallelism()): number {
  return Math.max(1, Math.min(poolSize, cores + 1));
}

/** The procedure paths a tRPC URL names (`/trpc/a,b?batch=1`). */
function proceduresOf(url: string): string[] {
  const path = url.split("?")[0] ?? "";
  return path.slice("/trpc/".length).split(",");
}

function isAdmitted(request: FastifyRequest, streaming: ReadonlySet<string>): boolean {
  if (!request.url.startsWith("/trpc/")) return false;
  return !proceduresOf(request.url).some((path) => streaming.has(path));
}

/**
 * A bounded number of API requests at work, the others queued, writes ahead of reads (issue 17).
 *
 * Without it, at saturation every request in flight shares the one JavaScript thread and the pool's ten
 * connections: a save of a dozen statements waits behind every read at each of its round trips, and its
 * latency is the whole queue's (p95 1 s under `bench:load`). With it, the requests at work finish
 * quickly, a save overtakes the reads still waiting, and the reads absorb the wait — which someone has
 * to when more is asked than the machine does.
 */
export function registerAdmission(app: FastifyInstance, options: AdmissionOptions): void {
  const queue = new PQueue({ concurrency: options.maxActive });
  app.addHook("onRequest", (request, reply, done) => {
    if (!isAdmitted(request, options.streaming)) {
      done();
      return;
    }
    let gone = false;
    reply.raw.once("close", () => {
      gone = true;
    });
    void queue.add(
      () =>
        new Promise<void>((release) => {
          // A client that gave up while queued frees its turn at once; its request is not worked on.
          if (gone) {
            release();
            return;
          }
          reply.raw.once("close", () => release());
          done();
        }),
      { priority: request.method === "POST" ? WRITE_PRIORITY : READ_PRIORITY },
    );
  });
}
