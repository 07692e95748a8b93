import {
  changeEngagementFormInputSchema,
  ENGAGEMENT_FORMS,
  type EngagementForm,
  engagementFormLabels,
  formalityLabels,
  formalityOf,
  todayInFrance,
} from "@trame/core";
import { useWatch } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format.ts";
import { invalidate, queryClient, trpc } from "../../lib/trpc.ts";
import { trameErrorOf } from "../../lib/trpc-error.ts";
import { useSchemaForm } from "../../lib/use-schema-form.ts";
import { FormDialog } from "../../ui/dialog.tsx";
import { DialogForm } from "../../ui/dialog-form.tsx";
import { FormSelectField, FormTextArea, FormTextField } from "../../ui/schema-form.tsx";
import { asStoredCooperation, type CooperationDetail } from "./cooperation-model.ts";

/** A new form of engagement closes the current period and opens another: the history keeps both. */
export function EngagementFormDialog({ cooperation }: { cooperation: CooperationDetail }) {
  const { t } = useTranslation();
  return (
    <FormDialog trigger={t("cooperations.engagement.open")} title={t("cooperations.engagement.title")}>
      {(close) => <EngagementFormChange cooperation={cooperation} close={close} />}
    </FormDialog>
  );
}

function EngagementFormChange({ cooperation, close }: { cooperation: CooperationDetail; close: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const form = useSchemaForm({
    idPrefix: "engagement",
    conflict: t("cooperations.engagement.conflict"),
    defaultValues: { engagementForm: cooperation.engagementForm, changedOn: todayInFrance(), note: "" },
    schema: changeEngagementFormInputSchema,
    toInput: (values) => ({ ...values, id: cooperation.id, version: cooperation.version }),
    mutation: trpc.cooperation.changeEngagementForm.mutationOptions({
      onSuccess(saved) {
        queryClient.setQueryData(trpc.cooperation.get.queryKey({ id: saved.id }), saved);
        invalidate(trpc.timeline.pathFilter(), trpc.audit.pathFilter());
        close();
      },
      onError(error) {
        const payload = trameErrorOf(error);
        const current = payload?.code === "CONFLICT" ? asStoredCooperation(payload.current, cooperation.id) : null;
        // The next attempt then carries the new version; what was typed here stays.
        if (current) queryClient.setQueryData(trpc.cooperation.get.queryKey({ id: current.id }), current);
      },
    }),
  });
  const chosen: EngagementForm = useWatch({ control: form.methods.control, name: "engagementForm" });

  return (
    <DialogForm
      form={form}
      saveLabel={t("cooperations.engagement.save")}
      savingLabel={t("cooperations.engagement.saving")}
      cancelLabel={t("cooperations.engagement.cancel")}
      onCancel={close}
    >
      <p>
        {t("cooperations.engagement.current")}{" "}
        <strong>{format.label(engagementFormLabels[cooperation.engagementForm])}</strong>
      </p>
      <FormSelectField
        name="engagementForm"
        label={t("cooperations.engagement.next")}
        hint={t("cooperations.engagement.formality", { formality: format.label(formalityLabels[formalityOf[chosen]]) })}
        options={ENGAGEMENT_FORMS.map((value) => ({ value, label: format.label(engagementFormLabels[value]) }))}
      />
      <FormTextField name="changedOn" type="date" label={t("cooperations.engagement.changedOn")} />
      <FormTextArea
        name="note"
        label={t("cooperations.engagement.note")}
        hint={t("cooperations.engagement.noteHint")}
        rows={3}
      />
    </DialogForm>
  );
}
