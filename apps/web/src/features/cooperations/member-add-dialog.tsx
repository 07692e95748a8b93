import { useMutation } from "@tanstack/react-query";
import {
  addMemberInputSchema,
  type FieldError,
  fieldErrorsFromZod,
  memberRoleLabels,
  todayInFrance,
} from "@trame/core";
import { type FormEvent, useState } from "react";
import { Button, DialogTrigger } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format.ts";
import { trpc } from "../../lib/trpc.ts";
import { ModalDialog } from "../../ui/dialog.tsx";
import { DialogActions } from "../../ui/dialog-actions.tsx";
import { focusFirstInvalid, serverFieldErrors, useFieldErrorText } from "../../ui/field-errors.ts";
import { SelectField, TextField } from "../../ui/fields.tsx";
import { type PickedTerritory, TerritoryComboBox } from "../territories/territory-combo-box.tsx";
import type { CooperationDetail } from "./cooperation-model.ts";
import { memberMutationCallbacks, useMemberErrorSummary } from "./member-mutation.ts";

/** A territory joins as member or associate; the lead changes only by naming an existing member lead. */
const JOINING_ROLES = ["member", "associate"] as const;
type JoiningRole = (typeof JOINING_ROLES)[number];

const FIELD_IDS = {
  territoryId: "member-add-territory",
  role: "member-add-role",
  joinedOn: "member-add-joined-on",
} as const;

export function MemberAddDialog({ cooperation }: { cooperation: CooperationDetail }) {
  const { t } = useTranslation();
  return (
    <DialogTrigger>
      <Button className="button button--secondary button--small">{t("cooperations.members.add")}</Button>
      <ModalDialog title={t("cooperations.members.addTitle")} isDismissable={false}>
        {(close) => <MemberAddForm cooperation={cooperation} close={close} />}
      </ModalDialog>
    </DialogTrigger>
  );
}

function MemberAddForm({ cooperation, close }: { cooperation: CooperationDetail; close: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const errorSummary = useMemberErrorSummary();
  const [territory, setTerritory] = useState<PickedTerritory | null>(null);
  const [role, setRole] = useState<JoiningRole>("member");
  const [joinedOn, setJoinedOn] = useState(todayInFrance());
  const [localErrors, setLocalErrors] = useState<FieldError[]>([]);
  const [territoryMissing, setTerritoryMissing] = useState(false);
  const currentIds = new Set(cooperation.members.filter((m) => m.leftOn === null).map((m) => m.territory.id));

  const add = useMutation(
    trpc.cooperation.addMember.mutationOptions(memberMutationCallbacks(cooperation.id, FIELD_IDS, close)),
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setTerritoryMissing(!territory);
    if (!territory) {
      add.reset();
      setLocalErrors([]);
      document.getElementById(FIELD_IDS.territoryId)?.focus();
      return;
    }
    const parsed = addMemberInputSchema.safeParse({
      cooperationId: cooperation.id,
      territoryId: territory.id,
      role,
      joinedOn: joinedOn || null,
    });
    if (!parsed.success) {
      const errors = fieldErrorsFromZod(parsed.error);
      add.reset();
      setLocalErrors(errors);
      focusFirstInvalid(errors, FIELD_IDS);
      return;
    }
    setLocalErrors([]);
    add.mutate(parsed.data);
  }

  const fieldError = useFieldErrorText(localErrors.length ? localErrors : serverFieldErrors(add.error));
  const summary = errorSummary(add.error, localErrors, FIELD_IDS);

  return (
    <form className="form" onSubmit={submit} noValidate>
      {summary && (
        <div className="alert alert--error" role="alert">
          <p>{summary}</p>
        </div>
      )}
      <TerritoryComboBox
        id={FIELD_IDS.territoryId}
        label={t("cooperations.members.territory")}
        error={territoryMissing ? t("cooperations.members.territoryRequired") : fieldError("territoryId")}
        value={territory}
        onChange={(chosen) => {
          setTerritory(chosen);
          if (chosen) setTerritoryMissing(false);
        }}
        excludeIds={currentIds}
      />
      <SelectField
        id={FIELD_IDS.role}
        label={t("cooperations.members.role")}
        error={fieldError("role")}
        options={JOINING_ROLES.map((value) => ({ value, label: format.label(memberRoleLabels[value]) }))}
        value={role}
        onChange={(event) => {
          const next = JOINING_ROLES.find((r) => r === event.target.value);
          if (next) setRole(next);
        }}
      />
      <TextField
        id={FIELD_IDS.joinedOn}
        type="date"
        label={t("cooperations.members.joinedOn")}
        hint={t("cooperations.members.joinedOnHint")}
        error={fieldError("joinedOn")}
        value={joinedOn}
        onChange={(event) => setJoinedOn(event.target.value)}
      />
      <DialogActions
        pending={add.isPending}
        paused={add.isPaused}
        saveLabel={t("cooperations.members.addSave")}
        savingLabel={t("cooperations.members.saving")}
        cancelLabel={t("cooperations.members.cancel")}
        onCancel={close}
      />
    </form>
  );
}
