import { type ReactNode, useId } from "react";
import type { FieldValues } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { useFormat } from "../i18n/format.ts";
import type { VersionedSchemaForm } from "../lib/use-versioned-schema-form.ts";
import { ConflictPanel } from "./conflict-panel.tsx";
import { OfflineNotice } from "./offline-notice.tsx";
import { SchemaForm } from "./schema-form.tsx";

export interface EditTexts {
  save: string;
  saving: string;
  cancel: string;
  fixFields: string;
}

/** The buttons and the summary in a catalog's usual keys. */
export function useEditTexts(catalog: "projects.edit" | "cooperations.edit" | "admin"): EditTexts {
  const { t } = useTranslation();
  return {
    save: t(`${catalog}.save`),
    saving: t(`${catalog}.saving`),
    cancel: t(`${catalog}.cancel`),
    fixFields: t(`${catalog}.fixFields`),
  };
}

/** How a field's value reads in the comparison (dates, amounts, labels); an empty value reads "—". */
export type ConflictDisplay<V extends FieldValues> = { [K in keyof V]?: (value: NonNullable<V[K]>) => string };

interface VersionedEditFormProps<V extends FieldValues> {
  form: VersionedSchemaForm<V>;
  /** Each field's label, to name it in the comparison. */
  labels: Record<keyof V & string, string>;
  /** A field not listed here reads as its text. */
  display?: ConflictDisplay<V>;
  /** The version stored now, as the open page last heard it: ahead of the form's when a colleague saved meanwhile. */
  storedVersion?: number | undefined;
  texts: EditTexts;
  /** On a page, the form's section and its title (a dialog has its own). */
  heading?: { text: string; level: 2 | 3; className?: string };
  /** The footer's class: "dialog__actions" in a dialog. */
  actionsClassName?: string;
  children: ReactNode;
}

/**
 * Every versioned edit form: above the fields, a draft restored after signing in again, the warning that a
 * colleague saved meanwhile, the conflict with their save and the error summary; below, save and cancel.
 */
export function VersionedEditForm<V extends FieldValues>(props: VersionedEditFormProps<V>) {
  const { form, texts, heading, actionsClassName = "form__actions" } = props;
  const { pending, paused } = form.actions;
  const headingId = useId();
  const body = (
    <>
      <VersionedEditNotices {...props} />
      <SchemaForm form={form} message={null}>
        {props.children}
        <OfflineNotice paused={paused} />
        <div className={actionsClassName}>
          <button type="submit" className="button" disabled={pending || form.edit.theirs !== null}>
            {pending ? texts.saving : texts.save}
          </button>
          <button type="button" className="button button--secondary" onClick={form.cancel} disabled={pending}>
            {texts.cancel}
          </button>
        </div>
      </SchemaForm>
    </>
  );
  if (!heading) return body;
  const Heading = heading.level === 2 ? "h2" : "h3";
  return (
    <section className={heading.className} aria-labelledby={headingId}>
      <Heading id={headingId}>{heading.text}</Heading>
      {body}
    </section>
  );
}

function VersionedEditNotices<V extends FieldValues>(props: VersionedEditFormProps<V>) {
  const { form, labels, storedVersion, texts } = props;
  const { edit, latest, values } = form;
  const display: ConflictDisplay<V> = props.display ?? {};
  const { t } = useTranslation();
  const format = useFormat();
  const movedOn = !edit.theirs && edit.version !== null && storedVersion !== undefined && storedVersion > edit.version;
  const summary = form.invalid ? texts.fixFields : form.message;

  function shown<K extends keyof V & string>(key: K, version: V): string {
    const value = version[key];
    if (value === null || value === "" || (Array.isArray(value) && !value.length)) return "—";
    return display[key]?.(value) ?? String(value);
  }

  return (
    <>
      {edit.restored && (
        <div className="alert" role="status">
          <p>{t("history.draft.restored")}</p>
        </div>
      )}
      {movedOn && (
        <div className="alert alert--warning" role="status">
          <p>{t("history.moved.body")}</p>
        </div>
      )}
      {edit.theirs && (
        <ConflictPanel
          rows={edit.conflictFields(values).map((row) => ({
            field: row.key,
            label: labels[row.key],
            mine: shown(row.key, values),
            theirs: shown(row.key, edit.theirs ?? values),
            changedByColleague: row.changedByColleague,
            keep: row.keep ? { side: row.keep, choose: (side) => edit.choose(row.key, side) } : undefined,
          }))}
          changedBy={
            latest?.actor
              ? t("history.conflict.changedBy", { name: latest.actor.name, date: format.dateTime(latest.at) })
              : undefined
          }
          pending={form.actions.pending}
          onReapply={form.reapply}
          onDiscard={form.discard}
        />
      )}
      {summary && (
        <div className="alert alert--error" role="alert">
          <p>{summary}</p>
        </div>
      )}
    </>
  );
}
