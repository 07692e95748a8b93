import type { ReactNode } from "react";
import { ScrollRegion } from "./scroll-region.tsx";

export interface TableColumn {
  label: string;
  /** A column of figures, aligned on the right. */
  numeric?: boolean;
  /** A heading only screen readers need (the column of a row's buttons). */
  hidden?: boolean;
}

/**
 * The app's table looks: the record tables of entity-page.css, the plain data tables of ui.css, the health
 * figures' tables, or none (the feature styles its own). Each names its figure columns its own way.
 */
const looks = {
  entity: { table: "entity-table", scroll: "entity-table-scroll", numeric: "numeric" },
  data: { table: "data-table", scroll: undefined, numeric: "data-table__number" },
  health: { table: "health-table", scroll: undefined, numeric: "health-table__number" },
  bare: { table: undefined, scroll: undefined, numeric: undefined },
} as const;

/**
 * A data table in its scroll region, both named by the caption (shown, or read only by screen readers), with one
 * row of column headings; `children` are the body's rows, `foot` the footer's.
 */
export function CaptionedTable({
  caption,
  captionShown = false,
  columns,
  look,
  className,
  busy,
  foot,
  children,
}: {
  caption: string;
  captionShown?: boolean;
  columns: readonly TableColumn[];
  look: keyof typeof looks;
  className?: string;
  busy?: boolean;
  foot?: ReactNode;
  children: ReactNode;
}) {
  const { table, scroll, numeric } = looks[look];
  const tableClass = [table, className].filter(Boolean).join(" ");
  return (
    <ScrollRegion label={caption} {...(scroll ? { className: scroll } : {})}>
      <table className={tableClass || undefined} aria-busy={busy}>
        <caption className={captionShown ? undefined : "visually-hidden"}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.label} scope="col" className={column.numeric ? numeric : undefined}>
                {column.hidden ? <span className="visually-hidden">{column.label}</span> : column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
        {foot && <tfoot>{foot}</tfoot>}
      </table>
    </ScrollRegion>
  );
}
