import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format.ts";
import { EmptyState } from "../../ui/empty-state.tsx";
import { QueryError } from "../../ui/query-error.tsx";

/**
 * A territory's cooperations or projects as cards: loading, failure and emptiness said the same way, the count
 * above the cards, and a note when the list shows only the first part of them.
 */
export function TerritoryCards<T extends { id: string }>({
  list,
  section,
  card,
}: {
  list: UseQueryResult<{ items: T[]; total: number }, unknown>;
  section: "cooperations" | "projects";
  card: (item: T) => ReactNode;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  if (list.isPending) return <p role="status">{t("app.loading")}</p>;
  if (list.isError) return <QueryError error={list.error} onRetry={() => void list.refetch()} />;
  const { items, total } = list.data;
  if (items.length === 0) {
    return (
      <EmptyState title={t(`territoryPage.${section}.empty`)}>
        <p>{t(`territoryPage.${section}.emptyHint`)}</p>
      </EmptyState>
    );
  }
  return (
    <>
      <p className="section-count">
        {t(`territoryPage.${section}.count`, { count: total, formatted: format.number(total) })}
      </p>
      <ul className="link-list link-list--cards">
        {items.map((item) => (
          <li key={item.id}>{card(item)}</li>
        ))}
      </ul>
      {total > items.length && (
        <p className="section-count">
          {t(`territoryPage.${section}.more`, { shown: format.number(items.length), total: format.number(total) })}
        </p>
      )}
    </>
  );
}
