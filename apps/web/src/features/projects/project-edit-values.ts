import { THEMES, type Theme, type UpdateProjectInput, type Visibility } from "@trame/core";
import type { ProjectDetail } from "./project-model.ts";

/** The project's main fields as the edit form holds them (dates as typed, the budget in euros). */
export interface ProjectEditValues {
  title: string;
  summary: string;
  themes: Theme[];
  startedOn: string;
  endedOn: string;
  budgetEuros: number | null;
  visibility: Visibility;
}

export const EMPTY_PROJECT_VALUES: ProjectEditValues = {
  title: "",
  summary: "",
  themes: [],
  startedOn: "",
  endedOn: "",
  budgetEuros: null,
  visibility: "network",
};

/** Form field ids, by the name the server uses for the field in its errors. */
export const PROJECT_FIELD_IDS = {
  title: "project-title",
  summary: "project-summary",
  startedOn: "project-started-on",
  endedOn: "project-ended-on",
  budgetCents: "project-budget",
} as const;

// Themes in the canonical order, so a different stored order is not taken for a change.
const ordered = (themes: readonly Theme[]) => THEMES.filter((theme) => themes.includes(theme));

export function projectValues(project: ProjectDetail): ProjectEditValues {
  return {
    title: project.title,
    summary: project.summary,
    themes: ordered(project.themes),
    startedOn: project.startedOn ?? "",
    endedOn: project.endedOn ?? "",
    budgetEuros: project.budgetCents === null ? null : project.budgetCents / 100,
    visibility: project.visibility,
  };
}

type ProjectPatch = Omit<UpdateProjectInput, "id" | "version">;

/** Only the changed fields, in the API's terms: euros become whole cents, an emptied date becomes null. */
export function projectPatch(changed: Partial<ProjectEditValues>): ProjectPatch {
  const patch: ProjectPatch = {};
  if (changed.title !== undefined) patch.title = changed.title;
  if (changed.summary !== undefined) patch.summary = changed.summary;
  if (changed.themes !== undefined) patch.themes = changed.themes;
  if (changed.startedOn !== undefined) patch.startedOn = changed.startedOn || null;
  if (changed.endedOn !== undefined) patch.endedOn = changed.endedOn || null;
  if ("budgetEuros" in changed) {
    patch.budgetCents = changed.budgetEuros == null ? null : Math.round(changed.budgetEuros * 100);
  }
  if (changed.visibility !== undefined) patch.visibility = changed.visibility;
  return patch;
}
