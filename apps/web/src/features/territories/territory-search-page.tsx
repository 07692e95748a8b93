import {
  searchTerritoriesInputSchema,
  TERRITORY_KINDS,
  type TerritoryKind,
  territoryKindLabels,
  territoryKindSchema,
} from "@trame/core";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { useFormat } from "../../i18n/format.ts";
import { useDebouncedValue } from "../../lib/use-debounced-value.ts";
import { usePageTitle } from "../../lib/use-page-title.ts";
import { SelectField, TextField } from "../../ui/fields.tsx";
import { TerritoryResults } from "./territory-results.tsx";
import "./territories.css";

const TYPING_PAUSE_MS = 300;

function kindFrom(value: string | null): TerritoryKind | null {
  const parsed = territoryKindSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

const departementSchema = searchTerritoriesInputSchema.shape.departement.unwrap();

/** "33", "2A" (typed "2a" is fine), "974"; null for anything else, which the server would refuse. */
function departementFrom(value: string | null): string | null {
  const parsed = departementSchema.safeParse((value ?? "").trim().toUpperCase());
  return parsed.success ? parsed.data : null;
}

export default function TerritorySearchPage() {
  const { t } = useTranslation();
  const format = useFormat();
  usePageTitle(t("territories.title"));

  // The search lives in the address (?q=&type=) so a reload, a bookmark or a shared link shows the same list.
  const [params, setParams] = useSearchParams();
  const query = params.get("q") ?? "";
  const kind = kindFrom(params.get("type"));
  const departement = departementFrom(params.get("dep"));

  const [text, setText] = useState(query);
  const typed = useDebouncedValue(text.trim(), TYPING_PAUSE_MS);
  // The last query this page wrote to the address, to tell our own updates from the user's navigation.
  const written = useRef(query);

  useEffect(() => {
    if (query === written.current) return;
    written.current = query;
    setText(query);
  }, [query]);

  useEffect(() => {
    if (typed === written.current) return;
    written.current = typed;
    setParams((current) => withParam(current, "q", typed), { replace: true });
  }, [typed, setParams]);

  // The département field writes to the address only once it holds a valid code (or nothing):
  // a half-typed "3" must not empty the list, and an invalid code is explained rather than sent.
  const depParam = params.get("dep") ?? "";
  const [depText, setDepText] = useState(depParam);
  const [depChecked, setDepChecked] = useState(depParam !== "");
  const depWritten = useRef(depParam);

  useEffect(() => {
    if (depParam === depWritten.current) return;
    depWritten.current = depParam;
    setDepText(depParam);
  }, [depParam]);

  const depInvalid = depText.trim() !== "" && departementFrom(depText) === null;
  const depInput = useRef<HTMLInputElement>(null);

  function changeDepartement(value: string) {
    setDepText(value);
    const code = departementFrom(value);
    if (value.trim() === "" || code) {
      depWritten.current = code ?? "";
      setParams((current) => withParam(current, "dep", code ?? ""), { replace: true });
    }
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (depInvalid) {
      setDepChecked(true);
      depInput.current?.focus();
      return;
    }
    const now = text.trim();
    written.current = now;
    setParams((current) => withParam(current, "q", now), { replace: true });
  }

  const kindOptions = [
    { value: "", label: t("territories.kindAll") },
    ...TERRITORY_KINDS.map((value) => ({ value, label: format.label(territoryKindLabels[value]) })),
  ];

  return (
    <>
      <h1>{t("territories.title")}</h1>
      <p className="lead">{t("territories.intro")}</p>
      <search>
        <form className="search-form" onSubmit={submit}>
          <TextField
            id="territory-query"
            name="q"
            type="search"
            autoComplete="off"
            spellCheck={false}
            label={t("territories.searchLabel")}
            hint={t("territories.searchHint")}
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
          <SelectField
            id="territory-kind"
            name="type"
            label={t("territories.kindLabel")}
            options={kindOptions}
            value={kind ?? ""}
            onChange={(event) =>
              setParams((current) => withParam(current, "type", event.target.value), { replace: true })
            }
          />
          <TextField
            ref={depInput}
            id="territory-departement"
            name="dep"
            autoComplete="off"
            spellCheck={false}
            inputMode="text"
            maxLength={3}
            label={t("territories.departementLabel")}
            hint={t("territories.departementHint")}
            error={depChecked && depInvalid ? t("territories.departementInvalid") : undefined}
            value={depText}
            onChange={(event) => changeDepartement(event.target.value)}
            onBlur={() => setDepChecked(true)}
          />
          <button type="submit" className="button search-form__submit">
            {t("territories.searchSubmit")}
          </button>
        </form>
      </search>
      <TerritoryResults
        query={query}
        kind={kind}
        departement={departement}
        onClearKind={() => setParams((current) => withParam(current, "type", ""), { replace: true })}
        onClearDepartement={() => {
          setDepText("");
          depWritten.current = "";
          setParams((current) => withParam(current, "dep", ""), { replace: true });
        }}
      />
    </>
  );
}

function withParam(current: URLSearchParams, name: string, value: string): URLSearchParams {
  const next = new URLSearchParams(current);
  if (value) next.set(name, value);
  else next.delete(name);
  return next;
}
