import { useQuery } from "@tanstack/react-query";
import { isEpciKind, territoryKindLabels } from "@trame/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { useFormat } from "../../i18n/format.ts";
import { trpc } from "../../lib/trpc.ts";
import { QueryError } from "../../ui/query-error.tsx";
import { type PickedTerritory, TerritoryComboBox } from "../territories/territory-combo-box.tsx";
import { AdminFrame } from "./admin-frame.tsx";
import { CreateTerritoryDialog } from "./create-territory-dialog.tsx";
import { NeighbourLinks } from "./neighbour-links.tsx";
import { TerritoryEditor } from "./territory-editor.tsx";

const PARAM = "territoire";

export default function AdminTerritoriesPage() {
  const { t } = useTranslation();
  return (
    <AdminFrame title={t("admin.territories.title")} instanceOnly>
      {() => <TerritoriesScreen />}
    </AdminFrame>
  );
}

function TerritoriesScreen() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const selectedId = params.get(PARAM);
  const [picked, setPicked] = useState<PickedTerritory | null>(null);
  const [created, setCreated] = useState<string | null>(null);
  // The territory in the address, so a reload or a shared link opens the same one.
  const open = (territory: PickedTerritory) => setParams({ [PARAM]: territory.id });

  return (
    <>
      <p className="lead">{t("admin.territories.intro")}</p>
      <div className="admin-toolbar">
        <TerritoryComboBox
          id="admin-territory-pick"
          label={t("admin.territories.pick")}
          value={picked}
          onChange={(territory) => {
            setPicked(territory);
            if (territory) {
              setCreated(null);
              open(territory);
            }
          }}
        />
        <CreateTerritoryDialog
          onCreated={(territory) => {
            setCreated(t("admin.createTerritory.created", { name: territory.name }));
            setPicked(null);
            open(territory);
          }}
        />
      </div>
      <p role="status" className="admin-status">
        {created}
      </p>
      {selectedId && <TerritoryAdmin key={selectedId} id={selectedId} />}
    </>
  );
}

function TerritoryAdmin({ id }: { id: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const territory = useQuery(trpc.territory.get.queryOptions({ id }));
  if (territory.isPending) return <p role="status">{t("app.loading")}</p>;
  if (territory.isError) return <QueryError error={territory.error} onRetry={() => void territory.refetch()} />;
  const { data } = territory;
  const empty = "—";

  return (
    <>
      <section className="panel" aria-labelledby="territory-admin-title">
        <p className="entity-header__kind">{format.label(territoryKindLabels[data.kind])}</p>
        <h2 id="territory-admin-title">
          <Link to={`/territoires/${data.id}`}>{data.name}</Link>
        </h2>
        <dl className="facts-list admin-facts">
          <div>
            <dt>{t("admin.territory.siren")}</dt>
            <dd>{data.siren ?? empty}</dd>
          </div>
          <div>
            <dt>{t("admin.territory.population")}</dt>
            <dd>{data.population === null ? empty : format.number(data.population)}</dd>
          </div>
          <div>
            <dt>{t("admin.territory.departements")}</dt>
            <dd>{data.departements.length ? data.departements.join(", ") : empty}</dd>
          </div>
          <div>
            <dt>{t("admin.territory.country")}</dt>
            <dd>{data.country}</dd>
          </div>
        </dl>
        {isEpciKind(data.kind) ? <p>{t("admin.territory.epciReadOnly")}</p> : <TerritoryEditor territory={data} />}
      </section>
      <NeighbourLinks territory={data} />
    </>
  );
}
