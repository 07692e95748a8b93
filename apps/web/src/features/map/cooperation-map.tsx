import { useQuery } from "@tanstack/react-query";
import { memberRoleLabels } from "@trame/core";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useFormat } from "../../i18n/format.ts";
import { trpc } from "../../lib/trpc.ts";
import { CaptionedTable } from "../../ui/captioned-table.tsx";
import { QueryError } from "../../ui/query-error.tsx";
import { EpciMap, type MapShape } from "./epci-map.tsx";
import { type LegendItem, MapLegend } from "./map-legend.tsx";
import { useOutlines } from "./use-outlines.ts";
import "./map.css";

/** A cooperation's members (lead, member, associate) over their contiguous neighbours (lazy chunk). */
export default function CooperationMap({ cooperationId }: { cooperationId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const map = useQuery(trpc.map.cooperation.queryOptions({ cooperationId }));
  const outlines = useOutlines();

  const shapes = useMemo<MapShape[]>(() => {
    if (!map.data) return [];
    const members = map.data.members.flatMap((m): MapShape[] =>
      m.siren
        ? [
            {
              siren: m.siren,
              name: m.name,
              tone: m.role,
              description: format.label(memberRoleLabels[m.role]),
              href: `/territoires/${m.id}`,
            },
          ]
        : [],
    );
    const neighbours = map.data.neighbours.flatMap((n): MapShape[] =>
      n.siren
        ? [
            {
              siren: n.siren,
              name: n.name,
              tone: "neighbour",
              description: t("map.cooperation.neighbour"),
              href: `/territoires/${n.id}`,
            },
          ]
        : [],
    );
    return [...members, ...neighbours];
  }, [map.data, t, format]);

  if (map.isPending) return <p role="status">{t("map.loading")}</p>;
  if (map.isError) return <QueryError error={map.error} onRetry={() => void map.refetch()} />;
  const legend: LegendItem[] = [
    { tone: "lead", label: format.label(memberRoleLabels.lead) },
    { tone: "member", label: format.label(memberRoleLabels.member) },
    { tone: "associate", label: format.label(memberRoleLabels.associate) },
    { tone: "neighbour", label: t("map.cooperation.neighbour") },
  ];
  const { cooperation, members, neighbours } = map.data;

  return (
    <div className="map-panel">
      {outlines.status === "pending" && <p role="status">{t("map.loading")}</p>}
      {outlines.status === "error" && <p role="alert">{t("map.loadError")}</p>}
      {outlines.status === "success" && shapes.length > 0 && (
        <EpciMap
          label={t("map.cooperation.label", { name: cooperation.name })}
          shapes={shapes}
          outlines={outlines.outlines}
          projection="local"
        />
      )}
      <MapLegend items={legend} />
      <details className="map-panel__data">
        <summary>{t("map.showTable")}</summary>
        <CaptionedTable
          look="data"
          className="data-table--wide"
          caption={t("map.cooperation.caption")}
          captionShown
          columns={[{ label: t("map.cooperation.colTerritory") }, { label: t("map.cooperation.colRole") }]}
        >
          {[...members, ...neighbours.map((n) => ({ ...n, role: null }))].map((row) => (
            <tr key={row.id}>
              <th scope="row">
                <Link to={`/territoires/${row.id}`}>{row.name}</Link>
                {!row.siren && <span className="map-panel__note"> — {t("map.noOutline")}</span>}
              </th>
              <td>{row.role ? format.label(memberRoleLabels[row.role]) : t("map.cooperation.neighbour")}</td>
            </tr>
          ))}
        </CaptionedTable>
      </details>
    </div>
  );
}
