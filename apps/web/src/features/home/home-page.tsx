import { membershipRoleLabels } from "@trame/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useFormat } from "../../i18n/format.ts";
import { usePageTitle } from "../../lib/use-page-title.ts";
import { EmptyState } from "../../ui/empty-state.tsx";
import { useSession } from "../auth/use-session.ts";
import { RecentTimeline } from "../timeline/recent-timeline.tsx";
import { MyDeadlines } from "./my-deadlines.tsx";
import "./home.css";

/** Merging more feeds than this costs more requests than a person with that many territories gains. */
const MAX_ACTIVITY_TERRITORIES = 5;

export default function HomePage() {
  const { t } = useTranslation();
  const format = useFormat();
  usePageTitle(t("home.title"));
  const session = useSession();
  // The route guard has already waited for the session: it is there.
  const memberships = session.data?.memberships ?? [];
  const activityTerritories = memberships.slice(0, MAX_ACTIVITY_TERRITORIES);
  const names = new Intl.ListFormat(format.locale, { type: "conjunction" }).format(
    activityTerritories.map((membership) => membership.territoryName),
  );

  return (
    <>
      <h1>{t("home.title")}</h1>
      <p className="lead">{t("home.intro")}</p>
      <div className="home">
        <div className="home__side">
          <section className="home__section" aria-labelledby="home-territories">
            <h2 id="home-territories">{t("home.territories.title")}</h2>
            {memberships.length === 0 ? (
              <EmptyState title={t("home.territories.empty")}>
                <p>{t("home.territories.emptyHint")}</p>
                <p>
                  <Link to="/territoires" className="button button--secondary">
                    {t("home.territories.emptyAction")}
                  </Link>
                </p>
              </EmptyState>
            ) : (
              <>
                <ul className="home__territories">
                  {memberships.map((membership) => (
                    <li key={membership.territoryId}>
                      <Link to={`/territoires/${membership.territoryId}`} className="home__territory-name">
                        {membership.territoryName}
                      </Link>
                      <span className="home__territory-role">
                        {t("home.territories.role", { role: format.label(membershipRoleLabels[membership.role]) })}
                      </span>
                    </li>
                  ))}
                </ul>
                <p>
                  <Link to="/territoires">{t("home.territories.search")}</Link>
                </p>
              </>
            )}
          </section>

          <section className="home__section" aria-labelledby="home-deadlines">
            <h2 id="home-deadlines">{t("home.deadlines.title")}</h2>
            {memberships.length === 0 ? <p>{t("home.deadlines.noTerritory")}</p> : <MyDeadlines />}
          </section>
        </div>

        <section className="home__section home__activity" aria-labelledby="home-activity">
          <h2 id="home-activity">{t("home.activity.title")}</h2>
          {activityTerritories.length === 0 ? (
            <p>{t("home.activity.noTerritory")}</p>
          ) : (
            <>
              <p className="home__hint">{t("home.activity.intro", { count: activityTerritories.length, names })}</p>
              <RecentTimeline territoryIds={activityTerritories.map((membership) => membership.territoryId)} />
              <ul className="home__see-all">
                {activityTerritories.map((membership) => (
                  <li key={membership.territoryId}>
                    <Link to={`/territoires/${membership.territoryId}#frise`}>
                      {t("home.activity.seeAll", { name: membership.territoryName })}
                    </Link>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      </div>
    </>
  );
}
