import { updateTerritoryInputSchema } from "@trame/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format.ts";
import { draftKey } from "../../lib/session-draft.ts";
import { queryClient, trpc } from "../../lib/trpc.ts";
import { trameErrorOf } from "../../lib/trpc-error.ts";
import { useVersionedEdit } from "../../lib/use-versioned-edit.ts";
import { useLastChange, useVersionedSave } from "../../lib/use-versioned-save.ts";
import { serverFieldErrors, useFieldErrorText } from "../../ui/field-errors.ts";
import { TextField } from "../../ui/fields.tsx";
import { NumberInputField } from "../../ui/number-field.tsx";
import { OfflineNotice } from "../../ui/offline-notice.tsx";
import { useErrorText } from "../../ui/query-error.tsx";
import { VersionedEditNotices } from "../../ui/versioned-edit-notices.tsx";
import { useSession } from "../auth/use-session.ts";
import {
  TERRITORY_FIELD_IDS,
  type TerritoryEditValues,
  territoryEditValues,
  territoryPatch,
} from "./territory-values.ts";

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
  const format = useFormat();
  const errorText = useErrorText();
  const userId = useSession().data?.id ?? "";
  const edit = useVersionedEdit(draftKey(userId, "territory", territory.id), TEMPLATE);
  const [saved, setSaved] = useState(false);
  const { values } = edit;

  const { update, localErrors, fieldErrors, submit, reapply, discard } = useVersionedSave({
    edit,
    mutation: trpc.territory.update.mutationOptions({
      onSuccess(saved) {
        queryClient.setQueryData(trpc.territory.get.queryKey({ id: saved.id }), (old) => old && { ...old, ...saved });
        void queryClient.invalidateQueries(trpc.territory.pathFilter());
        void queryClient.invalidateQueries(trpc.audit.pathFilter());
        edit.finish();
        setSaved(true);
      },
    }),
    parse: (next) =>
      updateTerritoryInputSchema.safeParse({ id: territory.id, version: next.version, ...territoryPatch(next.patch) }),
    fieldIds: TERRITORY_FIELD_IDS,
    id: territory.id,
    asStored: asStoredTerritory,
    toValues: territoryEditValues,
    onStale() {
      void queryClient.invalidateQueries(trpc.territory.get.queryFilter({ id: territory.id }));
      void queryClient.invalidateQueries(trpc.audit.pathFilter());
    },
  });
  const latest = useLastChange("territory", territory.id, edit.conflict !== null);

  const labels: Record<keyof TerritoryEditValues, string> = {
    name: t("admin.territory.name"),
    population: t("admin.territory.population"),
    departements: t("admin.territory.departements"),
  };

  const fieldError = useFieldErrorText(fieldErrors);

  if (!edit.editing) {
    return (
      <div className="form__actions">
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            setSaved(false);
            update.reset();
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

  const isConflict = trameErrorOf(update.error)?.code === "CONFLICT";
  const summary = localErrors.length
    ? t("admin.fixFields")
    : update.error && !isConflict && !serverFieldErrors(update.error).length
      ? errorText(update.error)
      : null;
  const display = (key: keyof TerritoryEditValues, version: TerritoryEditValues) =>
    key === "population"
      ? version.population === null
        ? "—"
        : format.number(version.population)
      : version[key] || "—";

  return (
    <section aria-labelledby="territory-edit-title">
      <h3 id="territory-edit-title">{t("admin.territory.editTitle")}</h3>
      <VersionedEditNotices
        edit={edit}
        values={values}
        labels={labels}
        display={display}
        latest={latest}
        pending={update.isPending}
        onReapply={reapply}
        onDiscard={discard}
        summary={summary}
      />
      <form className="form" onSubmit={submit} noValidate>
        <TextField
          id={TERRITORY_FIELD_IDS.name}
          label={labels.name}
          error={fieldError("name")}
          value={values.name}
          onChange={(event) => edit.set("name", event.target.value)}
        />
        <NumberInputField
          id={TERRITORY_FIELD_IDS.population}
          label={labels.population}
          error={fieldError("population")}
          value={values.population}
          formatOptions={{ maximumFractionDigits: 0 }}
          onChange={(population) => edit.set("population", population)}
        />
        <TextField
          id={TERRITORY_FIELD_IDS.departements}
          label={labels.departements}
          hint={t("admin.territory.departementsHint")}
          error={fieldError("departements")}
          value={values.departements}
          onChange={(event) => edit.set("departements", event.target.value)}
        />
        <OfflineNotice paused={update.isPaused} />
        <div className="form__actions">
          <button type="submit" className="button" disabled={update.isPending || edit.conflict !== null}>
            {update.isPending ? t("admin.saving") : t("admin.save")}
          </button>
          <button type="button" className="button button--secondary" onClick={edit.finish} disabled={update.isPending}>
            {t("admin.cancel")}
          </button>
        </div>
      </form>
    </section>
  );
}
