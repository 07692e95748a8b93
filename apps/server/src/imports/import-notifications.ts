import { IMPORTED_TITLES_SHOWN } from "@trame/core";
import { type Database, type ImportedAction, type Kysely, listImportedActions } from "@trame/db";
import { type NotificationJobs, queueNotification } from "../jobs/notification-fanout.job.ts";

/**
 * Tells followers of an import's new actions with the same fan-out as action.create (same job,
 * audience and read-time checks), but ONE event per place the file wrote into — the cooperation
 * itself, and each project — rather than one per row: a 300-row file must not become 300
 * notifications (or 300 e-mails for whoever chose "immediately"), and one line per place reads well
 * in a digest. Not one event for the whole commit: partners-only projects are checked per project,
 * so a restricted project's titles and count must travel in an event scoped to that project.
 * Queued in the commit's transaction: nothing is told of a rolled-back import.
 */
export async function queueImportedActions(
  trx: Kysely<Database>,
  jobs: NotificationJobs | undefined,
  actorId: string,
  importRunId: string,
  actionIds: readonly string[],
): Promise<number> {
  if (!jobs || actionIds.length === 0) return 0;
  const found = new Map((await listImportedActions(trx, actionIds)).map((a) => [a.id, a]));
  const places = new Map<string, ImportedAction[]>();
  for (const id of actionIds) {
    const action = found.get(id);
    if (!action) continue;
    const key = action.projectId ?? `cooperation:${action.cooperationId}`;
    const list = places.get(key);
    if (list) list.push(action);
    else places.set(key, [action]);
  }
  for (const actions of places.values()) {
    const [first] = actions;
    if (!first) continue;
    await queueNotification(trx, jobs, actorId, {
      kind: "actions_imported",
      cooperationId: first.cooperationId,
      cooperationName: first.cooperationName,
      projectId: first.projectId,
      projectTitle: first.projectTitle,
      importRunId,
      count: actions.length,
      actionTitles: actions.slice(0, IMPORTED_TITLES_SHOWN).map((a) => a.title),
    });
  }
  return places.size;
}
