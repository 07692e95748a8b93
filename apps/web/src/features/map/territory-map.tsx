import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useFormat } from "../../i18n/format.ts";
import { CaptionedTable } from "../../ui/captioned-table.tsx";
import { QueryError } from "../../ui/query-error.tsx";
import { territoryPageQueries } from "../territory-page/territory-page-queries.ts";
import { EpciMap, type MapShape } from "./epci-map.tsx";
import { MapLegend, useLevelLegend } from "./map-legend.tsx";
import { levelOf } from "./map-scale.ts";
import { useOutlines } from "./use-outlines.ts";
import "./map.css";

/** The territory, its neighbours and partners coloured by how much they do together (lazy chunk). */
export default function TerritoryMap({ territoryId }: { territoryId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const map = useQuery(territoryPageQueries.map(territoryId));
  const outlines = useOutlines();
  const legend = useLevelLegend();

  const shapes = useMemo<MapShape[]>(() => {
    if (!map.data) return [];
    const { territory, links } = map.data;
    const self: MapShape[] = territory.siren
      ? [
          {
            siren: territory.siren,
            name: territory.name,
            tone: "self",
            description: t("map.territory.self", territory),
          },
        ]
      : [];
    return [
      ...self,
      ...links.flatMap((link): MapShape[] => {
        if (!link.territory.siren) return [];
        const figures = t("map.territory.figures", {
          cooperations: format.number(link.cooperations),
          projects: format.number(link.projects),
          actions: format.number(link.actions),
        });
        const border =
          link.lengthKm === null
            ? t("map.territory.notContiguous")
            : t("map.territory.border", { km: format.number(link.lengthKm) });
        return [
          {
            siren: link.territory.siren,
            name: link.territory.name,
            tone: `l${levelOf(link.cooperations + link.projects + link.actions)}`,
            description: `${figures} ; ${border}`,
            href: `/territoires/${link.territory.id}`,
          },
        ];
      }),
    ];
  }, [map.data, t, format]);

  if (map.isPending) return <p role="status">{t("map.loading")}</p>;
  if (map.isError) return <QueryError error={map.error} onRetry={() => void map.refetch()} />;
  const { territory, links } = map.data;
  const quiet = links.filter((l) => l.contiguous && l.cooperations + l.projects + l.actions === 0);

  return (
    <div className="map-panel">
      <p className="map-panel__intro">{t("map.territory.intro")}</p>
      {outlines.status === "pending" && <p role="status">{t("map.loading")}</p>}
      {outlines.status === "error" && <p role="alert">{t("map.loadError")}</p>}
      {outlines.status === "success" && territory.siren && (
        <EpciMap
          label={t("map.territory.label", { name: territory.name })}
          shapes={shapes}
          outlines={outlines.outlines}
          projection="local"
          initialSiren={territory.siren}
        />
      )}
      <MapLegend items={legend} />

      <h3 id="voisins-sans-cooperation">{t("map.territory.withoutCooperation")}</h3>
      {quiet.length === 0 ? (
        <p>{t("map.territory.allCooperate")}</p>
      ) : (
        <>
          <p className="map-panel__intro">{t("map.territory.withoutCooperationHint")}</p>
          <ul className="map-panel__quiet" aria-labelledby="voisins-sans-cooperation">
            {quiet.map((link) => (
              <li key={link.territory.id}>
                <Link to={`/territoires/${link.territory.id}`}>{link.territory.name}</Link>
              </li>
            ))}
          </ul>
        </>
      )}

      <details className="map-panel__data">
        <summary>{t("map.showTable")}</summary>
        <CaptionedTable
          look="data"
          className="data-table--wide"
          caption={t("map.territory.caption", { name: territory.name })}
          captionShown
          columns={[
            { label: t("map.territory.colTerritory") },
            { label: t("map.territory.colBorder") },
            { label: t("map.territory.colCooperations") },
            { label: t("map.territory.colProjects") },
            { label: t("map.territory.colActions") },
          ]}
        >
          {links.map((link) => (
            <tr key={link.territory.id}>
              <th scope="row">
                <Link to={`/territoires/${link.territory.id}`}>{link.territory.name}</Link>
                {!link.territory.siren && <span className="map-panel__note"> — {t("map.noOutline")}</span>}
              </th>
              <td>
                {link.lengthKm === null
                  ? t("map.territory.notContiguous")
                  : t("map.territory.border", { km: format.number(link.lengthKm) })}
              </td>
              <td>{format.number(link.cooperations)}</td>
              <td>{format.number(link.projects)}</td>
              <td>{format.number(link.actions)}</td>
            </tr>
          ))}
        </CaptionedTable>
      </details>
    </div>
  );
}
