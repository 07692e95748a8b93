import { useMutation, useQuery } from "@tanstack/react-query";
import {
  type FieldError,
  fieldErrorsFromZod,
  NEIGHBOUR_KINDS,
  type NeighbourKind,
  neighbourKindLabels,
  setNeighbourInputSchema,
  territoryKindLabels,
} from "@trame/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useFormat } from "../../i18n/format.ts";
import { handleExpiredSession } from "../../lib/session-draft.ts";
import { queryClient, trpc } from "../../lib/trpc.ts";
import { EmptyState } from "../../ui/empty-state.tsx";
import { focusFirstInvalid, serverFieldErrors, useFieldErrorText } from "../../ui/field-errors.ts";
import { SelectField, TextField } from "../../ui/fields.tsx";
import { QueryError, useErrorText } from "../../ui/query-error.tsx";
import { ScrollRegion } from "../../ui/scroll-region.tsx";
import { type PickedTerritory, TerritoryComboBox } from "../territories/territory-combo-box.tsx";

const FIELD_IDS = { neighbourId: "neighbour-territory", kind: "neighbour-kind", source: "neighbour-source" } as const;

/** The links of a territory with its neighbours, contiguous or functional, each with where it comes from. */
export function NeighbourLinks({ territory }: { territory: { id: string; name: string } }) {
  const { t } = useTranslation();
  const format = useFormat();
  const errorText = useErrorText();
  const key = trpc.territory.neighbours.queryKey({ id: territory.id });
  const neighbours = useQuery(trpc.territory.neighbours.queryOptions({ id: territory.id }));
  const [done, setDone] = useState<string | null>(null);

  const remove = useMutation(
    trpc.territory.removeNeighbour.mutationOptions({
      onSuccess(list, input) {
        queryClient.setQueryData(key, list);
        void queryClient.invalidateQueries(trpc.territory.neighbours.pathFilter());
        const gone = neighbours.data?.find((n) => n.territory.id === input.neighbourId);
        setDone(t("admin.neighbours.removed", { name: gone?.territory.name ?? "" }));
      },
      onError: (error) => void handleExpiredSession(error),
    }),
  );

  return (
    <section className="section" aria-labelledby="neighbours-title">
      <h2 id="neighbours-title">{t("admin.neighbours.title")}</h2>
      <p>{t("admin.neighbours.intro")}</p>
      <p role="status" className="admin-status">
        {done}
      </p>
      {remove.isError && (
        <div className="alert alert--error" role="alert">
          <p>{errorText(remove.error)}</p>
        </div>
      )}
      {neighbours.isPending ? (
        <p role="status">{t("app.loading")}</p>
      ) : neighbours.isError ? (
        <QueryError error={neighbours.error} onRetry={() => void neighbours.refetch()} />
      ) : neighbours.data.length === 0 ? (
        <EmptyState title={t("admin.neighbours.empty")} />
      ) : (
        <ScrollRegion label={t("admin.neighbours.caption", { name: territory.name })}>
          <table className="entity-table">
            <caption className="visually-hidden">{t("admin.neighbours.caption", { name: territory.name })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("admin.neighbours.neighbour")}</th>
                <th scope="col">{t("admin.neighbours.kind")}</th>
                <th scope="col">{t("admin.neighbours.source")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("admin.users.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {neighbours.data.map((link) => (
                <tr key={link.territory.id}>
                  <th scope="row">
                    <Link to={`/territoires/${link.territory.id}`}>{link.territory.name}</Link>
                    <br />
                    <span className="combo__meta">{format.label(territoryKindLabels[link.territory.kind])}</span>
                  </th>
                  <td>{format.label(neighbourKindLabels[link.kind])}</td>
                  <td>{link.source || "—"}</td>
                  <td>
                    {link.recorded ? (
                      <button
                        type="button"
                        className="button button--secondary button--small"
                        disabled={remove.isPending}
                        aria-label={t("admin.neighbours.removeLink", { name: link.territory.name })}
                        onClick={() => {
                          setDone(null);
                          remove.mutate({ territoryId: territory.id, neighbourId: link.territory.id });
                        }}
                      >
                        {t("admin.neighbours.remove")}
                      </button>
                    ) : (
                      <span className="combo__meta">{t("admin.neighbours.fromGeometry")}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      <AddNeighbourForm territory={territory} onAdded={(name) => setDone(t("admin.neighbours.added", { name }))} />
    </section>
  );
}

function AddNeighbourForm({
  territory,
  onAdded,
}: {
  territory: { id: string; name: string };
  onAdded: (name: string) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const errorText = useErrorText();
  const [neighbour, setNeighbour] = useState<PickedTerritory | null>(null);
  const [kind, setKind] = useState<NeighbourKind>("contiguous");
  const [source, setSource] = useState("");
  const [localErrors, setLocalErrors] = useState<FieldError[]>([]);

  const add = useMutation(
    trpc.territory.setNeighbour.mutationOptions({
      onSuccess(list) {
        queryClient.setQueryData(trpc.territory.neighbours.queryKey({ id: territory.id }), list);
        void queryClient.invalidateQueries(trpc.territory.neighbours.pathFilter());
        onAdded(neighbour?.name ?? "");
        setNeighbour(null);
        setSource("");
      },
      onError(error) {
        if (handleExpiredSession(error)) return;
        focusFirstInvalid(serverFieldErrors(error), FIELD_IDS);
      },
    }),
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = setNeighbourInputSchema.safeParse({
      territoryId: territory.id,
      neighbourId: neighbour?.id ?? "",
      kind,
      source,
    });
    if (!parsed.success) {
      const pick = { fr: t("admin.neighbours.pick", { lng: "fr" }), en: t("admin.neighbours.pick", { lng: "en" }) };
      // An empty pick fails the id check: say what to do rather than "invalid identifier".
      const errors = fieldErrorsFromZod(parsed.error).map((error) =>
        error.field === "neighbourId" && !neighbour ? { ...error, message: pick } : error,
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
    <form className="form quick-form" onSubmit={submit} noValidate aria-labelledby="neighbour-add-title">
      <h3 id="neighbour-add-title">{t("admin.neighbours.add")}</h3>
      {summary && (
        <div className="alert alert--error" role="alert">
          <p>{summary}</p>
        </div>
      )}
      <TerritoryComboBox
        id={FIELD_IDS.neighbourId}
        label={t("admin.neighbours.neighbour")}
        error={fieldError("neighbourId")}
        value={neighbour}
        onChange={setNeighbour}
        excludeIds={new Set([territory.id])}
      />
      <div className="form__row">
        <SelectField
          id={FIELD_IDS.kind}
          label={t("admin.neighbours.kind")}
          error={fieldError("kind")}
          options={NEIGHBOUR_KINDS.map((value) => ({ value, label: format.label(neighbourKindLabels[value]) }))}
          value={kind}
          onChange={(event) => {
            const picked = NEIGHBOUR_KINDS.find((k) => k === event.target.value);
            if (picked) setKind(picked);
          }}
        />
        <TextField
          id={FIELD_IDS.source}
          label={t("admin.neighbours.source")}
          hint={t("admin.neighbours.sourceHint")}
          error={fieldError("source")}
          maxLength={500}
          value={source}
          onChange={(event) => setSource(event.target.value)}
        />
      </div>
      <div className="form__actions">
        <button type="submit" className="button" disabled={add.isPending}>
          {add.isPending ? t("admin.neighbours.adding") : t("admin.neighbours.addSubmit")}
        </button>
      </div>
    </form>
  );
}
