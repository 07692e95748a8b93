import type { ReactNode } from "react";
import "./empty-state.css";

/** Nothing to show yet: say so plainly (title), then what the user can do about it (children). */
export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty-state">
      <p className="empty-state__title">{title}</p>
      {children}
    </div>
  );
}
