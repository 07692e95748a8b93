import { useTranslation } from "react-i18next";
import type { HeardChange } from "../lib/use-live-record.ts";

/** The fields a reader is told of, by their API names; the rest (histories, bookkeeping) go unnamed. */
const TOLD_FIELDS = [
  "title",
  "summary",
  "themes",
  "startedOn",
  "endedOn",
  "budgetCents",
  "visibility",
  "status",
  "partners",
  "engineering",
  "archivedAt",
  "name",
  "description",
  "narrative",
  "members",
  "engagementForm",
] as const;
const isTold = (field: string): field is (typeof TOLD_FIELDS)[number] =>
  (TOLD_FIELDS as readonly string[]).includes(field);

/**
 * "Anne Martin vient d'enregistrer une modification : titre, résumé." The live region is always in
 * the page, so a screen reader hears the sentence when it appears.
 */
export function RecordChangeNotice({ heard }: { heard: HeardChange | null }) {
  const { t } = useTranslation();
  const named = (field: string) => (isTold(field) ? [t(`history.live.fields.${field}`)] : []);
  const fields = heard ? [...new Set(heard.fields.flatMap(named))] : [];
  const name = heard?.by?.name ?? t("history.live.someone");
  return (
    <div role="status" className="record-change">
      {heard && (
        <p className="alert">
          {fields.length
            ? t("history.live.changedFields", { name, fields: fields.join(", ") })
            : t("history.live.changed", { name })}
        </p>
      )}
    </div>
  );
}
