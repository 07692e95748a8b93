import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ProConnectButton, useProConnectEnabled } from "../proconnect/proconnect-button.tsx";

/** ProConnect's button, offered before a password form when the server has ProConnect configured. */
export function ProConnectChoice({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  const enabled = useProConnectEnabled();
  if (!enabled) return null;
  return (
    <>
      {children}
      <ProConnectButton />
      <p className="proconnect-separator">{t("proconnect.or")}</p>
    </>
  );
}
