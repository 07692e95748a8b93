import { type ReactNode, useEffect, useId, useRef } from "react";
import { useTranslation } from "react-i18next";
import "./conflict-panel.css";
import { ScrollRegion } from "./scroll-region.tsx";

export interface ConflictRow {
  field: string;
  label: string;
  mine: ReactNode;
  theirs: ReactNode;
  /** The colleague changed this field (as opposed to a field only the user changed). */
  changedByColleague: boolean;
  /** For a field the user changed, the version they keep and how to change it; absent otherwise. */
  keep?: { side: "mine" | "theirs"; choose: (side: "mine" | "theirs") => void } | undefined;
}

interface ConflictPanelProps {
  rows: readonly ConflictRow[];
  /** "Modifié par … le …", when the history tells who saved in between. */
  changedBy?: string | undefined;
  pending: boolean;
  onReapply: () => void;
  onDiscard: () => void;
}

/**
 * Shown when a save was refused because a colleague saved first (CONFLICT). Nothing typed is lost:
 * the user compares both versions, then resends their changes on top of the colleague's, or drops them.
 */
export function ConflictPanel({ rows, changedBy, pending, onReapply, onDiscard }: ConflictPanelProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const heading = useRef<HTMLHeadingElement>(null);

  // Announce the conflict where the user is: the save button they just pressed is now further down.
  useEffect(() => {
    heading.current?.focus();
  }, []);

  return (
    <section className="conflict" aria-labelledby={titleId}>
      <h3 id={titleId} ref={heading} tabIndex={-1} className="conflict__title">
        {t("history.conflict.title")}
      </h3>
      <p>{t("history.conflict.intro")}</p>
      {changedBy && <p className="conflict__who">{changedBy}</p>}
      <ScrollRegion label={t("history.conflict.caption")}>
        <table className="conflict__table">
          <caption className="visually-hidden">{t("history.conflict.caption")}</caption>
          <thead>
            <tr>
              {[t("history.conflict.field"), t("history.conflict.mine"), t("history.conflict.theirs")].map((text) => (
                <th key={text} scope="col">
                  {text}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.field}>
                <th scope="row">
                  {row.label}
                  {row.changedByColleague && (
                    <span className="conflict__badge">{t("history.conflict.changedByColleague")}</span>
                  )}
                </th>
                <td className="conflict__mine">
                  {row.mine}
                  {row.keep && <KeepChoice row={row} side="mine" group={`${titleId}-${row.field}`} />}
                </td>
                <td className="conflict__theirs">
                  {row.theirs}
                  {row.keep && <KeepChoice row={row} side="theirs" group={`${titleId}-${row.field}`} />}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <p className="conflict__help">{t("history.conflict.help")}</p>
      <div className="conflict__actions">
        <button type="button" className="button" onClick={onReapply} disabled={pending}>
          {pending ? t("history.conflict.reapplying") : t("history.conflict.reapply")}
        </button>
        <button type="button" className="button button--secondary" onClick={onDiscard} disabled={pending}>
          {t("history.conflict.discard")}
        </button>
      </div>
    </section>
  );
}

/** One side of a field's choice: the radio sits under the value it keeps. */
function KeepChoice({ row, side, group }: { row: ConflictRow; side: "mine" | "theirs"; group: string }) {
  const { t } = useTranslation();
  const text = side === "mine" ? t("history.conflict.keepMine") : t("history.conflict.keepTheirs");
  return (
    <label className="conflict__keep">
      <input
        type="radio"
        name={group}
        checked={row.keep?.side === side}
        onChange={() => row.keep?.choose(side)}
        // Radios of several rows sit in one column: the field's name tells them apart.
        aria-label={`${text} — ${row.label}`}
      />{" "}
      {text}
    </label>
  );
}
