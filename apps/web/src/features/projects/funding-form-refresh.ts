import { invalidate, trpc } from "../../lib/trpc.ts";

/** What any write to an application moves: the applications, the financing plan, the timelines and the history. */
export function refreshFunding(): void {
  invalidate(
    trpc.funding.pathFilter(),
    trpc.financing.pathFilter(),
    trpc.timeline.pathFilter(),
    trpc.audit.pathFilter(),
  );
}
