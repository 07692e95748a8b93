import type { ProjectStatus } from "../enums/project.ts";

/**
 * The life of a joint project: idea → planned → in progress → completed, with suspension and
 * abandonment possible until completion. Completed and abandoned are final: a new phase is a new project.
 */
export const projectTransitions: Record<ProjectStatus, readonly ProjectStatus[]> = {
  idea: ["planned", "abandoned"],
  planned: ["in_progress", "suspended", "abandoned"],
  in_progress: ["completed", "suspended", "abandoned"],
  suspended: ["planned", "in_progress", "abandoned"],
  completed: [],
  abandoned: [],
};

export function canMoveProject(from: ProjectStatus, to: ProjectStatus): boolean {
  return projectTransitions[from].includes(to);
}
