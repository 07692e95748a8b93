import { NumberInputField, type NumberInputFieldProps } from "./number-field.tsx";

const EUROS: Intl.NumberFormatOptions = {
  style: "currency",
  currency: "EUR",
  minimumFractionDigits: 0,
  maximumFractionDigits: 2,
};

/** An amount in euros (the value is in euros; the API's cents are the caller's conversion). */
export function MoneyField(props: Omit<NumberInputFieldProps, "formatOptions" | "step" | "minValue">) {
  return <NumberInputField {...props} formatOptions={EUROS} />;
}

/** The field's euros as the API's whole cents (undefined when empty, for the schema to report). */
export const centsOf = (euros: number | null): number | undefined =>
  euros === null ? undefined : Math.round(euros * 100);
