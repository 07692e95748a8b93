import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { trpc } from "../lib/trpc.ts";

/**
 * On a demo instance every account's password is published in the README: say so on every page, so
 * nobody types real data into it nor mistakes it for their territory's real instance.
 */
export function DemoBanner() {
  const { t } = useTranslation();
  const info = useQuery(trpc.instance.info.queryOptions(undefined, { staleTime: Number.POSITIVE_INFINITY }));
  if (!info.data?.demo) return null;
  return (
    <div className="demo-banner">
      <p className="container">
        <strong>{t("app.demo.title")}</strong> {t("app.demo.text")}
      </p>
    </div>
  );
}
