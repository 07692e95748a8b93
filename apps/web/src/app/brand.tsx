import { useTranslation } from "react-i18next";
import { Link } from "react-router";

/** The product's name and mark, a link home. */
export function Brand() {
  const { t } = useTranslation();
  return (
    <Link to="/" className="brand">
      <span className="brand__mark" aria-hidden="true">
        T
      </span>
      <span className="brand__text">
        <span className="brand__name">{t("app.name")}</span>
        <span className="brand__tagline">{t("app.tagline")}</span>
      </span>
    </Link>
  );
}
