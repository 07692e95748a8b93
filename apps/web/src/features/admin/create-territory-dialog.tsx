import { useMutation } from "@tanstack/react-query";
import {
  createTerritoryInputSchema,
  type FieldError,
  fieldErrorsFromZod,
  OTHER_BODY_KINDS,
  territoryKindLabels,
} from "@trame/core";
import { type FormEvent, useState } from "react";
import { Button, DialogTrigger } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format.ts";
import { handleExpiredSession } from "../../lib/session-draft.ts";
import { queryClient, trpc } from "../../lib/trpc.ts";
import { ModalDialog } from "../../ui/dialog.tsx";
import { DialogActions } from "../../ui/dialog-actions.tsx";
import { focusFirstInvalid, serverFieldErrors, useFieldErrorText } from "../../ui/field-errors.ts";
import { SelectField, TextField } from "../../ui/fields.tsx";
import { NumberInputField } from "../../ui/number-field.tsx";
import { useErrorText } from "../../ui/query-error.tsx";
import { parseDepartements, TERRITORY_FIELD_IDS } from "./territory-values.ts";

type BodyKind = (typeof OTHER_BODY_KINDS)[number];

/** EPCI come from the official list; every other public body (syndicat, PETR, foreign partner…) is added here. */
export function CreateTerritoryDialog({ onCreated }: { onCreated: (territory: { id: string; name: string }) => void }) {
  const { t } = useTranslation();
  return (
    <DialogTrigger>
      <Button className="button">{t("admin.createTerritory.open")}</Button>
      <ModalDialog title={t("admin.createTerritory.title")} isDismissable={false}>
        {(close) => (
          <CreateTerritoryForm
            close={close}
            onCreated={(territory) => {
              onCreated(territory);
              close();
            }}
          />
        )}
      </ModalDialog>
    </DialogTrigger>
  );
}

function CreateTerritoryForm({
  close,
  onCreated,
}: {
  close: () => void;
  onCreated: (territory: { id: string; name: string }) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const errorText = useErrorText();
  const [values, setValues] = useState({
    name: "",
    kind: "syndicat_mixte" as BodyKind,
    siren: "",
    population: null as number | null,
    departements: "",
    country: "FR",
  });
  const [localErrors, setLocalErrors] = useState<FieldError[]>([]);

  const create = useMutation(
    trpc.territory.create.mutationOptions({
      onSuccess(created) {
        void queryClient.invalidateQueries(trpc.territory.search.pathFilter());
        onCreated(created);
      },
      onError(error) {
        if (handleExpiredSession(error)) return;
        focusFirstInvalid(serverFieldErrors(error), TERRITORY_FIELD_IDS);
      },
    }),
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = createTerritoryInputSchema.safeParse({
      name: values.name,
      kind: values.kind,
      siren: values.siren.trim() || undefined,
      population: values.population ?? undefined,
      departements: parseDepartements(values.departements),
      country: values.country.trim().toUpperCase(),
    });
    if (!parsed.success) {
      const errors = fieldErrorsFromZod(parsed.error);
      create.reset();
      setLocalErrors(errors);
      focusFirstInvalid(errors, TERRITORY_FIELD_IDS);
      return;
    }
    setLocalErrors([]);
    create.mutate(parsed.data);
  }

  const fieldError = useFieldErrorText(localErrors.length ? localErrors : serverFieldErrors(create.error));
  const summary =
    create.error && !localErrors.length && !serverFieldErrors(create.error).length ? errorText(create.error) : null;

  return (
    <form className="form" onSubmit={submit} noValidate>
      {summary && (
        <div className="alert alert--error" role="alert">
          <p>{summary}</p>
        </div>
      )}
      <TextField
        id={TERRITORY_FIELD_IDS.name}
        label={t("admin.territory.name")}
        error={fieldError("name")}
        value={values.name}
        onChange={(event) => setValues({ ...values, name: event.target.value })}
      />
      <SelectField
        id={TERRITORY_FIELD_IDS.kind}
        label={t("admin.territory.kind")}
        error={fieldError("kind")}
        options={OTHER_BODY_KINDS.map((kind) => ({ value: kind, label: format.label(territoryKindLabels[kind]) }))}
        value={values.kind}
        onChange={(event) => {
          const kind = OTHER_BODY_KINDS.find((k) => k === event.target.value);
          if (kind) setValues({ ...values, kind });
        }}
      />
      <div className="form__row">
        <TextField
          id={TERRITORY_FIELD_IDS.siren}
          label={t("admin.territory.siren")}
          hint={t("admin.territory.sirenHint")}
          error={fieldError("siren")}
          inputMode="numeric"
          value={values.siren}
          onChange={(event) => setValues({ ...values, siren: event.target.value })}
        />
        <TextField
          id={TERRITORY_FIELD_IDS.country}
          label={t("admin.territory.country")}
          hint={t("admin.territory.countryHint")}
          error={fieldError("country")}
          maxLength={2}
          value={values.country}
          onChange={(event) => setValues({ ...values, country: event.target.value })}
        />
      </div>
      <NumberInputField
        id={TERRITORY_FIELD_IDS.population}
        label={t("admin.territory.population")}
        error={fieldError("population")}
        value={values.population}
        formatOptions={{ maximumFractionDigits: 0 }}
        onChange={(population) => setValues({ ...values, population })}
      />
      <TextField
        id={TERRITORY_FIELD_IDS.departements}
        label={t("admin.territory.departements")}
        hint={t("admin.territory.departementsHint")}
        error={fieldError("departements")}
        value={values.departements}
        onChange={(event) => setValues({ ...values, departements: event.target.value })}
      />
      <DialogActions
        pending={create.isPending}
        paused={create.isPaused}
        saveLabel={t("admin.createTerritory.save")}
        savingLabel={t("admin.createTerritory.saving")}
        cancelLabel={t("admin.cancel")}
        onCancel={close}
      />
    </form>
  );
}
