import type { inferOutput } from "@trpc/tanstack-react-query";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format.ts";
import type { trpc } from "../../lib/trpc.ts";
import { CaptionedTable } from "../../ui/captioned-table.tsx";
import { Disclosure } from "../../ui/disclosure.tsx";

type Territory = inferOutput<typeof trpc.territory.get>;

export function TerritoryProfile({ territory }: { territory: Territory }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { population, departements, communes } = territory;
  const unknown = t("territoryPage.profile.unknown");
  return (
    <div className="territory__profile">
      <dl className="profile-facts">
        <div className="profile-facts__item">
          <dt>{t("territoryPage.profile.siren")}</dt>
          <dd className="tabular">{territory.siren ?? unknown}</dd>
        </div>
        <div className="profile-facts__item">
          <dt>{t("territoryPage.profile.population")}</dt>
          <dd className="tabular">
            {population === null
              ? unknown
              : t("territoryPage.profile.populationValue", { count: population, formatted: format.number(population) })}
          </dd>
        </div>
        <div className="profile-facts__item">
          <dt>{t("territoryPage.profile.departements", { count: Math.max(departements.length, 1) })}</dt>
          <dd>
            {departements.length ? departements.join(", ") : unknown}
            {territory.country !== "FR" && ` — ${t("territoryPage.profile.foreign", { country: territory.country })}`}
          </dd>
        </div>
        <div className="profile-facts__item">
          <dt>{t("territoryPage.profile.communes")}</dt>
          <dd className="tabular">{communes.length ? format.number(communes.length) : unknown}</dd>
        </div>
      </dl>
      {communes.length > 0 && (
        <Disclosure
          title={t("territoryPage.profile.showCommunes", {
            count: communes.length,
            formatted: format.number(communes.length),
          })}
          headingLevel={2}
          className="territory__communes"
        >
          <CaptionedTable
            look="data"
            className="data-table--wide"
            caption={t("territoryPage.profile.communesCaption")}
            columns={[
              { label: t("territoryPage.profile.commune") },
              { label: t("territoryPage.profile.insee") },
              { label: t("territoryPage.profile.population"), numeric: true },
            ]}
          >
            {communes.map((commune) => (
              <tr key={commune.insee}>
                <th scope="row">{commune.name}</th>
                <td className="tabular">{commune.insee}</td>
                <td className="data-table__number">
                  {commune.population === null ? unknown : format.number(commune.population)}
                </td>
              </tr>
            ))}
          </CaptionedTable>
        </Disclosure>
      )}
    </div>
  );
}
