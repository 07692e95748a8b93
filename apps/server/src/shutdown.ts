import type { Logger } from "pino";

/**
 * SIGTERM (orchestrator) and SIGINT (Ctrl-C): run the steps in order (stop accepting and drain requests,
 * stop the jobs, close the rest, the database last), then exit 0.
 *
 * While stopping, a promise rejected with nobody awaiting it is logged, not a crash: pg-boss records a
 * job's outcome without awaiting it (its manager's `this.complete(...)`), so a job that ends while the
 * pool closes rejects there ("Cannot use a pool after calling end on the pool", seen under `bench:live`).
 * Nothing is lost: the job's row stays active and runs again once it expires. Outside a shutdown such a
 * rejection still ends the process, as Node's default does.
 */
export function exitGracefullyOnSignals(log: Pick<Logger, "info" | "warn">, steps: ReadonlyArray<() => unknown>): void {
  let stopping = false;
  process.on("unhandledRejection", (reason) => {
    if (!stopping) throw reason;
    log.warn({ err: reason }, "late failure while shutting down (ignored) / échec tardif pendant l'arrêt (ignoré)");
  });
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, async () => {
      if (stopping) return;
      stopping = true;
      log.info({ signal }, "shutting down");
      for (const step of steps) await step();
      process.exit(0);
    });
  }
}
