import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { trameErrorOf } from "../lib/trpc-error.ts";
import { QueryError } from "./query-error.tsx";

/** A malformed id names no record either, and a record the reader may not see is as absent as an unknown one. */
export function isMissing(error: unknown): boolean {
  const code = trameErrorOf(error)?.code;
  return code === "NOT_FOUND" || code === "BAD_REQUEST";
}

/** The pages whose texts have `loading`, `notFound`, `notFoundBody` and `backToTerritories`. */
type RecordTexts = "projects.page" | "cooperations.page" | "health.sheet" | "health.compare";

interface RecordPageProps<T> {
  query: UseQueryResult<T, unknown>;
  texts: RecordTexts;
  children: (data: T) => ReactNode;
}

/** The page of one record: loading, then not found, another failure (with retry), or the record itself. */
export function RecordPage<T>({ query, texts, children }: RecordPageProps<T>) {
  const { t } = useTranslation();
  if (query.isPending) return <p role="status">{t(`${texts}.loading`)}</p>;
  if (query.isError && isMissing(query.error)) {
    return (
      <div className="narrow">
        <h1>{t(`${texts}.notFound`)}</h1>
        <p>{t(`${texts}.notFoundBody`)}</p>
        <p>
          <Link to="/territoires">{t(`${texts}.backToTerritories`)}</Link>
        </p>
      </div>
    );
  }
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  return children(query.data);
}
