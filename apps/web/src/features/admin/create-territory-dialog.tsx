import { createTerritoryInputSchema, OTHER_BODY_KINDS, territoryKindLabels } from "@trame/core";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format.ts";
import { invalidate, trpc } from "../../lib/trpc.ts";
import { useSchemaForm } from "../../lib/use-schema-form.ts";
import { FormNumberField, FormSelectField, FormTextField } from "../../ui/schema-form.tsx";
import { parseDepartements } from "./territory-values.ts";
import { AdminForm, AdminFormDialog } from "./user-form-dialog.tsx";

type BodyKind = (typeof OTHER_BODY_KINDS)[number];
type Created = { id: string; name: string };

/** EPCI come from the official list; every other public body (syndicat, PETR, foreign partner…) is added here. */
export function CreateTerritoryDialog({ onCreated }: { onCreated: (territory: Created) => void }) {
  return (
    <AdminFormDialog texts="admin.createTerritory">
      {(close) => <CreateTerritoryForm close={close} onCreated={onCreated} />}
    </AdminFormDialog>
  );
}

function CreateTerritoryForm({ close, onCreated }: { close: () => void; onCreated: (territory: Created) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const form = useSchemaForm({
    // The same ids as the territory editor's fields.
    idPrefix: "territory",
    defaultValues: {
      name: "",
      kind: "syndicat_mixte" as BodyKind,
      siren: "",
      country: "FR",
      population: null as number | null,
      departements: "",
    },
    schema: createTerritoryInputSchema,
    toInput: (values) => ({
      ...values,
      siren: values.siren.trim() || undefined,
      country: values.country.trim().toUpperCase(),
      population: values.population ?? undefined,
      departements: parseDepartements(values.departements),
    }),
    mutation: trpc.territory.create.mutationOptions({
      onSuccess(created) {
        invalidate(trpc.territory.search.pathFilter());
        onCreated(created);
        close();
      },
    }),
  });

  return (
    <AdminForm form={form} texts="admin.createTerritory" close={close}>
      <FormTextField name="name" label={t("admin.territory.name")} />
      <FormSelectField
        name="kind"
        label={t("admin.territory.kind")}
        options={OTHER_BODY_KINDS.map((kind) => ({ value: kind, label: format.label(territoryKindLabels[kind]) }))}
      />
      <div className="form__row">
        <FormTextField
          name="siren"
          label={t("admin.territory.siren")}
          hint={t("admin.territory.sirenHint")}
          inputMode="numeric"
        />
        <FormTextField
          name="country"
          label={t("admin.territory.country")}
          hint={t("admin.territory.countryHint")}
          maxLength={2}
        />
      </div>
      <FormNumberField
        name="population"
        label={t("admin.territory.population")}
        formatOptions={{ maximumFractionDigits: 0 }}
      />
      <FormTextField
        name="departements"
        label={t("admin.territory.departements")}
        hint={t("admin.territory.departementsHint")}
      />
    </AdminForm>
  );
}
