import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { membershipRoleLabels } from "@trame/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format.ts";
import { trpc } from "../../lib/trpc.ts";
import { useDebouncedValue } from "../../lib/use-debounced-value.ts";
import { DataTable } from "../../ui/data-table.tsx";
import { EmptyState } from "../../ui/empty-state.tsx";
import { TextField } from "../../ui/fields.tsx";
import { ListState } from "../../ui/list-state.tsx";
import { AccessRequests } from "./access-requests.tsx";
import { AdminFrame } from "./admin-frame.tsx";
import { ListPager } from "./admin-list-pager.tsx";
import type { AdminRights } from "./admin-rights.ts";
import { CreateUserDialog } from "./create-user-dialog.tsx";
import { InviteDialog } from "./invite-dialog.tsx";
import { MembershipsDialog } from "./memberships-dialog.tsx";
import { PendingInvitations } from "./pending-invitations.tsx";

const PAGE_SIZE = 20;

export default function AdminUsersPage() {
  const { t } = useTranslation();
  return <AdminFrame title={t("admin.users.title")}>{(rights) => <UsersScreen rights={rights} />}</AdminFrame>;
}

function UsersScreen({ rights }: { rights: AdminRights }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [search, setSearch] = useState({ text: "", page: 0 });
  const [created, setCreated] = useState<string | null>(null);
  const query = useDebouncedValue(search.text.trim(), 250);
  const users = useQuery(
    trpc.admin.users.queryOptions(
      { query, limit: PAGE_SIZE, offset: search.page * PAGE_SIZE },
      { placeholderData: keepPreviousData },
    ),
  );
  const total = users.data?.total ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const toPage = (page: number) => () => setSearch({ ...search, page });

  return (
    <>
      {rights.instance ? (
        <p className="lead">{t("admin.users.introInstance")}</p>
      ) : (
        <div className="lead">
          <p>
            {t("admin.users.introTerritory", {
              names: new Intl.ListFormat(format.locale, { type: "conjunction" }).format(
                rights.territories.map((territory) => territory.territoryName),
              ),
            })}
          </p>
          <p>{t("admin.users.byEmailHint")}</p>
        </div>
      )}
      <AccessRequests />
      <PendingInvitations />
      <div className="admin-toolbar">
        <TextField
          id="admin-users-search"
          type="search"
          label={t("admin.users.search")}
          hint={rights.instance ? t("admin.users.searchHint") : t("admin.users.searchHintTerritory")}
          spellCheck={false}
          value={search.text}
          onChange={(event) => {
            setCreated(null);
            setSearch({ text: event.target.value, page: 0 });
          }}
        />
        <InviteDialog rights={rights} onDone={setCreated} />
        {rights.instance && (
          <CreateUserDialog
            onCreated={(email) => {
              // The new account alone in the list, its memberships button at hand.
              setSearch({ text: email, page: 0 });
              setCreated(t("admin.createUser.created", { email }));
            }}
          />
        )}
      </div>
      <p role="status" className="admin-status">
        {created}
      </p>
      <ListState
        query={users}
        isEmpty={(data) => data.items.length === 0}
        empty={<EmptyState title={query ? t("admin.users.noMatch") : t("admin.users.empty")} />}
      >
        {(data) => (
          <>
            <DataTable
              caption={t("admin.users.caption")}
              busy={users.isPlaceholderData}
              columns={[
                t("admin.users.name"),
                t("admin.users.email"),
                t("admin.users.memberships"),
                { head: t("admin.users.actions"), hidden: true },
              ]}
              rows={data.items}
              rowKey={(user) => user.id}
              cells={(user) => [
                <>
                  {user.name}
                  {user.isInstanceAdmin && (
                    <>
                      {" "}
                      <span className="badge badge--strong">{t("admin.users.instanceAdmin")}</span>
                    </>
                  )}
                </>,
                user.email,
                user.memberships.length === 0 ? (
                  <span>{t("admin.users.noMembership")}</span>
                ) : (
                  <ul className="admin-memberships">
                    {user.memberships.map((membership) => (
                      <li key={membership.territoryId}>
                        {membership.territoryName} — {format.label(membershipRoleLabels[membership.role])}
                      </li>
                    ))}
                  </ul>
                ),
                <MembershipsDialog user={user} rights={rights} />,
              ]}
            />
            <ListPager
              status={
                t("admin.users.count", { count: total, formatted: format.number(total) }) +
                (pageCount > 1
                  ? ` — ${t("admin.users.page", { page: format.number(search.page + 1), pages: format.number(pageCount) })}`
                  : "")
              }
              paged={pageCount > 1}
              previous={{
                label: t("admin.users.previous"),
                disabled: search.page === 0,
                onPress: toPage(search.page - 1),
              }}
              next={{
                label: t("admin.users.next"),
                disabled: search.page + 1 >= pageCount || users.isPlaceholderData,
                onPress: toPage(search.page + 1),
              }}
            />
          </>
        )}
      </ListState>
    </>
  );
}
