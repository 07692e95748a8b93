import { Tab, TabList, TabPanel, Tabs } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { usePageTitle } from "../../lib/use-page-title.ts";
import { ApplicationsBoard } from "./applications-board.tsx";
import { ProgrammeCatalogue } from "./programme-catalogue.tsx";
import "../../ui/entity-page.css";
import "../projects/projects.css";
import "./funding.css";

const VIEWS = ["demandes", "catalogue"] as const;
type View = (typeof VIEWS)[number];

/** The funding board (`/financements`): the user's applications, and the catalogue of programmes. */
export default function FundingBoardPage() {
  const { t } = useTranslation();
  usePageTitle(t("funding.title"));
  // The open tab is in the address (`?vue=catalogue`) so a link or a reload lands on it.
  const [params, setParams] = useSearchParams();
  const view: View = params.get("vue") === "catalogue" ? "catalogue" : "demandes";
  const show = (next: View) =>
    // Each tab has its own filters: switching starts from a clean address.
    setParams(next === "demandes" ? {} : { vue: next }, { replace: true, preventScrollReset: true });

  return (
    <article className="board" aria-labelledby="board-title">
      <h1 id="board-title">{t("funding.title")}</h1>
      <p className="board-intro">{t("funding.intro")}</p>
      <Tabs
        selectedKey={view}
        onSelectionChange={(key) => {
          const next = VIEWS.find((candidate) => candidate === key);
          if (next) show(next);
        }}
      >
        <TabList aria-label={t("funding.tabs")} className="board-tabs">
          <Tab id="demandes" className="board-tabs__tab">
            {t("funding.board.tab")}
          </Tab>
          <Tab id="catalogue" className="board-tabs__tab">
            {t("funding.catalogue.tab")}
          </Tab>
        </TabList>
        <TabPanel id="demandes" className="board-panel">
          <ApplicationsBoard />
        </TabPanel>
        <TabPanel id="catalogue" className="board-panel">
          <ProgrammeCatalogue />
        </TabPanel>
      </Tabs>
    </article>
  );
}
