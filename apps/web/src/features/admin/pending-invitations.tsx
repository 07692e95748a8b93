import { useMutation, useQuery } from "@tanstack/react-query";
import { membershipRoleLabels } from "@trame/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format.ts";
import { queryClient, trpc } from "../../lib/trpc.ts";
import { useErrorText } from "../../ui/query-error.tsx";
import { ScrollRegion } from "../../ui/scroll-region.tsx";

/** Invitations not yet accepted, of the territories the reader administers: resend (a new link) or revoke. */
export function PendingInvitations() {
  const { t } = useTranslation();
  const format = useFormat();
  const errorText = useErrorText();
  const pending = useQuery(trpc.invitation.pending.queryOptions());
  const [done, setDone] = useState<string | null>(null);
  const refresh = () => void queryClient.invalidateQueries(trpc.invitation.pending.pathFilter());
  const resend = useMutation(trpc.invitation.resend.mutationOptions({ onSuccess: refresh }));
  const revoke = useMutation(trpc.invitation.revoke.mutationOptions({ onSuccess: refresh }));
  const busy = resend.isPending || revoke.isPending;
  const error = resend.error ?? revoke.error;

  if (!pending.data?.length && !done) return null;
  return (
    <section className="admin-invitations" aria-labelledby="invitations-title">
      <h2 id="invitations-title">{t("admin.invitations.title")}</h2>
      <p role="status" className="admin-status">
        {done}
      </p>
      {error && (
        <div className="alert alert--error" role="alert">
          <p>{errorText(error)}</p>
        </div>
      )}
      {pending.data && pending.data.length > 0 && (
        <ScrollRegion label={t("admin.invitations.caption")}>
          <table className="entity-table admin-table">
            <caption className="visually-hidden">{t("admin.invitations.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("admin.invitations.email")}</th>
                <th scope="col">{t("admin.invitations.territory")}</th>
                <th scope="col">{t("admin.invitations.sent")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("admin.users.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {pending.data.map((invitation) => (
                <tr key={invitation.id}>
                  <th scope="row">{invitation.email}</th>
                  <td>
                    {invitation.territoryName}
                    <br />
                    <span className="muted">{format.label(membershipRoleLabels[invitation.role])}</span>
                  </td>
                  <td>
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
                  </td>
                  <td className="admin-actions">
                    <button
                      type="button"
                      className="button button--secondary button--small"
                      disabled={busy}
                      aria-label={t("admin.invitations.resendFor", { email: invitation.email })}
                      onClick={() => {
                        setDone(null);
                        resend.mutate(
                          { id: invitation.id },
                          { onSuccess: () => setDone(t("admin.invitations.resent", { email: invitation.email })) },
                        );
                      }}
                    >
                      {t("admin.invitations.resend")}
                    </button>{" "}
                    <button
                      type="button"
                      className="button button--secondary button--small"
                      disabled={busy}
                      aria-label={t("admin.invitations.revokeFor", { email: invitation.email })}
                      onClick={() => {
                        setDone(null);
                        revoke.mutate(
                          { id: invitation.id },
                          { onSuccess: () => setDone(t("admin.invitations.revoked", { email: invitation.email })) },
                        );
                      }}
                    >
                      {t("admin.invitations.revoke")}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </section>
  );
}
