import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { QueryError } from "./query-error.tsx";

interface ListStateProps<T> {
  query: UseQueryResult<T, unknown>;
  isEmpty: (data: T) => boolean;
  /** What an empty list says instead of an empty table. */
  empty: ReactNode;
  /** Replaces the app's own "loading" words. */
  loading?: string;
  children: (data: T) => ReactNode;
}

/** A list's query as the reader sees it: loading, failed (with a retry), empty, or its rows. */
export function ListState<T>({ query, isEmpty, empty, loading, children }: ListStateProps<T>) {
  const { t } = useTranslation();
  if (query.isPending) return <p role="status">{loading ?? t("app.loading")}</p>;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  return isEmpty(query.data) ? empty : children(query.data);
}
