import { useMutation, useQuery } from "@tanstack/react-query";
import {
  NEIGHBOUR_KINDS,
  type NeighbourKind,
  neighbourKindLabels,
  setNeighbourInputSchema,
  territoryKindLabels,
} from "@trame/core";
import type { inferOutput } from "@trpc/tanstack-react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useFormat } from "../../i18n/format.ts";
import { handleExpiredSession } from "../../lib/session-draft.ts";
import { invalidate, queryClient, trpc } from "../../lib/trpc.ts";
import { useSchemaForm } from "../../lib/use-schema-form.ts";
import { DataTable } from "../../ui/data-table.tsx";
import { EmptyState } from "../../ui/empty-state.tsx";
import { ListState } from "../../ui/list-state.tsx";
import { FormSelectField, FormTextField, SchemaForm } from "../../ui/schema-form.tsx";
import { FormTerritoryComboBox, type PickedTerritory } from "../territories/territory-combo-box.tsx";
import { ListButton } from "./admin-list-button.tsx";
import { ListSection, useActionOutcome } from "./admin-list-section.tsx";

interface Territory {
  id: string;
  name: string;
}
type NeighbourList = inferOutput<typeof trpc.territory.neighbours>;

/** Both writes answer with the territory's new list: shown at once; the neighbour's own list is refetched. */
function showList(territoryId: string, list: NeighbourList) {
  queryClient.setQueryData(trpc.territory.neighbours.queryKey({ id: territoryId }), list);
  invalidate(trpc.territory.neighbours.pathFilter());
}

/** The links of a territory with its neighbours, contiguous or functional, each with where it comes from. */
export function NeighbourLinks({ territory }: { territory: Territory }) {
  const { t } = useTranslation();
  const format = useFormat();
  const neighbours = useQuery(trpc.territory.neighbours.queryOptions({ id: territory.id }));
  const outcome = useActionOutcome();
  const remove = useMutation(
    trpc.territory.removeNeighbour.mutationOptions({
      onSuccess: (list) => showList(territory.id, list),
      onError: (error) => void handleExpiredSession(error),
    }),
  );
  const caption = t("admin.neighbours.caption", { name: territory.name });

  return (
    <ListSection
      titleId="neighbours-title"
      title={t("admin.neighbours.title")}
      className="section"
      intro={<p>{t("admin.neighbours.intro")}</p>}
      done={outcome.done}
      error={remove.error}
    >
      <ListState
        query={neighbours}
        isEmpty={(links) => links.length === 0}
        empty={<EmptyState title={t("admin.neighbours.empty")} />}
      >
        {(links) => (
          <DataTable
            caption={caption}
            className="entity-table"
            columns={[
              t("admin.neighbours.neighbour"),
              t("admin.neighbours.kind"),
              t("admin.neighbours.source"),
              { head: t("admin.users.actions"), hidden: true },
            ]}
            rows={links}
            rowKey={(link) => link.territory.id}
            cells={({ territory: neighbour, kind, source, recorded }) => [
              <>
                <Link to={`/territoires/${neighbour.id}`}>{neighbour.name}</Link>
                <br />
                <span className="combo__meta">{format.label(territoryKindLabels[neighbour.kind])}</span>
              </>,
              format.label(neighbourKindLabels[kind]),
              source || "—",
              recorded ? (
                <ListButton
                  disabled={remove.isPending}
                  label={t("admin.neighbours.removeLink", { name: neighbour.name })}
                  onPress={() =>
                    outcome.run(remove, { territoryId: territory.id, neighbourId: neighbour.id }, () =>
                      t("admin.neighbours.removed", { name: neighbour.name }),
                    )
                  }
                >
                  {t("admin.neighbours.remove")}
                </ListButton>
              ) : (
                <span className="combo__meta">{t("admin.neighbours.fromGeometry")}</span>
              ),
            ]}
          />
        )}
      </ListState>
      <AddNeighbourForm
        territory={territory}
        onAdded={(name) => outcome.setDone(t("admin.neighbours.added", { name }))}
      />
    </ListSection>
  );
}

function AddNeighbourForm({ territory, onAdded }: { territory: Territory; onAdded: (name: string) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const form = useSchemaForm({
    idPrefix: "neighbour",
    defaultValues: { neighbourId: null as PickedTerritory | null, kind: "contiguous" as NeighbourKind, source: "" },
    // An empty pick fails the id check: say what to do rather than "invalid identifier".
    required: { neighbourId: t("admin.neighbours.pick") },
    schema: setNeighbourInputSchema,
    toInput: (values) => ({ ...values, territoryId: territory.id, neighbourId: values.neighbourId?.id ?? "" }),
    mutation: trpc.territory.setNeighbour.mutationOptions({
      onSuccess(list) {
        showList(territory.id, list);
        onAdded(form.methods.getValues("neighbourId")?.name ?? "");
        // The kind stays: links are often added several of one kind in a row.
        form.methods.resetField("neighbourId");
        form.methods.resetField("source");
      },
    }),
  });

  return (
    <section className="form quick-form" aria-labelledby="neighbour-add-title">
      <h3 id="neighbour-add-title">{t("admin.neighbours.add")}</h3>
      <SchemaForm form={form}>
        <FormTerritoryComboBox
          id={`${form.idPrefix}-neighbourId`}
          name="neighbourId"
          label={t("admin.neighbours.neighbour")}
          excludeIds={new Set([territory.id])}
        />
        <div className="form__row">
          <FormSelectField
            name="kind"
            label={t("admin.neighbours.kind")}
            options={NEIGHBOUR_KINDS.map((value) => ({ value, label: format.label(neighbourKindLabels[value]) }))}
          />
          <FormTextField
            name="source"
            label={t("admin.neighbours.source")}
            hint={t("admin.neighbours.sourceHint")}
            maxLength={500}
          />
        </div>
        <div className="form__actions">
          <button type="submit" className="button" disabled={form.send.isPending}>
            {form.send.isPending ? t("admin.neighbours.adding") : t("admin.neighbours.addSubmit")}
          </button>
        </div>
      </SchemaForm>
    </section>
  );
}
