import { useQuery } from "@tanstack/react-query";
import { hasTerritoryRole, territoryKindLabels } from "@trame/core";
import { lazy, type ReactNode, Suspense, useEffect } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useParams } from "react-router";
import { useFormat } from "../../i18n/format.ts";
import { trameErrorOf } from "../../lib/trpc-error.ts";
import { usePageTitle } from "../../lib/use-page-title.ts";
import { QueryError } from "../../ui/query-error.tsx";
import { useActor } from "../projects/project-model.ts";
import { TimelineFeed } from "../timeline/timeline-feed.tsx";
import { CalendarLink } from "./calendar-link.tsx";
import { FundingSummary } from "./funding-summary.tsx";
import { TerritoryCooperations } from "./territory-cooperations.tsx";
import { TerritoryNeighbours } from "./territory-neighbours.tsx";
import { territoryPageQueries } from "./territory-page-queries.ts";
import { TerritoryProfile } from "./territory-profile.tsx";
import { TerritoryProjects } from "./territory-projects.tsx";
import "./territory-page.css";

// The map (d3, the outlines) is a chunk of its own, fetched when a territory page opens, never with the shell.
const TerritoryMap = lazy(() => import("../map/territory-map.tsx"));

const SECTIONS = ["voisins", "cooperations", "projets", "financements", "frise"] as const;

export default function TerritoryPage() {
  const { id = "" } = useParams();
  // A new territory is a new page: nothing (partner list, chart grain, open panels) carries over.
  return <TerritoryView key={id} id={id} />;
}

function TerritoryView({ id }: { id: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const territory = useQuery(territoryPageQueries.territory(id));
  // Importing needs an editor of this territory (the server checks the chosen cooperation again).
  const actor = useActor();
  const name = territory.data?.name;
  const code = trameErrorOf(territory.error)?.code;
  const missing = code === "NOT_FOUND" || code === "BAD_REQUEST";
  usePageTitle(name ?? (missing ? t("territoryPage.notFound.title") : t("territoryPage.loading")));

  // A link to a section (/territoires/…#frise, from the home page) arrives before the section exists:
  // the router finds nothing to scroll to, so scroll once the territory is shown.
  const { hash } = useLocation();
  const loaded = territory.isSuccess;
  useEffect(() => {
    if (loaded && hash) document.getElementById(decodeURIComponent(hash.slice(1)))?.scrollIntoView();
  }, [loaded, hash]);

  if (territory.isPending) return <p role="status">{t("territoryPage.loading")}</p>;
  if (missing) {
    return (
      <div className="narrow">
        <h1>{t("territoryPage.notFound.title")}</h1>
        <p>{t("territoryPage.notFound.body")}</p>
        <p>
          <Link to="/territoires">{t("territoryPage.notFound.search")}</Link>
        </p>
      </div>
    );
  }
  if (territory.isError) return <QueryError error={territory.error} onRetry={() => void territory.refetch()} />;

  const data = territory.data;
  const sectionTitles = {
    voisins: t("territoryPage.neighbours.title"),
    cooperations: t("territoryPage.cooperations.title"),
    projets: t("territoryPage.projects.title"),
    financements: t("territoryPage.funding.title"),
    frise: t("territoryPage.timeline.title"),
  } satisfies Record<(typeof SECTIONS)[number], string>;

  return (
    <article className="territory" aria-labelledby="territory-name">
      <nav aria-label={t("territoryPage.breadcrumb")} className="breadcrumb">
        <ol>
          <li>
            <Link to="/territoires">{t("nav.territories")}</Link>
          </li>
          <li aria-current="page">{data.name}</li>
        </ol>
      </nav>
      <header className="territory__header">
        <p className="territory__kind">{format.label(territoryKindLabels[data.kind])}</p>
        <h1 id="territory-name">{data.name}</h1>
        <p>
          <Link to={`/territoires/${id}/sante`}>{t("health.compare.link")}</Link>
        </p>
        {actor && hasTerritoryRole(actor, id, "editor") && (
          <p>
            <Link className="button button--secondary" to={`/import?territoire=${id}`}>
              {t("imports.entry")}
            </Link>
          </p>
        )}
      </header>
      <TerritoryProfile territory={data} />

      <nav aria-label={t("territoryPage.onThisPage")} className="page-toc">
        <ul>
          {SECTIONS.map((section) => (
            <li key={section}>
              <a href={`#${section}`}>{sectionTitles[section]}</a>
            </li>
          ))}
        </ul>
      </nav>

      <TerritorySection id="voisins" title={sectionTitles.voisins}>
        <Suspense fallback={<p role="status">{t("map.loading")}</p>}>
          <TerritoryMap territoryId={id} />
        </Suspense>
        <TerritoryNeighbours territoryId={id} />
      </TerritorySection>

      <div className="territory__columns">
        <TerritorySection id="cooperations" title={sectionTitles.cooperations}>
          <TerritoryCooperations territoryId={id} />
        </TerritorySection>
        <TerritorySection id="projets" title={sectionTitles.projets}>
          <TerritoryProjects territoryId={id} />
        </TerritorySection>
      </div>

      <TerritorySection id="financements" title={sectionTitles.financements}>
        <FundingSummary territoryId={id} />
      </TerritorySection>

      <TerritorySection id="frise" title={sectionTitles.frise}>
        <p className="territory__intro">{t("territoryPage.timeline.intro")}</p>
        <CalendarLink territoryId={id} />
        <TimelineFeed scope={{ territoryId: id }} />
      </TerritorySection>
    </article>
  );
}

/** A section of the page, reachable by its anchor (/territoires/…#frise) and named by its heading. */
function TerritorySection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section id={id} className="territory__section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {children}
    </section>
  );
}
