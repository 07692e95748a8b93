import { useTranslation } from "react-i18next";
import { useRouteError } from "react-router";

/**
 * Shown when a page fails to render. The usual cause in production is a deploy between two clicks:
 * the old page asks for a code chunk that no longer exists, and only a reload fixes it.
 * `standalone` when the layout itself failed, so the message brings its own main landmark.
 */
export function RouteError({ standalone = false }: { standalone?: boolean }) {
  const { t } = useTranslation();
  const error = useRouteError();
  if (import.meta.env.DEV) console.error(error);
  const content = (
    <div className="narrow">
      <h1>{t("routeError.title")}</h1>
      <p>{t("routeError.body")}</p>
      <button type="button" className="button" onClick={() => window.location.reload()}>
        {t("routeError.reload")}
      </button>
    </div>
  );
  if (!standalone) return content;
  return (
    <main id="contenu" className="container page">
      {content}
    </main>
  );
}
