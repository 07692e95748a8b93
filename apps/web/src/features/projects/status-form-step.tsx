import {
  type ApplicationStatus,
  applicationStatusLabels,
  applicationTransitions,
  type Label,
  type ProjectStatus,
  projectStatusLabels,
  projectTransitions,
} from "@trame/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format.ts";
import { FormRadioGroup, FormTextArea, FormTextField } from "../../ui/schema-form.tsx";
import { useOfferedOnly } from "./status-form-offered.ts";

/** One step of a workflow of @trame/core, as its procedure takes it: the next status, dated and commented. */
interface Steps<S extends string> {
  transitions: Readonly<Record<S, readonly S[]>>;
  labels: Readonly<Record<S, Label>>;
  /** The procedure's names for the next status and its date (the comment is "comment" in both). */
  fields: { step: string; date: string };
  /** The i18n block wording the step ("next", "comment", "commentHint"), and the date's label in it. */
  texts: "projects.status" | "projects.funding";
  dateLabel: "projects.status.changedOn" | "projects.funding.on";
}

export const projectSteps: Steps<ProjectStatus> = {
  transitions: projectTransitions,
  labels: projectStatusLabels,
  fields: { step: "status", date: "changedOn" },
  texts: "projects.status",
  dateLabel: "projects.status.changedOn",
};

export const applicationSteps: Steps<ApplicationStatus> = {
  transitions: applicationTransitions,
  labels: applicationStatusLabels,
  fields: { step: "to", date: "on" },
  texts: "projects.funding",
  dateLabel: "projects.funding.on",
};

interface StepFieldsProps<S extends string> {
  steps: Steps<S>;
  /** The current status, as last read: a colleague's move changes it, and so the choices. */
  from: S;
  /** A hint of this step alone (why a comment is required), instead of the block's own. */
  commentHint?: string | undefined;
  /** Fields of this workflow alone, between the date and the comment. */
  children?: ReactNode;
}

/**
 * The next status among the moves the workflow allows (one a colleague's move has withdrawn is unpicked,
 * not sent unseen), its date and a comment.
 */
export function FormStepFields<S extends string>({ steps, from, commentHint, children }: StepFieldsProps<S>) {
  const { t } = useTranslation();
  const format = useFormat();
  const allowed = steps.transitions[from];
  useOfferedOnly(steps.fields.step, allowed);
  return (
    <>
      <FormRadioGroup
        name={steps.fields.step}
        label={t(`${steps.texts}.next`)}
        options={allowed.map((value) => ({ value, label: format.label(steps.labels[value]) }))}
      />
      <FormTextField name={steps.fields.date} type="date" label={t(steps.dateLabel)} />
      {children}
      <FormTextArea
        name="comment"
        label={t(`${steps.texts}.comment`)}
        hint={commentHint ?? t(`${steps.texts}.commentHint`)}
        rows={3}
      />
    </>
  );
}
