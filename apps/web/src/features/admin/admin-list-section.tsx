import type { UseMutationResult } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { useErrorText } from "../../ui/query-error.tsx";

/**
 * What the list's last action did ("Invitation renvoyée…"), said in its status line: cleared when the
 * next one starts, so the same words said twice are announced twice.
 */
export function useActionOutcome() {
  const [done, setDone] = useState<string | null>(null);
  function run<TData, TError, TVariables, TContext>(
    action: UseMutationResult<TData, TError, TVariables, TContext>,
    input: TVariables,
    said: (result: TData) => string,
  ) {
    setDone(null);
    action.mutate(input, { onSuccess: (result) => setDone(said(result)) });
  }
  return { done, setDone, run };
}

interface ListSectionProps {
  titleId: string;
  title: string;
  className?: string;
  /** Beside the title: the list's own action (send a test message…). */
  aside?: ReactNode;
  intro?: ReactNode;
  /** The last action's outcome; a list without actions has no status line. */
  done?: string | null;
  /** The last action's failure. */
  error?: unknown;
  children: ReactNode;
}

/** A list of the administration: its titled section, what its last action did or why it failed. */
export function ListSection({ titleId, title, className, aside, intro, done, error, children }: ListSectionProps) {
  const errorText = useErrorText();
  const heading = <h2 id={titleId}>{title}</h2>;
  return (
    <section className={className} aria-labelledby={titleId}>
      {aside ? (
        <div className="admin-toolbar">
          {heading}
          {aside}
        </div>
      ) : (
        heading
      )}
      {intro}
      {done !== undefined && (
        <p role="status" className="admin-status">
          {done}
        </p>
      )}
      {error ? (
        <div className="alert alert--error" role="alert">
          <p>{errorText(error)}</p>
        </div>
      ) : null}
      {children}
    </section>
  );
}
