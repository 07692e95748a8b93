import { useQuery } from "@tanstack/react-query";
import { THEMES, type Theme, themeLabels } from "@trame/core";
import { useCallback, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import { useFormat } from "../../i18n/format.ts";
import { queryClient, trpc } from "../../lib/trpc.ts";
import { usePageTitle } from "../../lib/use-page-title.ts";
import { CaptionedTable } from "../../ui/captioned-table.tsx";
import { SelectField } from "../../ui/fields.tsx";
import { QueryError } from "../../ui/query-error.tsx";
import { type PickedTerritory, TerritoryComboBox } from "../territories/territory-combo-box.tsx";
import { EpciMap, type MapShape } from "./epci-map.tsx";
import { MapLegend, useLevelLegend } from "./map-legend.tsx";
import { levelOf } from "./map-scale.ts";
import { useOutlines } from "./use-outlines.ts";
import "./map.css";

function isTheme(value: string | null): value is Theme {
  return (THEMES as readonly string[]).includes(value ?? "");
}

/** `/carte`: every EPCI, the métropoles marked, coloured by cooperation recorded with a metropolis. */
export default function NationalMapPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  usePageTitle(t("map.national.title"));
  // The theme lives in the address, so a filtered map can be shared and reloaded.
  const [params, setParams] = useSearchParams();
  const raw = params.get("theme");
  const theme = isTheme(raw) ? raw : undefined;
  const national = useQuery(trpc.map.national.queryOptions({ theme }));
  const outlines = useOutlines();
  const legend = useLevelLegend();
  const [picked, setPicked] = useState<PickedTerritory | null>(null);
  const [flyTo, setFlyTo] = useState<string | null>(null);
  // The zone (a région or a département) lives in the address too: "region-75", "departement-33".
  const zone = params.get("zone") ?? "";
  const areas = useQuery({ ...trpc.map.areas.queryOptions(), staleTime: Number.POSITIVE_INFINITY });
  const zoneOptions = useMemo(
    () => [
      { value: "", label: t("map.national.wholeCountry") },
      ...(areas.data?.regions ?? []).map((region) => ({
        value: `region-${region.code}`,
        label: region.name,
        group: t("map.national.regions"),
      })),
      ...(areas.data?.departements ?? []).map((departement) => ({
        value: `departement-${departement.code}`,
        label: `${departement.code} — ${departement.name}`,
        group: t("map.national.departements"),
      })),
    ],
    [areas.data, t],
  );
  const frame = useMemo(() => {
    if (!areas.data) return null;
    const [kind, code] = zone.split("-");
    const area =
      kind === "region"
        ? areas.data.regions.find((region) => region.code === code)
        : kind === "departement"
          ? areas.data.departements.find((departement) => departement.code === code)
          : undefined;
    return area?.sirens ?? [];
  }, [areas.data, zone]);

  const metropoleSirens = useMemo(
    () => new Set((national.data?.metropoles ?? []).flatMap((m) => (m.siren ? [m.siren] : []))),
    [national.data],
  );

  const shapes = useMemo<MapShape[]>(() => {
    if (outlines.status !== "success" || !national.data) return [];
    const figures = new Map(national.data.entries.map((e) => [e.siren, e]));
    return [...outlines.outlines.bySiren.values()].map((outline) => {
      const { siren, nom } = outline;
      const entry = figures.get(siren);
      const value = entry ? entry.cooperations + entry.projects : 0;
      const described = entry
        ? t("map.national.figures", {
            cooperations: format.number(entry.cooperations),
            projects: format.number(entry.projects),
          })
        : t("map.national.nothing");
      const marked = metropoleSirens.has(siren);
      return {
        siren,
        name: nom,
        tone: `l${levelOf(value)}`,
        description: marked ? `${t("map.national.metropole")} ; ${described}` : described,
        marked,
      };
    });
  }, [outlines, national.data, metropoleSirens, t, format]);

  // Outlines carry SIRENs, pages ids: the id is looked up when a shape is opened.
  const open = useCallback(
    async (siren: string) => {
      const found = await queryClient.fetchQuery(trpc.territory.search.queryOptions({ query: siren }));
      const territory = found.items.find((item) => item.siren === siren);
      if (territory) navigate(`/territoires/${territory.id}`);
    },
    [navigate],
  );

  const flyToPicked = async (territory: PickedTerritory | null) => {
    setPicked(territory);
    if (!territory) return;
    const detail = await queryClient.fetchQuery(trpc.territory.get.queryOptions({ id: territory.id }));
    if (detail.siren) setFlyTo(detail.siren);
  };

  const rows = useMemo(() => {
    if (!national.data) return [];
    const names = outlines.status === "success" ? outlines.outlines.bySiren : null;
    const bySiren = new Map(national.data.entries.map((e) => [e.siren, e]));
    for (const m of national.data.metropoles) {
      if (m.siren && !bySiren.has(m.siren)) {
        bySiren.set(m.siren, { id: m.id, siren: m.siren, cooperations: 0, projects: 0 });
      }
    }
    const metropoleNames = new Map(national.data.metropoles.map((m) => [m.siren, m.name]));
    return [...bySiren.values()]
      .map((e) => ({
        ...e,
        name: metropoleNames.get(e.siren) ?? names?.get(e.siren)?.nom ?? e.siren,
        metropole: metropoleSirens.has(e.siren),
      }))
      .sort(
        (a, b) => b.cooperations + b.projects - (a.cooperations + a.projects) || a.name.localeCompare(b.name, "fr"),
      );
  }, [national.data, outlines, metropoleSirens]);

  return (
    <div className="national-map">
      <h1>{t("map.national.title")}</h1>
      <p className="map-panel__intro">{t("map.national.intro")}</p>
      <div className="national-map__filters">
        <SelectField
          id="carte-theme"
          label={t("map.national.theme")}
          value={theme ?? ""}
          options={[
            { value: "", label: t("map.national.allThemes") },
            ...THEMES.map((value) => ({ value, label: format.label(themeLabels[value]) })),
          ]}
          onChange={(event) => {
            const next = new URLSearchParams(params);
            if (event.target.value) next.set("theme", event.target.value);
            else next.delete("theme");
            setParams(next, { replace: true });
          }}
        />
        <SelectField
          id="carte-zone"
          label={t("map.national.zone")}
          value={zoneOptions.some((option) => option.value === zone) ? zone : ""}
          options={zoneOptions}
          onChange={(event) => {
            const next = new URLSearchParams(params);
            if (event.target.value) next.set("zone", event.target.value);
            else next.delete("zone");
            setParams(next, { replace: true });
          }}
        />
        <TerritoryComboBox
          id="carte-recherche"
          label={t("map.national.search")}
          value={picked}
          onChange={(territory) => void flyToPicked(territory)}
        />
      </div>

      {national.isError && <QueryError error={national.error} onRetry={() => void national.refetch()} />}
      {(national.isPending || outlines.status === "pending") && <p role="status">{t("map.loading")}</p>}
      {outlines.status === "error" && <p role="alert">{t("map.loadError")}</p>}
      {shapes.length > 0 && outlines.status === "success" && (
        <EpciMap
          label={t("map.national.label")}
          shapes={shapes}
          outlines={outlines.outlines}
          projection="france"
          flyTo={flyTo}
          frame={frame}
          initialSiren={national.data?.metropoles[0]?.siren ?? undefined}
          onOpen={(siren) => void open(siren)}
        />
      )}
      <p className="map-panel__intro">{t("map.national.drom")}</p>
      <MapLegend items={legend} />
      <p>
        <span className="national-map__diamond" aria-hidden="true">
          ◇
        </span>{" "}
        {t("map.national.metropoles")}
      </p>

      {national.data && (
        <details className="map-panel__data">
          <summary>{t("map.showTable")}</summary>
          {national.data.entries.length === 0 && <p>{t("map.national.noneRecorded")}</p>}
          <CaptionedTable
            look="data"
            className="data-table--wide"
            caption={t("map.national.caption")}
            captionShown
            columns={[
              { label: t("map.national.colTerritory") },
              { label: t("map.national.metropole") },
              { label: t("map.national.colCooperations") },
              { label: t("map.national.colProjects") },
            ]}
          >
            {rows.map((row) => (
              <tr key={row.siren}>
                <th scope="row">
                  <Link to={`/territoires/${row.id}`}>{row.name}</Link>
                </th>
                <td>{row.metropole ? t("map.national.yes") : ""}</td>
                <td>{format.number(row.cooperations)}</td>
                <td>{format.number(row.projects)}</td>
              </tr>
            ))}
          </CaptionedTable>
        </details>
      )}
    </div>
  );
}
