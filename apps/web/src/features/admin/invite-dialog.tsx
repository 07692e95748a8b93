import {
  inviteInputSchema,
  LOCALES,
  type Locale,
  MEMBERSHIP_ROLES,
  type MembershipRole,
  membershipRoleLabels,
} from "@trame/core";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format.ts";
import { invalidate, trpc } from "../../lib/trpc.ts";
import { useSchemaForm } from "../../lib/use-schema-form.ts";
import { FormSelectField, FormTextField } from "../../ui/schema-form.tsx";
import type { PickedTerritory } from "../territories/territory-combo-box.tsx";
import type { AdminRights } from "./admin-rights.ts";
import { FormTerritoryField } from "./membership-territory-field.tsx";
import { AdminForm, AdminFormDialog } from "./user-form-dialog.tsx";

const LOCALE_NAMES: Record<Locale, string> = { fr: "Français", en: "English" };

const DONE_KEYS = {
  invited: "admin.invite.sent",
  added: "admin.invite.added",
  member: "admin.invite.alreadyMember",
} as const;

/**
 * Invites a colleague by e-mail onto a territory the reader administers (any territory for an
 * instance administrator): a link to set their password, or, if they have an account, the membership.
 */
export function InviteDialog({ rights, onDone }: { rights: AdminRights; onDone: (message: string) => void }) {
  return (
    <AdminFormDialog texts="admin.invite">
      {(close) => <InviteForm rights={rights} close={close} onDone={onDone} />}
    </AdminFormDialog>
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
  // Instance administrators invite anywhere: they search; territory administrators pick among theirs.
  const own = rights.instance ? null : rights.territories;
  const first = own?.[0];
  const form = useSchemaForm({
    idPrefix: "invite",
    defaultValues: {
      email: "",
      territoryId: first ? { id: first.territoryId, name: first.territoryName } : (null as PickedTerritory | null),
      role: "editor" as MembershipRole,
      locale: "fr" as Locale,
    },
    schema: inviteInputSchema,
    toInput: (values) => ({ ...values, territoryId: values.territoryId?.id ?? "" }),
    mutation: trpc.invitation.invite.mutationOptions({
      onSuccess(result, input): void {
        invalidate(trpc.invitation.pending.pathFilter(), trpc.admin.users.pathFilter());
        const territory = form.methods.getValues("territoryId")?.name ?? "";
        onDone(t(DONE_KEYS[result.status], { email: input.email, territory }));
        close();
      },
    }),
  });

  return (
    <AdminForm form={form} texts="admin.invite" close={close}>
      <p>{t("admin.invite.intro")}</p>
      <FormTextField name="email" type="email" label={t("admin.invite.email")} autoComplete="off" spellCheck={false} />
      <FormTerritoryField
        id={`${form.idPrefix}-territoryId`}
        name="territoryId"
        label={t("admin.invite.territory")}
        among={own}
      />
      <FormSelectField
        name="role"
        label={t("admin.invite.role")}
        options={MEMBERSHIP_ROLES.map((value) => ({ value, label: format.label(membershipRoleLabels[value]) }))}
      />
      <FormSelectField
        name="locale"
        label={t("admin.invite.locale")}
        hint={t("admin.invite.localeHint")}
        options={LOCALES.map((value) => ({ value, label: LOCALE_NAMES[value] }))}
      />
    </AdminForm>
  );
}
