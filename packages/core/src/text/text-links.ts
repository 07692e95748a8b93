/** A run of plain text, or a web address found in it. */
export type TextPart = { text: string } | { url: string };

/** Only web addresses become links: never `javascript:`, `data:` or anything else a text could carry. */
const ADDRESS = /\bhttps?:\/\/[^\s<>"]+/giu;
/** Punctuation that ends the sentence around an address rather than the address itself. */
const SENTENCE_END = /[.,;:!?'"»’\]]$/u;

const count = (text: string, character: string) => text.split(character).length - 1;

/** "(voir https://example.fr/a_(b))." keeps the address's own closing parenthesis, not the sentence's. */
function trimAddress(raw: string): string {
  let url = raw;
  while (SENTENCE_END.test(url) || (url.endsWith(")") && count(url, "(") < count(url, ")"))) url = url.slice(0, -1);
  return url;
}

/**
 * A free text (a narrative, a summary, a neighbour link's source) cut into plain runs and the web
 * addresses in it, so each screen can show the addresses as links without ever interpreting the text.
 */
export function textLinks(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let from = 0;
  for (const match of text.matchAll(ADDRESS)) {
    const url = trimAddress(match[0]);
    if (!/^https?:\/\/[^/]/iu.test(url)) continue;
    if (match.index > from) parts.push({ text: text.slice(from, match.index) });
    parts.push({ url });
    from = match.index + url.length;
  }
  if (from < text.length) parts.push({ text: text.slice(from) });
  return parts;
}
