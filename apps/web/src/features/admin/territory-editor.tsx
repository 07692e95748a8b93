import { updateTerritoryInputSchema } from "@trame/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format.ts";
import { draftKey } from "../../lib/session-draft.ts";
import { invalidate, queryClient, trpc } from "../../lib/trpc.ts";
import { useVersionedEdit, type VersionedEdit } from "../../lib/use-versioned-edit.ts";
import { useVersionedSchemaForm } from "../../lib/use-versioned-schema-form.ts";
import { FormNumberField, FormTextField } from "../../ui/schema-form.tsx";
import { useEditTexts, VersionedEditForm } from "../../ui/versioned-edit-notices.tsx";
import { useSession } from "../auth/use-session.ts";
import { type TerritoryEditValues, territoryEditValues, territoryPatch } from "./territory-values.ts";

interface StoredTerritory {
  id: string;
  name: string;
  population: number | null;
  departements: string[];
  version: number;
}

const TEMPLATE: TerritoryEditValues = { name: "", population: null, departements: "" };

function asStoredTerritory(current: unknown, id: string): StoredTerritory | null {
  if (typeof current !== "object" || current === null) return null;
  const candidate = current as Partial<StoredTerritory>;
  return candidate.id === id && typeof candidate.version === "number" ? (current as StoredTerritory) : null;
}

/** Name, population and départements of a body added by hand; a colleague's save in between is shown, not lost. */
export function TerritoryEditor({ territory }: { territory: StoredTerritory }) {
  const { t } = useTranslation();
  const userId = useSession().data?.id ?? "";
  const edit = useVersionedEdit(draftKey(userId, "territory", territory.id), TEMPLATE);
  const [saved, setSaved] = useState(false);

  if (edit.editing) return <TerritoryEditForm territory={territory} edit={edit} onSaved={() => setSaved(true)} />;
  return (
    <div className="form__actions">
      <button
        type="button"
        className="button button--secondary"
        onClick={() => {
          setSaved(false);
          edit.start(territoryEditValues(territory), territory.version);
        }}
      >
        {t("admin.territory.edit")}
      </button>
      <p role="status" className="admin-status">
        {saved ? t("admin.territory.saved") : null}
      </p>
    </div>
  );
}

interface TerritoryEditFormProps {
  territory: StoredTerritory;
  edit: VersionedEdit<TerritoryEditValues>;
  onSaved: () => void;
}

function TerritoryEditForm({ territory, edit, onSaved }: TerritoryEditFormProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const form = useVersionedSchemaForm({
    edit,
    idPrefix: "territory-edit",
    schema: updateTerritoryInputSchema,
    toInput: (patch, version) => ({ id: territory.id, version, ...territoryPatch(patch) }),
    mutation: trpc.territory.update.mutationOptions({
      onSuccess(saved) {
        queryClient.setQueryData(trpc.territory.get.queryKey({ id: saved.id }), (old) => old && { ...old, ...saved });
        invalidate(trpc.territory.pathFilter(), trpc.audit.pathFilter());
        onSaved();
      },
    }),
    id: territory.id,
    history: "territory",
    asStored: asStoredTerritory,
    toValues: territoryEditValues,
    onStale: () => invalidate(trpc.territory.get.queryFilter({ id: territory.id }), trpc.audit.pathFilter()),
  });

  const labels: Record<keyof TerritoryEditValues, string> = {
    name: t("admin.territory.name"),
    population: t("admin.territory.population"),
    departements: t("admin.territory.departements"),
  };

  return (
    <VersionedEditForm
      form={form}
      heading={{ text: t("admin.territory.editTitle"), level: 3 }}
      labels={labels}
      display={{ population: format.number }}
      texts={useEditTexts("admin")}
    >
      <FormTextField name="name" label={labels.name} />
      <FormNumberField name="population" label={labels.population} formatOptions={{ maximumFractionDigits: 0 }} />
      <FormTextField name="departements" label={labels.departements} hint={t("admin.territory.departementsHint")} />
    </VersionedEditForm>
  );
}
