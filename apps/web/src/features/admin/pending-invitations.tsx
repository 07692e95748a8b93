import { useMutation, useQuery } from "@tanstack/react-query";
import { membershipRoleLabels } from "@trame/core";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format.ts";
import { invalidate, trpc } from "../../lib/trpc.ts";
import { ListButton } from "./admin-list-button.tsx";
import { PendingList } from "./admin-list-pending.tsx";
import { useActionOutcome } from "./admin-list-section.tsx";

/** Invitations not yet accepted, of the territories the reader administers: resend (a new link) or revoke. */
export function PendingInvitations() {
  const { t } = useTranslation();
  const format = useFormat();
  const pending = useQuery(trpc.invitation.pending.queryOptions());
  const outcome = useActionOutcome();
  const refresh = () => invalidate(trpc.invitation.pending.pathFilter());
  const resend = useMutation(trpc.invitation.resend.mutationOptions({ onSuccess: refresh }));
  const revoke = useMutation(trpc.invitation.revoke.mutationOptions({ onSuccess: refresh }));
  const busy = resend.isPending || revoke.isPending;

  return (
    <PendingList
      titleId="invitations-title"
      title={t("admin.invitations.title")}
      className="admin-invitations"
      done={outcome.done}
      error={resend.error ?? revoke.error}
      table={{
        caption: t("admin.invitations.caption"),
        columns: [
          t("admin.invitations.email"),
          t("admin.invitations.territory"),
          t("admin.invitations.sent"),
          { head: t("admin.users.actions"), hidden: true, className: "admin-actions" },
        ],
        rows: pending.data ?? [],
        rowKey: (invitation) => invitation.id,
        cells: (invitation) => {
          const { id, email } = invitation;
          return [
            email,
            <>
              {invitation.territoryName}
              <br />
              <span className="muted">{format.label(membershipRoleLabels[invitation.role])}</span>
            </>,
            <>
              {t("admin.invitations.sentBy", {
                date: format.dateTime(invitation.sentAt),
                name: invitation.invitedByName,
              })}
              <br />
              <span className="muted">
                {invitation.expired
                  ? t("admin.invitations.expired")
                  : t("admin.invitations.expires", { date: format.dateTime(invitation.expiresAt) })}
              </span>
            </>,
            <>
              <ListButton
                disabled={busy}
                label={t("admin.invitations.resendFor", { email })}
                onPress={() => outcome.run(resend, { id }, () => t("admin.invitations.resent", { email }))}
              >
                {t("admin.invitations.resend")}
              </ListButton>{" "}
              <ListButton
                disabled={busy}
                label={t("admin.invitations.revokeFor", { email })}
                onPress={() => outcome.run(revoke, { id }, () => t("admin.invitations.revoked", { email }))}
              >
                {t("admin.invitations.revoke")}
              </ListButton>
            </>,
          ];
        },
      }}
    />
  );
}
