import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { confidenceLabels, funderKindLabels, THEMES, type Theme, themeLabels, themeSchema } from "@trame/core";
import type { inferOutput } from "@trpc/tanstack-react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { useFormat } from "../../i18n/format.ts";
import { trpc } from "../../lib/trpc.ts";
import { useDebouncedValue } from "../../lib/use-debounced-value.ts";
import { Disclosure } from "../../ui/disclosure.tsx";
import { EmptyState } from "../../ui/empty-state.tsx";
import { SelectField, TextField } from "../../ui/fields.tsx";
import { QueryError } from "../../ui/query-error.tsx";

type Programme = inferOutput<typeof trpc.funding.programmes>["items"][number];

/** The API's page limit; the curated catalogue holds a few dozen programmes. */
const SHOWN = 100;
const TYPING_PAUSE_MS = 300;

function themeFrom(value: string | null): Theme | null {
  const parsed = themeSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** Every programme of the catalogue, with where it applies, what it funds and where the facts come from. */
export function ProgrammeCatalogue() {
  const { t } = useTranslation();
  const format = useFormat();
  // In the address like the board's filters (`?vue=catalogue&dispositif=&theme=`), under names of their own.
  const [params, setParams] = useSearchParams();
  const query = params.get("dispositif") ?? "";
  const theme = themeFrom(params.get("theme"));
  const setParam = useCallback(
    (name: string, value: string) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          if (value) next.set(name, value);
          else next.delete(name);
          return next;
        },
        { replace: true, preventScrollReset: true },
      ),
    [setParams],
  );

  const [text, setText] = useState(query);
  const typed = useDebouncedValue(text.trim(), TYPING_PAUSE_MS);
  const written = useRef(query);
  useEffect(() => {
    if (query === written.current) return;
    written.current = query;
    setText(query);
  }, [query]);
  useEffect(() => {
    if (typed === written.current) return;
    written.current = typed;
    setParam("dispositif", typed);
  }, [typed, setParam]);

  const programmes = useQuery({
    ...trpc.funding.programmes.queryOptions({ query, ...(theme ? { theme } : {}), limit: SHOWN }),
    placeholderData: keepPreviousData,
  });

  return (
    <>
      <h2 className="visually-hidden">{t("funding.catalogue.tab")}</h2>
      <p className="board-intro">{t("funding.catalogue.intro")}</p>
      <search className="board-filters" aria-label={t("funding.catalogue.filters")}>
        <TextField
          id="catalogue-query"
          type="search"
          label={t("funding.catalogue.query")}
          value={text}
          maxLength={120}
          onChange={(event) => setText(event.target.value)}
        />
        <SelectField
          id="catalogue-theme"
          label={t("funding.catalogue.theme")}
          options={[
            { value: "", label: t("funding.catalogue.allThemes") },
            ...THEMES.map((value) => ({ value, label: format.label(themeLabels[value]) })),
          ]}
          value={theme ?? ""}
          onChange={(event) => setParam("theme", event.target.value)}
        />
      </search>
      {programmes.isPending && <p role="status">{t("funding.catalogue.loading")}</p>}
      {programmes.isError && <QueryError error={programmes.error} onRetry={() => void programmes.refetch()} />}
      {programmes.data?.items.length === 0 && (
        <EmptyState title={t("funding.catalogue.empty")}>
          <p>{t("funding.catalogue.emptyHint")}</p>
        </EmptyState>
      )}
      {programmes.data && programmes.data.items.length > 0 && (
        <>
          <p className="board-count" role="status">
            {t("funding.catalogue.count", {
              count: programmes.data.total,
              formatted: format.number(programmes.data.total),
            })}
          </p>
          <ul className="catalogue">
            {programmes.data.items.map((programme) => (
              <ProgrammeCard key={programme.id} programme={programme} />
            ))}
          </ul>
        </>
      )}
    </>
  );
}

function ProgrammeCard({ programme }: { programme: Programme }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { perimeter } = programme;
  const places = [...perimeter.regions, ...perimeter.departements].map((place) => place.name).join(", ");
  const uncertain = programme.confidence === "uncertain";
  const kind = format.label(funderKindLabels[programme.funder.kind]);
  // A source field may hold several addresses: the first is the reference, the others are kept in the notes.
  const source = programme.sourceUrl?.split(/[;\s]+/)[0];
  return (
    <li className={uncertain ? "catalogue__item catalogue__item--uncertain" : "catalogue__item"}>
      <h3 className="catalogue__title">
        {programme.acronym || programme.name}
        {uncertain && <span className="badge catalogue__uncertain">{format.label(confidenceLabels.uncertain)}</span>}
      </h3>
      {programme.acronym && <p className="catalogue__name">{programme.name}</p>}
      <dl className="catalogue__facts">
        <dt>{t("funding.catalogue.funder")}</dt>
        <dd>
          {programme.funder.name}
          {kind !== programme.funder.name && ` (${kind})`}
        </dd>
        <dt>{t("funding.catalogue.perimeter")}</dt>
        <dd>{perimeter.national ? t("funding.catalogue.national") : places}</dd>
        {programme.eligibleThemes.length > 0 && (
          <>
            <dt>{t("funding.catalogue.themes")}</dt>
            <dd>{programme.eligibleThemes.map((value) => format.label(themeLabels[value])).join(", ")}</dd>
          </>
        )}
        {programme.instrument && (
          <>
            <dt>{t("funding.catalogue.instrument")}</dt>
            <dd>{programme.instrument}</dd>
          </>
        )}
        {programme.beneficiaries && (
          <>
            <dt>{t("funding.catalogue.beneficiaries")}</dt>
            <dd>{programme.beneficiaries}</dd>
          </>
        )}
        {programme.period && (
          <>
            <dt>{t("funding.catalogue.period")}</dt>
            <dd>{programme.period}</dd>
          </>
        )}
      </dl>
      {programme.notes && (
        <Disclosure title={t("funding.catalogue.notes")} headingLevel={4} className="catalogue__notes">
          <p>{programme.notes}</p>
        </Disclosure>
      )}
      {source && (
        <p className="catalogue__source">
          <a href={source} target="_blank" rel="noopener noreferrer">
            {t("funding.catalogue.source", { name: programme.acronym || programme.name })}
          </a>
        </p>
      )}
    </li>
  );
}
