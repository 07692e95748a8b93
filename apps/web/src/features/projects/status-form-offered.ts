import { useEffect } from "react";
import { useFormContext, useWatch } from "react-hook-form";

/**
 * Empties a choice of the enclosing form once its list stops offering it (a colleague moved the status
 * first, a narrower list of programmes): what is sent is always what is shown, and an empty required
 * choice says so on submit. A list still loading (undefined) withdraws nothing.
 */
export function useOfferedOnly(name: string, offered: readonly string[] | undefined): void {
  const { resetField } = useFormContext();
  const chosen: unknown = useWatch({ name });
  const withdrawn = typeof chosen === "string" && chosen !== "" && offered !== undefined && !offered.includes(chosen);
  useEffect(() => {
    if (withdrawn) resetField(name);
  }, [withdrawn, name, resetField]);
}
