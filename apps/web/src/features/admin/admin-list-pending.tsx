import type { ComponentProps } from "react";
import { DataTable } from "../../ui/data-table.tsx";
import { ListSection } from "./admin-list-section.tsx";

type PendingListProps<T> = Omit<ComponentProps<typeof ListSection>, "children" | "done"> & {
  done: string | null;
  table: ComponentProps<typeof DataTable<T>>;
};

/**
 * What waits for the administrator's decision (access requests, invitations): absent when nothing
 * waits, but kept while it says what the last decision did, even when that emptied it.
 */
export function PendingList<T>({ table, ...section }: PendingListProps<T>) {
  if (!table.rows.length && !section.done) return null;
  return <ListSection {...section}>{table.rows.length > 0 && <DataTable {...table} />}</ListSection>;
}
