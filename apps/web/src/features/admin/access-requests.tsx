import { useMutation, useQuery } from "@tanstack/react-query";
import { MEMBERSHIP_ROLES, type MembershipRole, membershipRoleLabels } from "@trame/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format.ts";
import { invalidate, trpc } from "../../lib/trpc.ts";
import { ListButton } from "./admin-list-button.tsx";
import { PendingList } from "./admin-list-pending.tsx";
import { useActionOutcome } from "./admin-list-section.tsx";

const isRole = (value: string): value is MembershipRole => (MEMBERSHIP_ROLES as readonly string[]).includes(value);

/**
 * Agents who came through ProConnect without an account and asked for access to a territory the
 * reader administers: accept with the role chosen here, or refuse. Absent when nothing waits.
 */
export function AccessRequests() {
  const { t } = useTranslation();
  const format = useFormat();
  const pending = useQuery(trpc.accessRequest.pending.queryOptions());
  const [roles, setRoles] = useState<Record<string, MembershipRole>>({});
  const outcome = useActionOutcome();
  const decide = useMutation(
    trpc.accessRequest.decide.mutationOptions({
      onSuccess: () => invalidate(trpc.accessRequest.pending.pathFilter(), trpc.admin.users.pathFilter()),
    }),
  );

  return (
    <PendingList
      titleId="access-requests-title"
      title={t("admin.accessRequests.title")}
      className="admin-access-requests"
      done={outcome.done}
      error={decide.error}
      table={{
        caption: t("admin.accessRequests.caption"),
        columns: [
          t("admin.accessRequests.person"),
          t("admin.accessRequests.territory"),
          t("admin.accessRequests.role"),
          { head: t("admin.users.actions"), hidden: true, className: "admin-actions" },
        ],
        rows: pending.data ?? [],
        rowKey: (request) => request.id,
        cells: (request) => {
          const role = roles[request.id] ?? "viewer";
          const said = (result: { status: string }) =>
            t(result.status === "accepted" ? "admin.accessRequests.accepted" : "admin.accessRequests.refused", {
              name: request.name,
              territory: request.territoryName,
            });
          return [
            <>
              {request.name}
              <br />
              <span className="muted">{request.email}</span>
              <br />
              <span className="muted">
                {t("admin.accessRequests.since", { date: format.dateTime(request.createdAt), siret: request.siret })}
              </span>
            </>,
            request.territoryName,
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
            </select>,
            <>
              <ListButton
                primary
                disabled={decide.isPending}
                label={t("admin.accessRequests.acceptFor", { name: request.name })}
                onPress={() => outcome.run(decide, { id: request.id, decision: "accept", role }, said)}
              >
                {t("admin.accessRequests.accept")}
              </ListButton>{" "}
              <ListButton
                disabled={decide.isPending}
                label={t("admin.accessRequests.refuseFor", { name: request.name })}
                onPress={() => outcome.run(decide, { id: request.id, decision: "refuse" }, said)}
              >
                {t("admin.accessRequests.refuse")}
              </ListButton>
            </>,
          ];
        },
      }}
    />
  );
}
