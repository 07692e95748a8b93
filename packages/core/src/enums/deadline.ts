import { z } from "zod";
import type { Label } from "./label.ts";

/**
 * The dates a project team must not miss: filing a draft application, spending a granted aid before
 * the funder's deadline (or losing it), and the planned end of a project still under way.
 */
export const DEADLINE_KINDS = ["submission", "spending", "project_end"] as const;
export const deadlineKindSchema = z.enum(DEADLINE_KINDS);
export type DeadlineKind = z.infer<typeof deadlineKindSchema>;
export const deadlineKindLabels: Record<DeadlineKind, Label> = {
  submission: { fr: "Date limite de dépôt", en: "Submission deadline" },
  spending: { fr: "Date limite de réalisation des dépenses", en: "Spending deadline" },
  project_end: { fr: "Fin prévue du projet", en: "Planned project end" },
};
