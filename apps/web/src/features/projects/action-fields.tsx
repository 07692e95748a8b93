import { ACTION_KINDS, type ActionKind, actionKindLabels } from "@trame/core";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format.ts";
import { CheckboxGroupField } from "../../ui/choice-fields.tsx";
import { SelectField, TextField } from "../../ui/fields.tsx";
import { TextAreaField } from "../../ui/text-area-field.tsx";

export interface ActionValues {
  occurredOn: string;
  kind: ActionKind;
  title: string;
  notes: string;
  territoryIds: string[];
}

export type ActionFieldIds = Record<Exclude<keyof ActionValues, "territoryIds">, string>;

/** Ids for one form's fields: the quick form and the edit dialog are on the page together. */
export function actionFieldIds(prefix: string): ActionFieldIds {
  return {
    occurredOn: `${prefix}-date`,
    kind: `${prefix}-kind`,
    title: `${prefix}-title`,
    notes: `${prefix}-notes`,
  };
}

interface ActionFieldsProps {
  ids: ActionFieldIds;
  values: ActionValues;
  onChange: <K extends keyof ActionValues>(key: K, value: ActionValues[K]) => void;
  fieldError: (field: string) => string | undefined;
  /** The territories that may be involved: the project's partners. */
  territories: readonly { id: string; name: string }[];
}

/** What an action records, the same whether it is being logged or corrected. */
export function ActionFields({ ids, values, onChange, fieldError, territories }: ActionFieldsProps) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <>
      <div className="form__row">
        <TextField
          id={ids.occurredOn}
          type="date"
          label={t("projects.actions.date")}
          error={fieldError("occurredOn")}
          value={values.occurredOn}
          onChange={(event) => onChange("occurredOn", event.target.value)}
        />
        <SelectField
          id={ids.kind}
          label={t("projects.actions.kind")}
          error={fieldError("kind")}
          options={ACTION_KINDS.map((kind) => ({ value: kind, label: format.label(actionKindLabels[kind]) }))}
          value={values.kind}
          onChange={(event) => {
            const kind = ACTION_KINDS.find((k) => k === event.target.value);
            if (kind) onChange("kind", kind);
          }}
        />
      </div>
      <TextField
        id={ids.title}
        label={t("projects.actions.title")}
        hint={t("projects.actions.titleHint")}
        error={fieldError("title")}
        value={values.title}
        onChange={(event) => onChange("title", event.target.value)}
      />
      <TextAreaField
        id={ids.notes}
        label={t("projects.actions.notes")}
        hint={t("projects.actions.notesHint")}
        error={fieldError("notes")}
        value={values.notes}
        rows={3}
        onChange={(notes) => onChange("notes", notes)}
      />
      <CheckboxGroupField
        label={t("projects.actions.territories")}
        hint={t("projects.actions.territoriesHint")}
        error={fieldError("territoryIds")}
        options={territories.map((territory) => ({ value: territory.id, label: territory.name }))}
        value={values.territoryIds}
        onChange={(ids) => onChange("territoryIds", ids)}
      />
    </>
  );
}
