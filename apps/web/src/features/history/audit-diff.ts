import {
  actionKindLabels,
  cooperationStatusLabels,
  engagementFormLabels,
  engineeringKindLabels,
  formalityLabels,
  type Label,
  memberRoleLabels,
  partnerRoleLabels,
  projectStatusLabels,
  themeLabels,
  visibilityLabels,
} from "@trame/core";
import type { Format } from "../../i18n/format.ts";

export interface FieldChange {
  /** Dotted path in the snapshot, e.g. `title` or `engineering.kind`. */
  field: string;
  before: string;
  after: string;
}

/** Bookkeeping that changes on every write and tells the reader nothing. */
const SKIPPED = new Set(["id", "version", "createdAt", "updatedAt", "statusHistory", "formHistory", "isDemo"]);
const MAX_TEXT = 240;

type Record_ = Record<string, unknown>;
const isRecord = (value: unknown): value is Record_ =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Enum codes as their labels: the history speaks the same words as the rest of the screen. */
function enumLabels(entityType: string, field: string): Record<string, Label> | undefined {
  const leaf = field.split(".").pop() ?? field;
  const byField: Record<string, Record<string, Label>> = {
    themes: themeLabels,
    visibility: visibilityLabels,
    engagementForm: engagementFormLabels,
    formality: formalityLabels,
    status: entityType === "cooperation" ? cooperationStatusLabels : projectStatusLabels,
    kind: field === "kind" && entityType === "action" ? actionKindLabels : engineeringKindLabels,
    role: entityType === "cooperation_member" ? memberRoleLabels : partnerRoleLabels,
  };
  return byField[leaf];
}

function shorten(text: string): string {
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text;
}

function itemText(entityType: string, field: string, item: unknown, format: Format): string {
  if (!isRecord(item)) return valueText(entityType, field, item, format);
  const territory = isRecord(item.territory) ? item.territory : undefined;
  const name = item.name ?? item.title ?? territory?.name;
  const text = typeof name === "string" ? name : JSON.stringify(item);
  const role = typeof item.role === "string" ? (enumLabels(entityType, "role")?.[item.role] ?? null) : null;
  return role ? `${text} (${format.label(role)})` : text;
}

function valueText(entityType: string, field: string, value: unknown, format: Format): string {
  if (value === null || value === undefined || value === "") return "—";
  if (Array.isArray(value)) {
    return value.length ? value.map((item) => itemText(entityType, field, item, format)).join(", ") : "—";
  }
  if (typeof value === "boolean") return format.label(value ? { fr: "Oui", en: "Yes" } : { fr: "Non", en: "No" });
  if (typeof value === "number") {
    return field.endsWith("Cents") ? `${format.number(value / 100)} €` : format.number(value);
  }
  if (typeof value === "string") {
    const label = enumLabels(entityType, field)?.[value];
    if (label) return format.label(label);
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return format.date(value);
    if (/^\d{4}-\d{2}-\d{2}T/.test(value)) return format.dateTime(value);
    return shorten(value);
  }
  return itemText(entityType, field, value, format);
}

/** One level of nesting is spelled out (`engineering.kind`); a named object (a territory) stays whole. */
function flatten(snapshot: unknown): Map<string, unknown> {
  const fields = new Map<string, unknown>();
  if (!isRecord(snapshot)) return fields;
  for (const [key, value] of Object.entries(snapshot)) {
    if (SKIPPED.has(key)) continue;
    if (isRecord(value) && !("name" in value) && !("title" in value)) {
      for (const [sub, inner] of Object.entries(value)) fields.set(`${key}.${sub}`, inner);
    } else {
      fields.set(key, value);
    }
  }
  return fields;
}

/** What changed between two audit snapshots, field by field, as text to read. */
export function auditChanges(entityType: string, before: unknown, after: unknown, format: Format): FieldChange[] {
  const old = flatten(before);
  const now = flatten(after);
  const fields = [...new Set([...old.keys(), ...now.keys()])];
  return fields
    .filter((field) => JSON.stringify(old.get(field)) !== JSON.stringify(now.get(field)))
    .map((field) => ({
      field,
      before: valueText(entityType, field, old.get(field), format),
      after: valueText(entityType, field, now.get(field), format),
    }));
}
