import { addMemberInputSchema, todayInFrance } from "@trame/core";
import { useTranslation } from "react-i18next";
import { trpc } from "../../lib/trpc.ts";
import { useSchemaForm } from "../../lib/use-schema-form.ts";
import { FormDialog } from "../../ui/dialog.tsx";
import { FormTextField } from "../../ui/schema-form.tsx";
import { FormTerritoryComboBox, type PickedTerritory } from "../territories/territory-combo-box.tsx";
import type { CooperationDetail } from "./cooperation-model.ts";
import { MemberDialogForm, MemberRoleField } from "./member-form-parts.tsx";
import { memberMutationCallbacks } from "./member-mutation.ts";

/** A territory joins as member or associate; the lead changes only by naming an existing member lead. */
const JOINING_ROLES = ["member", "associate"] as const;

export function MemberAddDialog({ cooperation }: { cooperation: CooperationDetail }) {
  const { t } = useTranslation();
  return (
    <FormDialog
      trigger={t("cooperations.members.add")}
      triggerClassName="button button--secondary button--small"
      title={t("cooperations.members.addTitle")}
    >
      {(close) => <MemberAddForm cooperation={cooperation} close={close} />}
    </FormDialog>
  );
}

function MemberAddForm({ cooperation, close }: { cooperation: CooperationDetail; close: () => void }) {
  const { t } = useTranslation();
  const currentIds = new Set(cooperation.members.filter((m) => m.leftOn === null).map((m) => m.territory.id));
  const form = useSchemaForm({
    conflict: t("cooperations.members.conflict"),
    idPrefix: "member-add",
    // The picked territory is named after the input's field: a refusal of it (already a member) lands there.
    defaultValues: { territoryId: null as PickedTerritory | null, role: "member", joinedOn: todayInFrance() },
    required: { territoryId: t("cooperations.members.territoryRequired") },
    schema: addMemberInputSchema,
    toInput: (values) => ({
      ...values,
      cooperationId: cooperation.id,
      territoryId: values.territoryId?.id,
      joinedOn: values.joinedOn || null,
    }),
    mutation: trpc.cooperation.addMember.mutationOptions(memberMutationCallbacks(cooperation.id, close)),
  });

  return (
    <MemberDialogForm form={form} saveLabel={t("cooperations.members.addSave")} close={close}>
      <FormTerritoryComboBox
        id={`${form.idPrefix}-territoryId`}
        name="territoryId"
        label={t("cooperations.members.territory")}
        excludeIds={currentIds}
      />
      <MemberRoleField roles={JOINING_ROLES} />
      <FormTextField
        name="joinedOn"
        type="date"
        label={t("cooperations.members.joinedOn")}
        hint={t("cooperations.members.joinedOnHint")}
      />
    </MemberDialogForm>
  );
}
