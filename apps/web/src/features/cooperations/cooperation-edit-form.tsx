import { ENGINEERING_KINDS, engineeringKindLabels, updateCooperationInputSchema } from "@trame/core";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format.ts";
import { invalidate, queryClient, trpc } from "../../lib/trpc.ts";
import type { VersionedEdit } from "../../lib/use-versioned-edit.ts";
import { useVersionedSchemaForm } from "../../lib/use-versioned-schema-form.ts";
import { FormNumberField, FormSelectField, FormTextArea, FormTextField } from "../../ui/schema-form.tsx";
import { useEditTexts, VersionedEditForm } from "../../ui/versioned-edit-notices.tsx";
import {
  asStoredCooperation,
  type CooperationDetail,
  type CooperationEditValues,
  cooperationPatch,
  cooperationValues,
} from "./cooperation-model.ts";

interface CooperationEditFormProps {
  cooperation: CooperationDetail;
  edit: VersionedEdit<CooperationEditValues>;
}

/** The shared narrative and the engineering: what the study names as the keys of a lasting cooperation. */
export function CooperationEditForm({ cooperation, edit }: CooperationEditFormProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const form = useVersionedSchemaForm({
    edit,
    idPrefix: "cooperation",
    schema: updateCooperationInputSchema,
    toInput: (patch, version) => ({ id: cooperation.id, version, ...cooperationPatch(patch) }),
    mutation: trpc.cooperation.update.mutationOptions({
      onSuccess(saved) {
        queryClient.setQueryData(trpc.cooperation.get.queryKey({ id: saved.id }), saved);
        // Adopting the narrative is an event of the cooperation's life, on its members' timelines.
        invalidate(trpc.timeline.pathFilter(), trpc.audit.pathFilter());
      },
    }),
    id: cooperation.id,
    history: "cooperation",
    asStored: asStoredCooperation,
    toValues: cooperationValues,
    onStale(current) {
      queryClient.setQueryData(trpc.cooperation.get.queryKey({ id: current.id }), current);
      invalidate(trpc.audit.pathFilter());
    },
  });

  // The current members can provide engineering, and whoever provides it now stays a choice.
  const providers = new Map(
    cooperation.members.filter((m) => m.leftOn === null).map((m) => [m.territory.id, m.territory.name]),
  );
  if (cooperation.engineering.provider)
    providers.set(cooperation.engineering.provider.id, cooperation.engineering.provider.name);

  const labels: Record<keyof CooperationEditValues, string> = {
    narrativeText: t("cooperations.edit.narrative"),
    narrativeAdoptedOn: t("cooperations.edit.adoptedOn"),
    engineeringKind: t("cooperations.edit.engineeringKind"),
    engineeringProviderId: t("cooperations.edit.engineeringProvider"),
    engineeringFte: t("cooperations.edit.engineeringFte"),
  };

  return (
    <VersionedEditForm
      form={form}
      heading={{ text: t("cooperations.edit.heading"), level: 2, className: "panel" }}
      labels={labels}
      display={{
        narrativeAdoptedOn: format.date,
        engineeringKind: (kind) => format.label(engineeringKindLabels[kind]),
        engineeringProviderId: (id) => providers.get(id) ?? id,
        engineeringFte: format.number,
      }}
      storedVersion={cooperation.version}
      texts={useEditTexts("cooperations.edit")}
    >
      <FormTextArea
        name="narrativeText"
        label={labels.narrativeText}
        hint={t("cooperations.edit.narrativeHint")}
        rows={8}
      />
      <FormTextField
        name="narrativeAdoptedOn"
        type="date"
        label={labels.narrativeAdoptedOn}
        hint={t("cooperations.edit.adoptedOnHint")}
      />
      <div className="form__row">
        <FormSelectField
          name="engineeringKind"
          label={labels.engineeringKind}
          options={ENGINEERING_KINDS.map((kind) => ({
            value: kind,
            label: format.label(engineeringKindLabels[kind]),
          }))}
        />
        <FormSelectField
          name="engineeringProviderId"
          label={labels.engineeringProviderId}
          options={[
            { value: "", label: t("cooperations.edit.noProvider") },
            ...[...providers].map(([value, label]) => ({ value, label })),
          ]}
        />
      </div>
      <FormNumberField
        name="engineeringFte"
        label={labels.engineeringFte}
        hint={t("cooperations.edit.engineeringFteHint")}
        formatOptions={{ maximumFractionDigits: 2 }}
        step={0.01}
      />
    </VersionedEditForm>
  );
}
