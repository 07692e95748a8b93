/** National size (ARCHITECTURE §6): 20k users, 50k projects, 1M actions, 200k applications; one cooperation per five projects. */
const NATIONAL = { users: 20_000, projects: 50_000, actions: 1_000_000, applications: 200_000 };

export interface DatasetSize {
  users: number;
  cooperations: number;
  projects: number;
  actions: number;
  applications: number;
}

export function datasetSize(factor: number): DatasetSize {
  const projects = Math.max(50, Math.round(NATIONAL.projects * factor));
  return {
    users: Math.max(20, Math.round(NATIONAL.users * factor)),
    cooperations: Math.max(10, Math.round(projects / 5)),
    projects,
    actions: Math.max(500, Math.round(NATIONAL.actions * factor)),
    applications: Math.max(100, Math.round(NATIONAL.applications * factor)),
  };
}
