import type { ComponentType } from "react";
import { useTranslation } from "react-i18next";
import { FormDialog } from "../../ui/dialog.tsx";
import type { FundingApplication } from "./funding-section.tsx";

export interface ApplicationFormProps {
  application: FundingApplication;
  close: () => void;
}

interface ApplicationFormDialogProps {
  application: FundingApplication;
  /** The block of texts under projects.funding: the button, its name on the page, the dialog's title. */
  step: "payment" | "transition";
  Form: ComponentType<ApplicationFormProps>;
}

/** A form on one application: a small button in its row, named for its programme since rows repeat it. */
export function ApplicationFormDialog({ application, step, Form }: ApplicationFormDialogProps) {
  const { t } = useTranslation();
  const programme = application.programme.name;
  return (
    <FormDialog
      trigger={t(`projects.funding.${step}`)}
      triggerLabel={t(`projects.funding.${step}Named`, { programme })}
      triggerClassName="button button--secondary button--small"
      title={t(`projects.funding.${step}Title`, { programme })}
    >
      {(close) => <Form application={application} close={close} />}
    </FormDialog>
  );
}
