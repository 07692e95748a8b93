import { type Actor, canEditProject, type StoredProjectAccess } from "@trame/core";
import type { inferOutput } from "@trpc/tanstack-react-query";
import type { trpc } from "../../lib/trpc.ts";
import { useSession } from "../auth/use-session.ts";

export type ProjectDetail = inferOutput<typeof trpc.project.get>;
export type JointAction = inferOutput<typeof trpc.action.list>["items"][number];
export type ActionPage = inferOutput<typeof trpc.action.list>;
export type ProjectDocument = inferOutput<typeof trpc.document.list>[number];

/** The signed-in user as the access rules of @trame/core read them (the server decides; this only hides buttons). */
export function useActor(): Actor | null {
  const session = useSession();
  const user = session.data;
  if (!user) return null;
  return { userId: user.id, isInstanceAdmin: user.isInstanceAdmin, memberships: user.memberships };
}

export function projectAccess(project: ProjectDetail): StoredProjectAccess {
  return {
    visibility: project.visibility,
    partners: project.partners.map((p) => ({ territoryId: p.territory.id, role: p.role })),
  };
}

/** Editors of a partner edit and log actions, unless the project is archived (read-only). */
export function useCanEditProject(project: ProjectDetail): boolean {
  const actor = useActor();
  return actor !== null && !project.archived && canEditProject(actor, projectAccess(project));
}

/** A conflict's `current` is the stored project as the server read it; checked before the form trusts it. */
export function asStoredProject(current: unknown, id: string): ProjectDetail | null {
  if (typeof current !== "object" || current === null) return null;
  const candidate = current as Partial<ProjectDetail>;
  return candidate.id === id && typeof candidate.version === "number" ? (current as ProjectDetail) : null;
}
