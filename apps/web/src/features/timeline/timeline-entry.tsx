import {
  EVENT_KINDS,
  type TimelineKind,
  timelineEntryDetail,
  timelineEntryDocument,
  timelineEntryTitle,
  timelineKindLabels,
} from "@trame/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useFormat } from "../../i18n/format.ts";
import { LinkedText } from "../../ui/linked-text.tsx";
import { documentUrl } from "../projects/document-requests.ts";
import type { TimelineItem } from "./use-timeline-pages.ts";

/** Three families, each with its own colour, so the eye separates what was done from what was recorded. */
function familyOf(kind: TimelineKind): "action" | "event" | "funding" {
  if (kind === "funding_status") return "funding";
  return (EVENT_KINDS as readonly string[]).includes(kind) ? "event" : "action";
}

interface EntryProps {
  entry: TimelineItem;
  /** The territory whose timeline this is: listed partners leave it out, it is implied. */
  ownTerritoryId?: string | undefined;
  index?: number;
}

export function TimelineEntry({ entry, ownTerritoryId, index }: EntryProps) {
  const { t } = useTranslation();
  const format = useFormat();
  // Worded from the entry's facts in the interface's language (the same words as the CSV and calendar).
  const detail = timelineEntryDetail(entry, format.locale);
  const title = timelineEntryTitle(entry, format.locale);
  const document = timelineEntryDocument(entry);
  const others = entry.territories.filter((territory) => territory.id !== ownTerritoryId);
  return (
    <li className="entry" data-index={index} tabIndex={index === undefined ? undefined : -1}>
      <p className="entry__meta">
        <time dateTime={entry.occurredOn} className="entry__date">
          {format.date(entry.occurredOn)}
        </time>
        <span className={`entry__kind entry__kind--${familyOf(entry.kind)}`}>
          {format.label(timelineKindLabels[entry.kind])}
        </span>
      </p>
      <p className="entry__title">
        {document ? (
          // The file itself, one click away: the same download (and the same access check) as on the project.
          <a href={documentUrl(document.id)} download={document.name}>
            {title}
          </a>
        ) : (
          title
        )}
      </p>
      {detail && (
        <p className="entry__detail">
          <LinkedText text={detail} />
        </p>
      )}
      <dl className="entry__context">
        {entry.project && (
          <ContextLink
            term={t("timeline.entry.project")}
            to={`/projets/${entry.project.id}`}
            name={entry.project.title}
          />
        )}
        <ContextLink
          term={t("timeline.entry.cooperation")}
          to={`/cooperations/${entry.cooperation.id}`}
          name={entry.cooperation.name}
        />
        {others.length > 0 && (
          <div>
            <dt>{ownTerritoryId ? t("timeline.entry.with") : t("timeline.entry.territories")}</dt>
            <dd>{others.map((territory) => territory.name).join(", ")}</dd>
          </div>
        )}
      </dl>
    </li>
  );
}

/** One line of the entry's context: what it belongs to, linked to its page. */
function ContextLink({ term, to, name }: { term: string; to: string; name: string }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>
        <Link to={to}>{name}</Link>
      </dd>
    </div>
  );
}
