import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { trpc } from "../../lib/trpc.ts";
import { FormSelectField } from "../../ui/schema-form.tsx";
import { useOfferedOnly } from "./status-form-offered.ts";

/** The whole catalogue is a few dozen programmes: one page of the API holds it. */
const CATALOGUE_LIMIT = 100;

/** The programme of a new application: those fitting the project first, the whole catalogue on demand. */
export function FormProgrammeField({ name, projectId }: { name: string; projectId: string }) {
  const { t } = useTranslation();
  const [anyProgramme, setAnyProgramme] = useState(false);
  const fitting = useQuery(trpc.funding.fittingProgrammes.queryOptions({ projectId }));
  const catalogue = useQuery({
    ...trpc.funding.programmes.queryOptions({ limit: CATALOGUE_LIMIT }),
    enabled: anyProgramme,
  });
  const programmes = anyProgramme ? catalogue.data?.items : fitting.data;
  useOfferedOnly(
    name,
    programmes?.map((programme) => programme.id),
  );
  const hint = anyProgramme
    ? t("projects.funding.programmeAllHint")
    : fitting.data?.length === 0
      ? t("projects.funding.programmeNoneFits")
      : t("projects.funding.programmeFittingHint");

  return (
    <>
      <FormSelectField
        name={name}
        label={t("projects.funding.programme")}
        hint={hint}
        options={[
          { value: "", label: t("projects.funding.programmePick") },
          ...(programmes ?? []).map((programme) => ({
            value: programme.id,
            label: `${programme.acronym || programme.name} — ${programme.funder.name}${
              programme.confidence === "uncertain" ? ` (${t("projects.funding.unverified")})` : ""
            }`,
          })),
        ]}
      />
      <div className="field">
        <label className="checkbox-line">
          <input type="checkbox" checked={anyProgramme} onChange={(event) => setAnyProgramme(event.target.checked)} />{" "}
          {t("projects.funding.programmeAll")}
        </label>
      </div>
    </>
  );
}
