import { useMutation, useQuery } from "@tanstack/react-query";
import { MEMBERSHIP_ROLES, type MembershipRole, membershipRoleLabels } from "@trame/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format.ts";
import { queryClient, trpc } from "../../lib/trpc.ts";
import { useErrorText } from "../../ui/query-error.tsx";
import { ScrollRegion } from "../../ui/scroll-region.tsx";

const isRole = (value: string): value is MembershipRole => (MEMBERSHIP_ROLES as readonly string[]).includes(value);

/**
 * Agents who came through ProConnect without an account and asked for access to a territory the
 * reader administers: accept with the role chosen here, or refuse. Absent when nothing waits.
 */
export function AccessRequests() {
  const { t } = useTranslation();
  const format = useFormat();
  const errorText = useErrorText();
  const pending = useQuery(trpc.accessRequest.pending.queryOptions());
  const [roles, setRoles] = useState<Record<string, MembershipRole>>({});
  const [done, setDone] = useState<string | null>(null);
  const decide = useMutation(
    trpc.accessRequest.decide.mutationOptions({
      onSuccess(result, input) {
        const request = pending.data?.find((r) => r.id === input.id);
        setDone(
          t(result.status === "accepted" ? "admin.accessRequests.accepted" : "admin.accessRequests.refused", {
            name: request?.name ?? "",
            territory: request?.territoryName ?? "",
          }),
        );
        void queryClient.invalidateQueries(trpc.accessRequest.pending.pathFilter());
        void queryClient.invalidateQueries(trpc.admin.users.pathFilter());
      },
    }),
  );

  if (!pending.data?.length && !done) return null;
  return (
    <section className="admin-access-requests" aria-labelledby="access-requests-title">
      <h2 id="access-requests-title">{t("admin.accessRequests.title")}</h2>
      <p role="status" className="admin-status">
        {done}
      </p>
      {decide.error && (
        <div className="alert alert--error" role="alert">
          <p>{errorText(decide.error)}</p>
        </div>
      )}
      {pending.data && pending.data.length > 0 && (
        <ScrollRegion label={t("admin.accessRequests.caption")}>
          <table className="entity-table admin-table">
            <caption className="visually-hidden">{t("admin.accessRequests.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("admin.accessRequests.person")}</th>
                <th scope="col">{t("admin.accessRequests.territory")}</th>
                <th scope="col">{t("admin.accessRequests.role")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("admin.users.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {pending.data.map((request) => {
                const role = roles[request.id] ?? "viewer";
                return (
                  <tr key={request.id}>
                    <th scope="row">
                      {request.name}
                      <br />
                      <span className="muted">{request.email}</span>
                      <br />
                      <span className="muted">
                        {t("admin.accessRequests.since", {
                          date: format.dateTime(request.createdAt),
                          siret: request.siret,
                        })}
                      </span>
                    </th>
                    <td>{request.territoryName}</td>
                    <td>
                      <select
                        className="admin-inline-select"
                        aria-label={t("admin.accessRequests.roleFor", { name: request.name })}
                        value={role}
                        disabled={decide.isPending}
                        onChange={(event) => {
                          const value = event.target.value;
                          if (isRole(value)) setRoles({ ...roles, [request.id]: value });
                        }}
                      >
                        {MEMBERSHIP_ROLES.map((option) => (
                          <option key={option} value={option}>
                            {format.label(membershipRoleLabels[option])}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td className="admin-actions">
                      <button
                        type="button"
                        className="button button--small"
                        disabled={decide.isPending}
                        aria-label={t("admin.accessRequests.acceptFor", { name: request.name })}
                        onClick={() => {
                          setDone(null);
                          decide.mutate({ id: request.id, decision: "accept", role });
                        }}
                      >
                        {t("admin.accessRequests.accept")}
                      </button>{" "}
                      <button
                        type="button"
                        className="button button--secondary button--small"
                        disabled={decide.isPending}
                        aria-label={t("admin.accessRequests.refuseFor", { name: request.name })}
                        onClick={() => {
                          setDone(null);
                          decide.mutate({ id: request.id, decision: "refuse" });
                        }}
                      >
                        {t("admin.accessRequests.refuse")}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </section>
  );
}
