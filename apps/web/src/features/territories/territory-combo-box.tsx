import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { territoryKindLabels } from "@trame/core";
import type { inferOutput } from "@trpc/tanstack-react-query";
import { useState } from "react";
import { ComboBox, FieldError, Input, Label, ListBox, ListBoxItem, Popover, Text } from "react-aria-components";
import { useController } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format.ts";
import { trpc } from "../../lib/trpc.ts";
import { useDebouncedValue } from "../../lib/use-debounced-value.ts";
import "../../ui/aria-fields.css";
import "./territory-combo-box.css";

/** The territory a combo box holds: enough to show it and to send its id. */
export interface PickedTerritory {
  id: string;
  name: string;
}

interface TerritoryComboBoxProps {
  /** Given to the input, so a form can focus it when its field is invalid. */
  id: string;
  label: string;
  /** Replaces the default "type at least two letters…" help. */
  hint?: string | undefined;
  error?: string | undefined;
  value: PickedTerritory | null;
  onChange: (territory: PickedTerritory | null) => void;
  /** Territories not to offer: the one a neighbour link starts from, a cooperation's current members… */
  excludeIds?: ReadonlySet<string> | undefined;
}

type TerritorySuggestion = inferOutput<typeof trpc.territory.search>["items"][number];

/** Fewer letters match too much of the 1,200 territories to be worth a request. */
const MIN_QUERY = 2;
const SUGGESTIONS = 10;
/** The search endpoint's page limit. */
const MAX_LIMIT = 100;
const DEBOUNCE_MS = 250;

/**
 * Any territory of the instance, found by typing part of its name or its SIREN: React Aria's combobox
 * (listbox semantics, arrow keys, announcements) over `territory.search`. The typed text lives here;
 * callers only see the picked territory, or null while none is.
 */
export function TerritoryComboBox({ id, label, hint, error, value, onChange, excludeIds }: TerritoryComboBoxProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const [input, setInput] = useState(value?.name ?? "");
  // The caller cleared or replaced the pick (after a save, say): the field follows, unless the user has
  // already typed something else since.
  const [shown, setShown] = useState(value);
  if (value?.id !== shown?.id) {
    setShown(value);
    if (value) setInput(value.name);
    else if (shown && input === shown.name) setInput("");
  }

  const typed = input.trim();
  const query = useDebouncedValue(typed, DEBOUNCE_MS);
  const excluded = excludeIds?.size ?? 0;
  const search = useQuery({
    // Ask for a few more so that excluded territories do not leave the list short.
    ...trpc.territory.search.queryOptions({ query, limit: Math.min(SUGGESTIONS + excluded, MAX_LIMIT) }),
    enabled: query.length >= MIN_QUERY,
    placeholderData: keepPreviousData,
  });
  const items: TerritorySuggestion[] =
    typed.length >= MIN_QUERY && query.length >= MIN_QUERY
      ? (search.data?.items ?? []).filter((territory) => !excludeIds?.has(territory.id)).slice(0, SUGGESTIONS)
      : [];
  const pending = search.isFetching || typed !== query;

  return (
    <ComboBox
      id={id}
      className={error ? "field field--error" : "field"}
      items={items}
      inputValue={input}
      onInputChange={(next) => {
        setInput(next);
        // Typing again after a pick starts a new search: the previous pick no longer holds.
        if (value && next !== value.name) onChange(null);
      }}
      selectedKey={value?.id ?? null}
      onSelectionChange={(key) => {
        const picked = items.find((territory) => territory.id === key);
        if (!picked) return;
        onChange({ id: picked.id, name: picked.name });
        // With both input and selection controlled, React Aria leaves the field as typed: show the name.
        setInput(picked.name);
      }}
      // The server searches; React Aria must not filter its answer again by the typed text.
      menuTrigger="input"
      allowsEmptyCollection
      isInvalid={Boolean(error)}
      validationBehavior="aria"
    >
      <Label className="field__label">{label}</Label>
      <Text slot="description" className="field__hint">
        {hint ?? t("territories.picker.hint")}
      </Text>
      <FieldError className="field__error">{error}</FieldError>
      <Input className="field__control" />
      <Popover className="territory-combo__popover" placement="bottom start">
        <ListBox
          className="territory-combo__list"
          renderEmptyState={() => (
            <p className="territory-combo__empty">
              {typed.length < MIN_QUERY
                ? t("territories.picker.tooShort")
                : pending
                  ? t("territories.searching")
                  : t("territories.picker.none")}
            </p>
          )}
        >
          {(territory: TerritorySuggestion) => (
            <ListBoxItem id={territory.id} textValue={territory.name} className="territory-combo__option">
              {/* Plain text, no label/description slots: the accessible name is then all that is visible. */}
              <span className="territory-combo__name">{territory.name}</span>
              <span className="territory-combo__meta">
                {format.label(territoryKindLabels[territory.kind])}
                {territory.departements.length > 0 && ` · ${territory.departements.join(", ")}`}
                {territory.siren && ` · ${t("territories.siren")} ${territory.siren}`}
              </span>
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}

type FormTerritoryComboBoxProps = Omit<TerritoryComboBoxProps, "value" | "onChange" | "error"> & {
  name: string;
  error?: string | undefined;
};

/**
 * The picker as a field of the enclosing `SchemaForm`: its value is the picked territory (the caller's
 * `toInput` sends its id). `id` must be the form's `${idPrefix}-${name}`, so that the focus on error finds it.
 */
export function FormTerritoryComboBox({ name, error, ...props }: FormTerritoryComboBoxProps) {
  const { field, fieldState } = useController({ name });
  return (
    <TerritoryComboBox
      {...props}
      value={field.value ?? null}
      onChange={field.onChange}
      error={error ?? fieldState.error?.message}
    />
  );
}
