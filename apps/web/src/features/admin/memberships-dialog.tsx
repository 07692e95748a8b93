import { useMutation } from "@tanstack/react-query";
import {
  type FieldError,
  fieldErrorsFromZod,
  MEMBERSHIP_ROLES,
  type MembershipRole,
  membershipRoleLabels,
  setMembershipInputSchema,
} from "@trame/core";
import { type FormEvent, useState } from "react";
import { Button, DialogTrigger } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format.ts";
import { handleExpiredSession } from "../../lib/session-draft.ts";
import { queryClient, trpc } from "../../lib/trpc.ts";
import { ModalDialog } from "../../ui/dialog.tsx";
import { focusFirstInvalid, serverFieldErrors, useFieldErrorText } from "../../ui/field-errors.ts";
import { SelectField } from "../../ui/fields.tsx";
import { useErrorText } from "../../ui/query-error.tsx";
import { ScrollRegion } from "../../ui/scroll-region.tsx";
import { type PickedTerritory, TerritoryComboBox } from "../territories/territory-combo-box.tsx";
import { type AdminRights, managesTerritory } from "./admin-rights.ts";

interface ListedUser {
  id: string;
  name: string;
  memberships: ReadonlyArray<{ territoryId: string; territoryName: string; role: MembershipRole }>;
}

const FIELD_IDS = { territoryId: "membership-territory", role: "membership-role" } as const;

function isRole(value: string): value is MembershipRole {
  return (MEMBERSHIP_ROLES as readonly string[]).includes(value);
}

/** Changes to memberships move both the account list and, for one's own account, the session's rights. */
function refreshAfterChange() {
  void queryClient.invalidateQueries(trpc.admin.users.pathFilter());
  void queryClient.invalidateQueries(trpc.auth.me.pathFilter());
}

export function MembershipsDialog({ user, rights }: { user: ListedUser; rights: AdminRights }) {
  const { t } = useTranslation();
  return (
    <DialogTrigger>
      <Button
        className="button button--secondary button--small"
        aria-label={t("admin.memberships.openFor", { name: user.name })}
      >
        {t("admin.memberships.open")}
      </Button>
      <ModalDialog title={t("admin.memberships.title", { name: user.name })}>
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
      </ModalDialog>
    </DialogTrigger>
  );
}

function MembershipList({ user, rights }: { user: ListedUser; rights: AdminRights }) {
  const { t } = useTranslation();
  const format = useFormat();
  const errorText = useErrorText();
  const [done, setDone] = useState<string | null>(null);
  const change = useMutation(
    trpc.admin.setMembership.mutationOptions({
      onSuccess() {
        setDone(t("admin.memberships.changed"));
        refreshAfterChange();
      },
      onError: (error) => void handleExpiredSession(error),
    }),
  );
  const remove = useMutation(
    trpc.admin.removeMembership.mutationOptions({
      onSuccess() {
        setDone(t("admin.memberships.removed"));
        refreshAfterChange();
      },
      onError: (error) => void handleExpiredSession(error),
    }),
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
  const errorText = useErrorText();
  const [territory, setTerritory] = useState<PickedTerritory | null>(null);
  const [role, setRole] = useState<MembershipRole>("editor");
  const [localErrors, setLocalErrors] = useState<FieldError[]>([]);
  const [added, setAdded] = useState<string | null>(null);
  // A territory administrator picks among their own territories: the server would refuse any other.
  const own = rights.territories.filter((mine) => !user.memberships.some((m) => m.territoryId === mine.territoryId));

  const add = useMutation(
    trpc.admin.setMembership.mutationOptions({
      onSuccess() {
        setAdded(t("admin.memberships.added", { territory: territory?.name ?? "" }));
        setTerritory(null);
        refreshAfterChange();
      },
      onError(error) {
        if (handleExpiredSession(error)) return;
        focusFirstInvalid(serverFieldErrors(error), FIELD_IDS);
      },
    }),
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAdded(null);
    const parsed = setMembershipInputSchema.safeParse({ userId: user.id, territoryId: territory?.id ?? "", role });
    if (!parsed.success) {
      // An empty pick fails the id check: say what to do rather than "invalid identifier".
      const errors = fieldErrorsFromZod(parsed.error).map((error) =>
        error.field === "territoryId" && !territory
          ? {
              ...error,
              message: {
                fr: t("admin.memberships.pickTerritory", { lng: "fr" }),
                en: t("admin.memberships.pickTerritory", { lng: "en" }),
              },
            }
          : error,
      );
      add.reset();
      setLocalErrors(errors);
      focusFirstInvalid(errors, FIELD_IDS);
      return;
    }
    setLocalErrors([]);
    add.mutate(parsed.data);
  }

  const fieldError = useFieldErrorText(localErrors.length ? localErrors : serverFieldErrors(add.error));
  const summary = add.error && !serverFieldErrors(add.error).length ? errorText(add.error) : null;

  return (
    <section aria-labelledby="memberships-add">
      <h3 id="memberships-add">{t("admin.memberships.add")}</h3>
      <p role="status" className="admin-status">
        {added}
      </p>
      {summary && (
        <div className="alert alert--error" role="alert">
          <p>{summary}</p>
        </div>
      )}
      {!rights.instance && own.length === 0 ? (
        <p>{t("admin.memberships.allYours")}</p>
      ) : (
        <form className="form" onSubmit={submit} noValidate>
          {rights.instance ? (
            <TerritoryComboBox
              id={FIELD_IDS.territoryId}
              label={t("admin.memberships.territory")}
              error={fieldError("territoryId")}
              value={territory}
              onChange={setTerritory}
            />
          ) : (
            <SelectField
              id={FIELD_IDS.territoryId}
              label={t("admin.memberships.territory")}
              hint={t("admin.memberships.ownHint")}
              error={fieldError("territoryId")}
              options={[
                { value: "", label: t("admin.memberships.choose") },
                ...own.map((mine) => ({ value: mine.territoryId, label: mine.territoryName })),
              ]}
              value={territory?.id ?? ""}
              onChange={(event) => {
                const picked = own.find((mine) => mine.territoryId === event.target.value);
                setTerritory(picked ? { id: picked.territoryId, name: picked.territoryName } : null);
              }}
            />
          )}
          <SelectField
            id={FIELD_IDS.role}
            label={t("admin.memberships.role")}
            hint={t("admin.memberships.roleHint")}
            error={fieldError("role")}
            options={MEMBERSHIP_ROLES.map((value) => ({ value, label: format.label(membershipRoleLabels[value]) }))}
            value={role}
            onChange={(event) => {
              if (isRole(event.target.value)) setRole(event.target.value);
            }}
          />
          <div className="form__actions">
            <button type="submit" className="button" disabled={add.isPending}>
              {add.isPending ? t("admin.memberships.adding") : t("admin.memberships.addSubmit")}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
