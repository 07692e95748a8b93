import { numberFormat } from "@trame/core";
import { useMemo } from "react";
import { useFormat } from "../../i18n/format.ts";

/** Amounts are integer cents (ARCHITECTURE §2); shown as whole euros the local way: "360 000 €", "€360,000". */
export function useEuros(): (cents: number) => string {
  const { locale } = useFormat();
  return useMemo(() => {
    const euros = numberFormat(locale === "fr" ? "fr-FR" : "en-GB", {
      style: "currency",
      currency: "EUR",
      maximumFractionDigits: 0,
    });
    return (cents) => euros.format(cents / 100);
  }, [locale]);
}
