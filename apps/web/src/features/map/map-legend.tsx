import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format.ts";
import { MapPatterns } from "./epci-map.tsx";
import { levelRanges } from "./map-scale.ts";
import { type MapTone, toneFill } from "./map-tones.ts";

export interface LegendItem {
  tone: MapTone;
  label: string;
}

/** The cooperation ramp with the values of each class, "nothing recorded" hatched. */
export function useLevelLegend(): LegendItem[] {
  const { t } = useTranslation();
  const format = useFormat();
  return [
    { tone: "l0", label: t("map.level.none") },
    ...levelRanges().map(({ level, from, to }) => ({
      tone: `l${level}` as MapTone,
      label:
        to === null
          ? t("map.level.atLeast", { value: format.number(from) })
          : from === to
            ? t("map.level.single", { value: format.number(from) })
            : t("map.level.range", { from: format.number(from), to: format.number(to) }),
    })),
  ];
}

export function MapLegend({ items, title }: { items: readonly LegendItem[]; title?: string }) {
  const { t } = useTranslation();
  const id = "legend";
  return (
    <figure className="map-legend">
      <figcaption>{title ?? t("map.legend")}</figcaption>
      <ul>
        {items.map((item) => (
          <li key={item.tone}>
            <svg width="28" height="18" aria-hidden="true" className="map-legend__swatch">
              <MapPatterns id={`${id}-${item.tone}`} />
              <rect width="28" height="18" fill={toneFill(item.tone, `${id}-${item.tone}`)} stroke="#666" />
            </svg>
            {item.label}
          </li>
        ))}
      </ul>
    </figure>
  );
}
