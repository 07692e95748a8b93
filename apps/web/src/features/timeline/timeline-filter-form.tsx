import { ACTION_KINDS, EVENT_KINDS, THEMES, type TimelineKind, themeLabels, timelineKindLabels } from "@trame/core";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format.ts";
import { CheckboxGroupField } from "../../ui/choice-fields.tsx";
import { Disclosure } from "../../ui/disclosure.tsx";
import { SelectField, TextField } from "../../ui/fields.tsx";
import { activeFilterCount, type TimelineFilterValues } from "./timeline-filters.ts";

interface Props {
  idPrefix: string;
  filters: TimelineFilterValues;
  onChange: (changes: Partial<TimelineFilterValues>) => void;
  onReset: () => void;
  /** Offered in "with the territory"; absent when the scope is not a territory. */
  partners: readonly { id: string; name: string }[] | null;
}

const isAction = (kind: TimelineKind) => (ACTION_KINDS as readonly string[]).includes(kind);

/** Every change applies at once (and goes to the address): no "apply" button to forget. */
export function TimelineFilterForm({ idPrefix, filters, onChange, onReset, partners }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const active = activeFilterCount(filters);
  const [from, setFrom] = useState(filters.from ?? "");
  const [to, setTo] = useState(filters.to ?? "");

  // Back/forward or a reset rewrites the address: the date fields follow it.
  useEffect(() => setFrom(filters.from ?? ""), [filters.from]);
  useEffect(() => setTo(filters.to ?? ""), [filters.to]);

  const periodError = from && to && to < from ? t("timeline.filters.toBeforeFrom") : undefined;

  function changeDate(which: "from" | "to", value: string) {
    const nextFrom = which === "from" ? value : from;
    const nextTo = which === "to" ? value : to;
    if (which === "from") setFrom(value);
    else setTo(value);
    // A date field reports "" while a date is half typed: only whole, ordered periods reach the address.
    if (nextFrom && nextTo && nextTo < nextFrom) return;
    onChange({ from: nextFrom || null, to: nextTo || null });
  }

  const kindOption = (kind: TimelineKind) => ({ value: kind, label: format.label(timelineKindLabels[kind]) });
  const title =
    active > 0
      ? t("timeline.filters.titleActive", { count: active, formatted: format.number(active) })
      : t("timeline.filters.title");

  return (
    <Disclosure title={title} defaultExpanded={active > 0} className="timeline__filters">
      <div className="timeline-filters">
        <div className="timeline-filters__kinds">
          <CheckboxGroupField
            label={t("timeline.filters.actionKinds")}
            options={ACTION_KINDS.map(kindOption)}
            value={filters.kinds.filter(isAction)}
            onChange={(kinds) => onChange({ kinds: [...kinds, ...filters.kinds.filter((kind) => !isAction(kind))] })}
            inline
          />
          <CheckboxGroupField
            label={t("timeline.filters.eventKinds")}
            options={EVENT_KINDS.map(kindOption)}
            value={filters.kinds.filter((kind) => !isAction(kind))}
            onChange={(kinds) => onChange({ kinds: [...filters.kinds.filter(isAction), ...kinds] })}
            inline
          />
        </div>
        <CheckboxGroupField
          label={t("timeline.filters.themes")}
          hint={t("timeline.filters.themesHint")}
          options={THEMES.map((theme) => ({ value: theme, label: format.label(themeLabels[theme]) }))}
          value={filters.themes}
          onChange={(themes) => onChange({ themes })}
          inline
        />
        <div className="timeline-filters__row">
          {partners && (
            <SelectField
              id={`${idPrefix}-partner`}
              label={t("timeline.filters.partner")}
              hint={t("timeline.filters.partnerHint")}
              options={[
                { value: "", label: t("timeline.filters.partnerAll") },
                ...partners.map((partner) => ({ value: partner.id, label: partner.name })),
              ]}
              value={filters.partnerTerritoryId ?? ""}
              onChange={(event) => onChange({ partnerTerritoryId: event.target.value || null })}
            />
          )}
          <fieldset className="timeline-filters__period">
            <legend className="field__label">{t("timeline.filters.period")}</legend>
            <div className="timeline-filters__dates">
              <TextField
                id={`${idPrefix}-from`}
                type="date"
                label={t("timeline.filters.from")}
                value={from}
                min="1950-01-01"
                max="2100-12-31"
                onChange={(event) => changeDate("from", event.target.value)}
              />
              <TextField
                id={`${idPrefix}-to`}
                type="date"
                label={t("timeline.filters.to")}
                value={to}
                min={from || "1950-01-01"}
                max="2100-12-31"
                error={periodError}
                onChange={(event) => changeDate("to", event.target.value)}
              />
            </div>
          </fieldset>
        </div>
        {/* Always there, even with no filter: a button vanishing under the keyboard focus would drop it. */}
        <button type="button" className="button button--secondary timeline-filters__reset" onClick={onReset}>
          {t("timeline.filters.reset")}
        </button>
      </div>
    </Disclosure>
  );
}
