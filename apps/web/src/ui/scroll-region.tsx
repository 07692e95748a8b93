import type { ReactNode } from "react";
import "./scroll-region.css";

/**
 * A table that scrolls sideways on a phone inside its own box, never the page: focusable and named, so a
 * keyboard user can scroll it too (axe `scrollable-region-focusable`, RGAA 7.3). Every data table of the app
 * sits in one; `className` adds a feature's spacing, not its scrolling.
 */
export function ScrollRegion({
  label,
  className,
  children,
}: {
  label: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take the focus to be scrolled by keyboard
    <section className={className ? `table-scroll ${className}` : "table-scroll"} tabIndex={0} aria-label={label}>
      {children}
    </section>
  );
}
