import { textLinks } from "@trame/core";
import "./linked-text.css";

/**
 * A free text typed by a partner, shown as typed, with its web addresses as links. The text is never
 * interpreted (no Markdown, no HTML): only http(s) addresses become links, and the page they open gets
 * no handle on ours.
 */
export function LinkedText({ text }: { text: string }) {
  return (
    <>
      {textLinks(text).map((part, index) =>
        "url" in part ? (
          <a key={index} href={part.url} rel="noopener noreferrer" className="linked-text__url">
            {part.url}
          </a>
        ) : (
          part.text
        ),
      )}
    </>
  );
}
