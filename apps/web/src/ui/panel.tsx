import type { ReactNode } from "react";

/** A box of the side column, named by its heading (`headingId` is the heading's id). */
export function Panel({ headingId, title, children }: { headingId: string; title: string; children: ReactNode }) {
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId} className="panel__title">
        {title}
      </h2>
      {children}
    </section>
  );
}
