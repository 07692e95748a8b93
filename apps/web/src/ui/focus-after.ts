/**
 * Where focus goes when what held it disappears: a row removed from a list takes its buttons (and a
 * closed dialog's trigger) with it, and the browser then falls back to the top of the page. Call once
 * the list has re-rendered; the section's heading becomes focusable for this purpose only.
 */
export function focusHeading(id: string): void {
  requestAnimationFrame(() => {
    const heading = document.getElementById(id);
    if (!heading) return;
    if (!heading.hasAttribute("tabindex")) heading.setAttribute("tabindex", "-1");
    heading.focus();
  });
}
