import type { Locale } from "@trame/core";
import { LAYOUT_HTML } from "./layout.generated.ts";

/** What every message says, in one language: the layout turns it into HTML and plain text. */
export interface MailContent {
  subject: string;
  heading: string;
  paragraphs: string[];
  /** Lists of links under the paragraphs (a digest's events and deadlines), each with its title. */
  sections?: Array<{ title: string; items: Array<{ text: string; url: string }> }>;
  action: { label: string; url: string };
  /** Under the button: for clients that show no buttons. */
  fallback: string;
  footer: string;
}

export interface RenderedMail {
  subject: string;
  html: string;
  text: string;
  links: string[];
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/**
 * Fills the MJML-compiled layout with escaped values (names typed by users never become markup),
 * and writes the same message as plain text. No image and no tracking pixel: nothing is loaded when
 * the message is opened.
 */
export function renderMail(locale: Locale, content: MailContent): RenderedMail {
  const sections = content.sections ?? [];
  const body =
    content.paragraphs.map((p) => `<p style="margin:0 0 12px">${escapeHtml(p)}</p>`).join("") +
    sections
      .map(
        (section) =>
          `<h2 style="font-size:16px;margin:16px 0 8px">${escapeHtml(section.title)}</h2><ul style="margin:0 0 12px;padding-left:20px">${section.items
            .map(
              (item) =>
                `<li style="margin:0 0 6px"><a href="${escapeHtml(item.url)}">${escapeHtml(item.text)}</a></li>`,
            )
            .join("")}</ul>`,
      )
      .join("");
  const values: Record<string, string> = {
    lang: locale,
    subject: escapeHtml(content.subject),
    preview: escapeHtml(content.paragraphs[0] ?? content.heading),
    heading: escapeHtml(content.heading),
    body,
    actionUrl: escapeHtml(content.action.url),
    actionLabel: escapeHtml(content.action.label),
    fallback: escapeHtml(content.fallback),
    footer: escapeHtml(content.footer),
  };
  const html = LAYOUT_HTML.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => values[key] ?? whole);
  const text = [
    content.heading,
    "",
    ...content.paragraphs.flatMap((p) => [p, ""]),
    ...sections.flatMap((section) => [
      section.title,
      ...section.items.map((item) => `- ${item.text} : ${item.url}`),
      "",
    ]),
    `${content.action.label} : ${content.action.url}`,
    "",
    "-- ",
    content.footer,
    "",
  ].join("\n");
  const links = [...sections.flatMap((section) => section.items.map((item) => item.url)), content.action.url];
  return { subject: content.subject, html, text, links: [...new Set(links)] };
}

/** The footer of every message, in the recipient's language. */
export function footerFor(locale: Locale): string {
  return locale === "fr"
    ? "Trame, l'espace de travail des coopérations entre territoires. Ce message vous est adressé personnellement ; il ne contient aucun traceur."
    : "Trame, the shared workspace of cooperating territories. This message was sent to you personally; it carries no tracker.";
}
