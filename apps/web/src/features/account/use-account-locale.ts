import { useMutation } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { queryClient, trpc } from "../../lib/trpc.ts";
import { useSession } from "../auth/use-session.ts";

/** Saves the account's language, then shows the interface in it at once. */
export function useSaveAccountLocale() {
  const { i18n } = useTranslation();
  return useMutation(
    trpc.auth.setLocale.mutationOptions({
      onSuccess({ locale }) {
        void i18n.changeLanguage(locale);
        queryClient.setQueryData(trpc.auth.me.queryKey(), (user) => user && { ...user, locale });
      },
    }),
  );
}

/**
 * The account's language takes over when someone signs in (on a shared desk, each person gets theirs).
 * Only at sign-in: on a reload, the language chosen on this device with the header switch stands.
 */
export function useAccountLocaleAtSignIn(): void {
  const { i18n } = useTranslation();
  const session = useSession();
  const previous = useRef(session.data);
  useEffect(() => {
    const before = previous.current;
    previous.current = session.data;
    // null is "known to be signed out"; undefined, "not asked yet" (a page load).
    if (before === null && session.data && i18n.language !== session.data.locale) {
      void i18n.changeLanguage(session.data.locale);
    }
  }, [session.data, i18n]);
}
