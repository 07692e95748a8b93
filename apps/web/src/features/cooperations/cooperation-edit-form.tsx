import { ENGINEERING_KINDS, engineeringKindLabels, updateCooperationInputSchema } from "@trame/core";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format.ts";
import { queryClient, trpc } from "../../lib/trpc.ts";
import { trameErrorOf } from "../../lib/trpc-error.ts";
import type { useVersionedEdit } from "../../lib/use-versioned-edit.ts";
import { useLastChange, useVersionedSave } from "../../lib/use-versioned-save.ts";
import { useFieldErrorText } from "../../ui/field-errors.ts";
import { SelectField, TextField } from "../../ui/fields.tsx";
import { NumberInputField } from "../../ui/number-field.tsx";
import { OfflineNotice } from "../../ui/offline-notice.tsx";
import { useErrorText } from "../../ui/query-error.tsx";
import { TextAreaField } from "../../ui/text-area-field.tsx";
import { VersionedEditNotices } from "../../ui/versioned-edit-notices.tsx";
import {
  asStoredCooperation,
  COOPERATION_FIELD_IDS,
  type CooperationDetail,
  type CooperationEditValues,
  cooperationPatch,
  cooperationValues,
} from "./cooperation-model.ts";

interface CooperationEditFormProps {
  cooperation: CooperationDetail;
  edit: ReturnType<typeof useVersionedEdit<CooperationEditValues>>;
}

/** The shared narrative and the engineering: what the study names as the keys of a lasting cooperation. */
export function CooperationEditForm({ cooperation, edit }: CooperationEditFormProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const errorText = useErrorText();
  const { values } = edit;

  const { update, localErrors, fieldErrors, submit, reapply, discard } = useVersionedSave({
    edit,
    mutation: trpc.cooperation.update.mutationOptions({
      onSuccess(saved) {
        queryClient.setQueryData(trpc.cooperation.get.queryKey({ id: saved.id }), saved);
        // Adopting the narrative is an event of the cooperation's life, on its members' timelines.
        void queryClient.invalidateQueries(trpc.timeline.pathFilter());
        void queryClient.invalidateQueries(trpc.audit.pathFilter());
        edit.finish();
      },
    }),
    parse: (next) =>
      updateCooperationInputSchema.safeParse({
        id: cooperation.id,
        version: next.version,
        // The schema defaults an absent sourceUrl to null (a default inside .optional() still applies in
        // zod 4), which would erase the source: resend the stored one, unchanged at this version.
        sourceUrl: cooperation.sourceUrl,
        ...cooperationPatch(next.patch),
      }),
    fieldIds: COOPERATION_FIELD_IDS,
    id: cooperation.id,
    asStored: asStoredCooperation,
    toValues: cooperationValues,
    onStale(current) {
      queryClient.setQueryData(trpc.cooperation.get.queryKey({ id: current.id }), current);
      void queryClient.invalidateQueries(trpc.audit.pathFilter());
    },
  });
  const latest = useLastChange("cooperation", cooperation.id, edit.conflict !== null);

  const fieldError = useFieldErrorText(fieldErrors);
  const isConflict = trameErrorOf(update.error)?.code === "CONFLICT";
  const summary = localErrors.length
    ? t("cooperations.edit.fixFields")
    : update.error && !isConflict
      ? errorText(update.error)
      : null;

  // The current members can provide engineering, and whoever provides it now stays a choice.
  const providers = new Map(
    cooperation.members.filter((m) => m.leftOn === null).map((m) => [m.territory.id, m.territory.name]),
  );
  if (cooperation.engineering.provider)
    providers.set(cooperation.engineering.provider.id, cooperation.engineering.provider.name);
  const providerName = (id: string) => providers.get(id) ?? id;

  function display(key: keyof CooperationEditValues, version: CooperationEditValues): string {
    const empty = "—";
    switch (key) {
      case "narrativeAdoptedOn":
        return version.narrativeAdoptedOn ? format.date(version.narrativeAdoptedOn) : empty;
      case "engineeringKind":
        return format.label(engineeringKindLabels[version.engineeringKind]);
      case "engineeringProviderId":
        return version.engineeringProviderId ? providerName(version.engineeringProviderId) : empty;
      case "engineeringFte":
        return version.engineeringFte === null ? empty : format.number(version.engineeringFte);
      default:
        return version.narrativeText || empty;
    }
  }

  const labels: Record<keyof CooperationEditValues, string> = {
    narrativeText: t("cooperations.edit.narrative"),
    narrativeAdoptedOn: t("cooperations.edit.adoptedOn"),
    engineeringKind: t("cooperations.edit.engineeringKind"),
    engineeringProviderId: t("cooperations.edit.engineeringProvider"),
    engineeringFte: t("cooperations.edit.engineeringFte"),
  };

  return (
    <section className="panel" aria-labelledby="cooperation-edit-title">
      <h2 id="cooperation-edit-title">{t("cooperations.edit.heading")}</h2>
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
        storedVersion={cooperation.version}
      />
      <form className="form" onSubmit={submit} noValidate>
        <TextAreaField
          id={COOPERATION_FIELD_IDS.narrativeText}
          label={labels.narrativeText}
          hint={t("cooperations.edit.narrativeHint")}
          error={fieldError("narrativeText")}
          value={values.narrativeText}
          rows={8}
          onChange={(value) => edit.set("narrativeText", value)}
        />
        <TextField
          id={COOPERATION_FIELD_IDS.narrativeAdoptedOn}
          type="date"
          label={labels.narrativeAdoptedOn}
          hint={t("cooperations.edit.adoptedOnHint")}
          error={fieldError("narrativeAdoptedOn")}
          value={values.narrativeAdoptedOn}
          onChange={(event) => edit.set("narrativeAdoptedOn", event.target.value)}
        />
        <div className="form__row">
          <SelectField
            id={COOPERATION_FIELD_IDS.engineeringKind}
            label={labels.engineeringKind}
            error={fieldError("engineeringKind")}
            options={ENGINEERING_KINDS.map((kind) => ({
              value: kind,
              label: format.label(engineeringKindLabels[kind]),
            }))}
            value={values.engineeringKind}
            onChange={(event) => {
              const kind = ENGINEERING_KINDS.find((k) => k === event.target.value);
              if (kind) edit.set("engineeringKind", kind);
            }}
          />
          <SelectField
            id={COOPERATION_FIELD_IDS.engineeringProviderId}
            label={labels.engineeringProviderId}
            error={fieldError("engineeringProviderId")}
            options={[
              { value: "", label: t("cooperations.edit.noProvider") },
              ...[...providers].map(([value, label]) => ({ value, label })),
            ]}
            value={values.engineeringProviderId}
            onChange={(event) => edit.set("engineeringProviderId", event.target.value)}
          />
        </div>
        <NumberInputField
          id={COOPERATION_FIELD_IDS.engineeringFte}
          label={labels.engineeringFte}
          hint={t("cooperations.edit.engineeringFteHint")}
          error={fieldError("engineeringFte")}
          value={values.engineeringFte}
          formatOptions={{ maximumFractionDigits: 2 }}
          step={0.01}
          onChange={(value) => edit.set("engineeringFte", value)}
        />
        <OfflineNotice paused={update.isPaused} />
        <div className="form__actions">
          <button type="submit" className="button" disabled={update.isPending || edit.conflict !== null}>
            {update.isPending ? t("cooperations.edit.saving") : t("cooperations.edit.save")}
          </button>
          <button type="button" className="button button--secondary" onClick={edit.finish} disabled={update.isPending}>
            {t("cooperations.edit.cancel")}
          </button>
        </div>
      </form>
    </section>
  );
}
