import {
  engagementFormLabels,
  engagementFormSchema,
  type Label,
  type Locale,
  projectStatusLabels,
  projectStatusSchema,
  type TimelineKind,
} from "@trame/core";

function labelOf<T extends string>(
  schema: { safeParse(value: unknown): { success: true; data: T } | { success: false } },
  labels: Record<T, Label>,
  value: unknown,
  locale: Locale,
): string | null {
  const parsed = schema.safeParse(value);
  return parsed.success ? labels[parsed.data][locale] : null;
}

/**
 * What an entry's structured `detail` says, in the reader's language. The server stores facts
 * (statuses, forms), not sentences, precisely so each language can word them.
 */
export function entryDetail(entry: { kind: TimelineKind; detail: Record<string, unknown> }, locale: Locale): string {
  const { detail } = entry;
  const note = (key: string) => (typeof detail[key] === "string" ? detail[key].trim() : "");
  let move: string | null = null;
  let comment = "";
  if (entry.kind === "project_status") {
    const from = labelOf(projectStatusSchema, projectStatusLabels, detail.from, locale);
    const to = labelOf(projectStatusSchema, projectStatusLabels, detail.to, locale);
    move = to && (from ? `${from} → ${to}` : to);
    comment = note("comment");
  } else if (entry.kind === "engagement_form_changed") {
    const from = labelOf(engagementFormSchema, engagementFormLabels, detail.from, locale);
    const to = labelOf(engagementFormSchema, engagementFormLabels, detail.to, locale);
    move = to && (from ? `${from} → ${to}` : to);
    comment = note("note");
  }
  if (!move) return "";
  return comment ? `${move} — ${comment}` : move;
}
