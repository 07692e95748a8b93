import type { ReactNode } from "react";
import { ScrollRegion } from "./scroll-region.tsx";

/** A column: its head, and a class for each of its cells (a column of buttons that must not wrap…). */
export interface Column {
  head: string;
  /** Said to screen readers only: a column of buttons needs no visible head. */
  hidden?: boolean;
  className?: string;
}

interface DataTableProps<T> {
  /** Names the table and the region it scrolls in. */
  caption: string;
  columns: ReadonlyArray<string | Column>;
  rows: readonly T[];
  rowKey: (row: T) => string | number;
  /** The row's cells in the columns' order; the first one names the row (its row header). */
  cells: (row: T) => readonly ReactNode[];
  rowClassName?: (row: T) => string;
  className?: string;
  /** The rows shown are the previous page's while the next one loads. */
  busy?: boolean;
}

const columnOf = (column: string | Column): Column => (typeof column === "string" ? { head: column } : column);

/**
 * The lists' table: captioned, in its scrolling region, column heads, one row header per row. Each list
 * states only its columns and what a row shows.
 */
export function DataTable<T>({
  caption,
  columns,
  rows,
  rowKey,
  cells,
  rowClassName,
  className = "entity-table admin-table",
  busy = false,
}: DataTableProps<T>) {
  const heads = columns.map(columnOf);
  return (
    <ScrollRegion label={caption}>
      <table className={className} aria-busy={busy || undefined}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {heads.map(({ head, hidden }) => (
              <th key={head} scope="col">
                {hidden ? <span className="visually-hidden">{head}</span> : head}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const [first, ...rest] = cells(row);
            return (
              <tr key={rowKey(row)} className={rowClassName?.(row)}>
                <th scope="row">{first}</th>
                {rest.map((cell, index) => (
                  <td key={heads[index + 1]?.head} className={heads[index + 1]?.className}>
                    {cell}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
