import { useQuery } from "@tanstack/react-query";
import { APPLICATION_STATUSES, type ApplicationStatus, applicationStatusLabels } from "@trame/core";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format.ts";
import { trpc } from "../../lib/trpc.ts";
import { useDebouncedValue } from "../../lib/use-debounced-value.ts";
import { SelectField, TextField } from "../../ui/fields.tsx";
import { useSession } from "../auth/use-session.ts";
import type { BoardFilters } from "./board-filters.ts";

const TYPING_PAUSE_MS = 300;

interface Props {
  filters: BoardFilters;
  onChange: (changes: Partial<BoardFilters>) => void;
  onReset: () => void;
}

/** Every change applies at once and goes to the address: no "apply" button to forget. */
export function BoardFilterForm({ filters, onChange, onReset }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const session = useSession();
  const funders = useQuery(trpc.funding.funders.queryOptions());
  const memberships = session.data?.memberships ?? [];

  // The text goes to the address once typing pauses; back/forward or a reset rewrites the field.
  const [text, setText] = useState(filters.query);
  const typed = useDebouncedValue(text.trim(), TYPING_PAUSE_MS);
  const written = useRef(filters.query);
  useEffect(() => {
    if (filters.query === written.current) return;
    written.current = filters.query;
    setText(filters.query);
  }, [filters.query]);
  useEffect(() => {
    if (typed === written.current) return;
    written.current = typed;
    onChange({ query: typed });
  }, [typed, onChange]);

  return (
    <search className="board-filters" aria-label={t("funding.filters.label")}>
      <SelectField
        id="board-status"
        label={t("funding.filters.status")}
        options={[
          { value: "", label: t("funding.filters.allStatuses") },
          ...APPLICATION_STATUSES.map((status) => ({
            value: status,
            label: format.label(applicationStatusLabels[status]),
          })),
        ]}
        value={filters.status ?? ""}
        onChange={(event) => onChange({ status: (event.target.value || null) as ApplicationStatus | null })}
      />
      {/* With a single territory, "all of mine" and "this one" are the same list. */}
      {memberships.length > 1 && (
        <SelectField
          id="board-territory"
          label={t("funding.filters.territory")}
          options={[
            { value: "", label: t("funding.filters.allTerritories") },
            ...memberships.map((m) => ({ value: m.territoryId, label: m.territoryName })),
          ]}
          value={filters.territoryId ?? ""}
          onChange={(event) => onChange({ territoryId: event.target.value || null })}
        />
      )}
      <SelectField
        id="board-funder"
        label={t("funding.filters.funder")}
        options={[
          { value: "", label: t("funding.filters.allFunders") },
          ...(funders.data ?? []).map((funder) => ({ value: funder.id, label: funder.name })),
        ]}
        value={filters.funderId ?? ""}
        onChange={(event) => onChange({ funderId: event.target.value || null })}
      />
      <TextField
        id="board-query"
        type="search"
        label={t("funding.filters.query")}
        hint={t("funding.filters.queryHint")}
        value={text}
        maxLength={120}
        onChange={(event) => setText(event.target.value)}
      />
      <button type="button" className="button button--secondary board-filters__reset" onClick={onReset}>
        {t("funding.filters.reset")}
      </button>
    </search>
  );
}
