import { useMutation } from "@tanstack/react-query";
import { MEMBERSHIP_ROLES, type MembershipRole, membershipRoleLabels, setMembershipInputSchema } from "@trame/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format.ts";
import { handleExpiredSession } from "../../lib/session-draft.ts";
import { invalidate, trpc } from "../../lib/trpc.ts";
import { useSchemaForm } from "../../lib/use-schema-form.ts";
import { FormDialog } from "../../ui/dialog.tsx";
import { useErrorText } from "../../ui/query-error.tsx";
import { FormSelectField, SchemaForm } from "../../ui/schema-form.tsx";
import { ScrollRegion } from "../../ui/scroll-region.tsx";
import type { PickedTerritory } from "../territories/territory-combo-box.tsx";
import { type AdminRights, managesTerritory } from "./admin-rights.ts";
import { FormTerritoryField } from "./membership-territory-field.tsx";

interface ListedUser {
  id: string;
  name: string;
  memberships: ReadonlyArray<{ territoryId: string; territoryName: string; role: MembershipRole }>;
}

function isRole(value: string): value is MembershipRole {
  return (MEMBERSHIP_ROLES as readonly string[]).includes(value);
}

/** Changes to memberships move both the account list and, for one's own account, the session's rights. */
function refreshAfterChange() {
  invalidate(trpc.admin.users.pathFilter(), trpc.auth.me.pathFilter());
}

/** A change made from the list: said in the list's status line once done. */
function listChange(say: () => void) {
  return {
    onSuccess() {
      say();
      refreshAfterChange();
    },
    onError: (error: unknown) => void handleExpiredSession(error),
  };
}

export function MembershipsDialog({ user, rights }: { user: ListedUser; rights: AdminRights }) {
  const { t } = useTranslation();
  return (
    <FormDialog
      dismissable
      trigger={t("admin.memberships.open")}
      triggerLabel={t("admin.memberships.openFor", { name: user.name })}
      triggerClassName="button button--secondary button--small"
      title={t("admin.memberships.title", { name: user.name })}
    >
      {(close) => (
        <>
          <MembershipList user={user} rights={rights} />
          <AddMembershipForm user={user} rights={rights} />
          <div className="dialog__actions">
            <button type="button" className="button button--secondary" onClick={close}>
              {t("admin.close")}
            </button>
          </div>
        </>
      )}
    </FormDialog>
  );
}

function MembershipList({ user, rights }: { user: ListedUser; rights: AdminRights }) {
  const { t } = useTranslation();
  const format = useFormat();
  const errorText = useErrorText();
  const [done, setDone] = useState<string | null>(null);
  const change = useMutation(
    trpc.admin.setMembership.mutationOptions(listChange(() => setDone(t("admin.memberships.changed")))),
  );
  const remove = useMutation(
    trpc.admin.removeMembership.mutationOptions(listChange(() => setDone(t("admin.memberships.removed")))),
  );
  const failure = change.error ?? remove.error;
  const pending = change.isPending || remove.isPending;

  return (
    <section aria-labelledby="memberships-current">
      <h3 id="memberships-current">{t("admin.memberships.current")}</h3>
      <p role="status" className="admin-status">
        {done}
      </p>
      {failure && (
        <div className="alert alert--error" role="alert">
          <p>{errorText(failure)}</p>
        </div>
      )}
      {user.memberships.length === 0 ? (
        <p>{t("admin.users.noMembership")}</p>
      ) : (
        <ScrollRegion label={t("admin.memberships.caption", { name: user.name })}>
          <table className="entity-table">
            <caption className="visually-hidden">{t("admin.memberships.caption", { name: user.name })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("admin.memberships.territory")}</th>
                <th scope="col">{t("admin.memberships.role")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("admin.users.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {user.memberships.map((membership) =>
                managesTerritory(rights, membership.territoryId) ? (
                  <tr key={membership.territoryId}>
                    <th scope="row">{membership.territoryName}</th>
                    <td>
                      <select
                        className="admin-inline-select"
                        aria-label={t("admin.memberships.roleOn", { territory: membership.territoryName })}
                        value={membership.role}
                        disabled={pending}
                        onChange={(event) => {
                          const role = event.target.value;
                          if (!isRole(role)) return;
                          setDone(null);
                          change.mutate({ userId: user.id, territoryId: membership.territoryId, role });
                        }}
                      >
                        {MEMBERSHIP_ROLES.map((role) => (
                          <option key={role} value={role}>
                            {format.label(membershipRoleLabels[role])}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td>
                      <button
                        type="button"
                        className="button button--secondary button--small"
                        disabled={pending}
                        aria-label={t("admin.memberships.removeFrom", { territory: membership.territoryName })}
                        onClick={() => {
                          setDone(null);
                          remove.mutate({ userId: user.id, territoryId: membership.territoryId });
                        }}
                      >
                        {t("admin.memberships.remove")}
                      </button>
                    </td>
                  </tr>
                ) : (
                  <tr key={membership.territoryId}>
                    <th scope="row">{membership.territoryName}</th>
                    <td>{format.label(membershipRoleLabels[membership.role])}</td>
                    <td>{t("admin.memberships.notYours")}</td>
                  </tr>
                ),
              )}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </section>
  );
}

function AddMembershipForm({ user, rights }: { user: ListedUser; rights: AdminRights }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [added, setAdded] = useState<string | null>(null);
  // A territory administrator picks among their own territories: the server would refuse any other.
  const own = rights.territories.filter((mine) => !user.memberships.some((m) => m.territoryId === mine.territoryId));
  const form = useSchemaForm({
    idPrefix: "membership",
    defaultValues: { territoryId: null as PickedTerritory | null, role: "editor" as MembershipRole },
    // An empty pick fails the id check: say what to do rather than "invalid identifier".
    required: { territoryId: t("admin.memberships.pickTerritory") },
    schema: setMembershipInputSchema,
    toInput: (values) => ({ ...values, userId: user.id, territoryId: values.territoryId?.id ?? "" }),
    mutation: trpc.admin.setMembership.mutationOptions({
      onSuccess(): void {
        setAdded(t("admin.memberships.added", { territory: form.methods.getValues("territoryId")?.name ?? "" }));
        form.methods.resetField("territoryId");
        refreshAfterChange();
      },
    }),
  });

  return (
    <section aria-labelledby="memberships-add">
      <h3 id="memberships-add">{t("admin.memberships.add")}</h3>
      <p role="status" className="admin-status">
        {form.send.isSuccess && added}
      </p>
      {!rights.instance && own.length === 0 ? (
        <p>{t("admin.memberships.allYours")}</p>
      ) : (
        <SchemaForm form={form}>
          <FormTerritoryField
            id={`${form.idPrefix}-territoryId`}
            name="territoryId"
            label={t("admin.memberships.territory")}
            among={rights.instance ? null : own}
            hint={t("admin.memberships.ownHint")}
            placeholder={t("admin.memberships.choose")}
          />
          <FormSelectField
            name="role"
            label={t("admin.memberships.role")}
            hint={t("admin.memberships.roleHint")}
            options={MEMBERSHIP_ROLES.map((value) => ({ value, label: format.label(membershipRoleLabels[value]) }))}
          />
          <div className="form__actions">
            <button type="submit" className="button" disabled={form.send.isPending}>
              {form.send.isPending ? t("admin.memberships.adding") : t("admin.memberships.addSubmit")}
            </button>
          </div>
        </SchemaForm>
      )}
    </section>
  );
}
