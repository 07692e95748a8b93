import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { trpc } from "../../lib/trpc.ts";
import { usePageTitle } from "../../lib/use-page-title.ts";
import { QueryError } from "../../ui/query-error.tsx";
import { useCooperationRights } from "../cooperations/cooperation-model.ts";
import { ImportFlow } from "./import-flow.tsx";
import { ImportHistory } from "./import-history.tsx";
import "../../ui/entity-page.css";
import "./import.css";

/**
 * /import?cooperation=… (from a cooperation page) or /import?territoire=… (from a territory page,
 * which first asks which of its cooperations). Everything is imported into one cooperation.
 */
export default function ImportPage() {
  const { t } = useTranslation();
  usePageTitle(t("imports.title"));
  const [params] = useSearchParams();
  const cooperationId = params.get("cooperation");
  const territoryId = params.get("territoire");
  return (
    <div className="import-page">
      <h1>{t("imports.title")}</h1>
      <p className="import-page__intro">{t("imports.intro")}</p>
      {cooperationId ? (
        <CooperationImport key={cooperationId} cooperationId={cooperationId} />
      ) : territoryId ? (
        <ChooseCooperation territoryId={territoryId} />
      ) : (
        <p>{t("imports.noTarget")}</p>
      )}
    </div>
  );
}

function ChooseCooperation({ territoryId }: { territoryId: string }) {
  const { t } = useTranslation();
  const list = useQuery(trpc.cooperation.list.queryOptions({ territoryId, limit: 50 }));
  if (list.isPending) return <p role="status">{t("imports.loading")}</p>;
  if (list.isError) return <QueryError error={list.error} onRetry={() => void list.refetch()} />;
  if (list.data.items.length === 0) return <p>{t("imports.noCooperation")}</p>;
  return (
    <section aria-labelledby="import-choose">
      <h2 id="import-choose">{t("imports.chooseCooperation")}</h2>
      <ul className="link-list">
        {list.data.items.map((cooperation) => (
          <li key={cooperation.id}>
            <Link to={`/import?cooperation=${encodeURIComponent(cooperation.id)}`}>{cooperation.name}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

function CooperationImport({ cooperationId }: { cooperationId: string }) {
  const { t } = useTranslation();
  const cooperation = useQuery(trpc.cooperation.get.queryOptions({ id: cooperationId }));
  if (cooperation.isPending) return <p role="status">{t("imports.loading")}</p>;
  if (cooperation.isError) return <QueryError error={cooperation.error} onRetry={() => void cooperation.refetch()} />;
  return <Importer cooperation={cooperation.data} />;
}

function Importer({ cooperation }: { cooperation: Parameters<typeof useCooperationRights>[0] }) {
  const { t } = useTranslation();
  // The same rule as the server (editor of a current member, not archived); the server checks again at every step.
  const { canEdit } = useCooperationRights(cooperation);
  return (
    <>
      <p className="import-page__target">
        {t("imports.into", { name: cooperation.name })} —{" "}
        <Link to={`/cooperations/${cooperation.id}`}>{t("imports.back")}</Link>
      </p>
      {canEdit ? (
        <>
          <ImportFlow cooperationId={cooperation.id} />
          <ImportHistory cooperationId={cooperation.id} />
        </>
      ) : (
        <p className="alert alert--error" role="alert">
          {t("imports.forbidden")}
        </p>
      )}
    </>
  );
}
