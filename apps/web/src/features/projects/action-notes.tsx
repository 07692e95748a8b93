import type { ComponentPropsWithoutRef } from "react";
import Markdown, { type Components } from "react-markdown";

/**
 * Notes are Markdown typed by any partner's editor, so they are untrusted: react-markdown escapes raw
 * HTML by default and drops `javascript:` links (never add rehype-raw here). Links open without giving
 * the target page a handle on ours; images are shown as links, so a note cannot make every reader's
 * browser call a third-party server. Headings become bold paragraphs to keep the page's outline intact.
 */
const components: Components = {
  a: ({ node: _node, ...props }: ComponentPropsWithoutRef<"a"> & { node?: unknown }) => (
    <a {...props} rel="noopener noreferrer" />
  ),
  img: ({ src, alt }) =>
    typeof src === "string" ? (
      <a href={src} rel="noopener noreferrer">
        {alt || src}
      </a>
    ) : null,
  h1: ({ children }) => <p className="notes__heading">{children}</p>,
  h2: ({ children }) => <p className="notes__heading">{children}</p>,
  h3: ({ children }) => <p className="notes__heading">{children}</p>,
  h4: ({ children }) => <p className="notes__heading">{children}</p>,
  h5: ({ children }) => <p className="notes__heading">{children}</p>,
  h6: ({ children }) => <p className="notes__heading">{children}</p>,
};

export function ActionNotes({ markdown }: { markdown: string }) {
  return (
    <div className="notes">
      <Markdown components={components}>{markdown}</Markdown>
    </div>
  );
}
