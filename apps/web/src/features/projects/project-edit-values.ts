import { THEMES, type Theme, type UpdateProjectInput, type Visibility } from "@trame/core";
import { centsOf } from "../../ui/money-field.tsx";
import type { ProjectDetail } from "./project-model.ts";

/** The project's main fields as the edit form holds them (dates as typed). */
export interface ProjectEditValues {
  title: string;
  summary: string;
  themes: Theme[];
  startedOn: string;
  endedOn: string;
  /** In euros as typed; named for the API's field, whose errors then land on it. */
  budgetCents: number | null;
  visibility: Visibility;
}

export const EMPTY_PROJECT_VALUES: ProjectEditValues = {
  title: "",
  summary: "",
  themes: [],
  startedOn: "",
  endedOn: "",
  budgetCents: null,
  visibility: "network",
};

// Themes in the canonical order, so a different stored order is not taken for a change.
const ordered = (themes: readonly Theme[]) => THEMES.filter((theme) => themes.includes(theme));

export function projectValues(project: ProjectDetail): ProjectEditValues {
  return {
    title: project.title,
    summary: project.summary,
    themes: ordered(project.themes),
    startedOn: project.startedOn ?? "",
    endedOn: project.endedOn ?? "",
    budgetCents: project.budgetCents === null ? null : project.budgetCents / 100,
    visibility: project.visibility,
  };
}

type ProjectPatch = Omit<UpdateProjectInput, "id" | "version">;

/** Only the changed fields, in the API's terms: euros become whole cents, an emptied date or budget becomes null. */
export function projectPatch(changed: Partial<ProjectEditValues>): ProjectPatch {
  const { startedOn, endedOn, budgetCents, ...same } = changed;
  return {
    ...same,
    ...(startedOn !== undefined && { startedOn: startedOn || null }),
    ...(endedOn !== undefined && { endedOn: endedOn || null }),
    ...(budgetCents !== undefined && { budgetCents: centsOf(budgetCents) ?? null }),
  };
}
