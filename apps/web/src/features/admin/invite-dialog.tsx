import { useMutation } from "@tanstack/react-query";
import {
  type FieldError,
  fieldErrorsFromZod,
  inviteInputSchema,
  LOCALES,
  type Locale,
  MEMBERSHIP_ROLES,
  type MembershipRole,
  membershipRoleLabels,
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
import { useErrorText } from "../../ui/query-error.tsx";
import { type PickedTerritory, TerritoryComboBox } from "../territories/territory-combo-box.tsx";
import type { AdminRights } from "./admin-rights.ts";

const FIELD_IDS = {
  email: "invite-email",
  territoryId: "invite-territory",
  role: "invite-role",
  locale: "invite-locale",
} as const;

const LOCALE_NAMES: Record<Locale, string> = { fr: "Français", en: "English" };

/**
 * Invites a colleague by e-mail onto a territory the reader administers (any territory for an
 * instance administrator): a link to set their password, or, if they have an account, the membership.
 */
export function InviteDialog({ rights, onDone }: { rights: AdminRights; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  return (
    <DialogTrigger>
      <Button className="button">{t("admin.invite.open")}</Button>
      <ModalDialog title={t("admin.invite.title")} isDismissable={false}>
        {(close) => (
          <InviteForm
            rights={rights}
            close={close}
            onDone={(message) => {
              onDone(message);
              close();
            }}
          />
        )}
      </ModalDialog>
    </DialogTrigger>
  );
}

function InviteForm({
  rights,
  close,
  onDone,
}: {
  rights: AdminRights;
  close: () => void;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const errorText = useErrorText();
  const [email, setEmail] = useState("");
  const [territoryId, setTerritoryId] = useState(rights.territories[0]?.territoryId ?? "");
  const [picked, setPicked] = useState<PickedTerritory | null>(null);
  const [role, setRole] = useState<MembershipRole>("editor");
  const [locale, setLocale] = useState<Locale>("fr");
  const [localErrors, setLocalErrors] = useState<FieldError[]>([]);
  // Instance administrators invite anywhere: they search; territory administrators pick among theirs.
  const searchAll = rights.instance;
  const chosenTerritory = searchAll ? (picked?.id ?? "") : territoryId;
  const territoryName = searchAll
    ? (picked?.name ?? "")
    : (rights.territories.find((x) => x.territoryId === territoryId)?.territoryName ?? "");

  const invite = useMutation(
    trpc.invitation.invite.mutationOptions({
      onSuccess(result, input) {
        void queryClient.invalidateQueries(trpc.invitation.pending.pathFilter());
        void queryClient.invalidateQueries(trpc.admin.users.pathFilter());
        const key =
          result.status === "invited"
            ? "admin.invite.sent"
            : result.status === "added"
              ? "admin.invite.added"
              : "admin.invite.alreadyMember";
        onDone(t(key, { email: input.email, territory: territoryName }));
      },
      onError(error) {
        if (handleExpiredSession(error)) return;
        focusFirstInvalid(serverFieldErrors(error), FIELD_IDS);
      },
    }),
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = inviteInputSchema.safeParse({ email, territoryId: chosenTerritory, role, locale });
    if (!parsed.success) {
      const errors = fieldErrorsFromZod(parsed.error);
      invite.reset();
      setLocalErrors(errors);
      focusFirstInvalid(errors, FIELD_IDS);
      return;
    }
    setLocalErrors([]);
    invite.mutate(parsed.data);
  }

  const fieldError = useFieldErrorText(localErrors.length ? localErrors : serverFieldErrors(invite.error));
  const summary =
    invite.error && !localErrors.length && !serverFieldErrors(invite.error).length ? errorText(invite.error) : null;

  return (
    <form className="form" onSubmit={submit} noValidate>
      <p>{t("admin.invite.intro")}</p>
      {summary && (
        <div className="alert alert--error" role="alert">
          <p>{summary}</p>
        </div>
      )}
      <TextField
        id={FIELD_IDS.email}
        type="email"
        label={t("admin.invite.email")}
        error={fieldError("email")}
        value={email}
        autoComplete="off"
        spellCheck={false}
        onChange={(event) => setEmail(event.target.value)}
      />
      {searchAll ? (
        <TerritoryComboBox
          id={FIELD_IDS.territoryId}
          label={t("admin.invite.territory")}
          error={fieldError("territoryId")}
          value={picked}
          onChange={setPicked}
        />
      ) : (
        <SelectField
          id={FIELD_IDS.territoryId}
          label={t("admin.invite.territory")}
          error={fieldError("territoryId")}
          value={territoryId}
          onChange={(event) => setTerritoryId(event.target.value)}
          options={rights.territories.map((x) => ({ value: x.territoryId, label: x.territoryName }))}
        />
      )}
      <SelectField
        id={FIELD_IDS.role}
        label={t("admin.invite.role")}
        error={fieldError("role")}
        value={role}
        onChange={(event) => setRole(event.target.value as MembershipRole)}
        options={MEMBERSHIP_ROLES.map((value) => ({ value, label: format.label(membershipRoleLabels[value]) }))}
      />
      <SelectField
        id={FIELD_IDS.locale}
        label={t("admin.invite.locale")}
        hint={t("admin.invite.localeHint")}
        error={fieldError("locale")}
        value={locale}
        onChange={(event) => setLocale(event.target.value as Locale)}
        options={LOCALES.map((value) => ({ value, label: LOCALE_NAMES[value] }))}
      />
      <DialogActions
        pending={invite.isPending}
        paused={invite.isPaused}
        saveLabel={t("admin.invite.save")}
        savingLabel={t("admin.invite.saving")}
        cancelLabel={t("admin.cancel")}
        onCancel={close}
      />
    </form>
  );
}
