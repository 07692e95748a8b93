import { ACTION_KINDS, type ActionKind, actionKindLabels } from "@trame/core";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format.ts";
import { FormCheckboxGroup, FormSelectField, FormTextArea, FormTextField } from "../../ui/schema-form.tsx";

export interface ActionValues {
  occurredOn: string;
  kind: ActionKind;
  title: string;
  notes: string;
  territoryIds: string[];
}

/** The labels, also naming the fields in a conflict's comparison. */
export function useActionLabels(): Record<keyof ActionValues, string> {
  const { t } = useTranslation();
  return {
    occurredOn: t("projects.actions.date"),
    kind: t("projects.actions.kind"),
    title: t("projects.actions.title"),
    notes: t("projects.actions.notes"),
    territoryIds: t("projects.actions.territories"),
  };
}

/**
 * What an action records, the same whether it is being logged or corrected, as fields of the enclosing
 * SchemaForm. `territories`: those that may be involved, the project's partners.
 */
export function ActionFields({ territories }: { territories: readonly { id: string; name: string }[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useActionLabels();
  return (
    <>
      <div className="form__row">
        <FormTextField name="occurredOn" type="date" label={labels.occurredOn} />
        <FormSelectField
          name="kind"
          label={labels.kind}
          options={ACTION_KINDS.map((kind) => ({ value: kind, label: format.label(actionKindLabels[kind]) }))}
        />
      </div>
      <FormTextField name="title" label={labels.title} hint={t("projects.actions.titleHint")} />
      <FormTextArea name="notes" label={labels.notes} hint={t("projects.actions.notesHint")} rows={3} />
      <FormCheckboxGroup
        name="territoryIds"
        label={labels.territoryIds}
        hint={t("projects.actions.territoriesHint")}
        options={territories.map((territory) => ({ value: territory.id, label: territory.name }))}
      />
    </>
  );
}
