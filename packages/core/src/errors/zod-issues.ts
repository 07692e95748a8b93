import { z } from "zod";
import type { Label } from "../enums/label.ts";
import type { FieldError } from "./domain-error.ts";
import { isMessageKey, translate } from "./messages.ts";

const fr = z.locales.fr();
const en = z.locales.en();

const typeNames: Record<string, Label> = {
  string: { fr: "texte", en: "text" },
  number: { fr: "nombre", en: "number" },
  int: { fr: "nombre entier", en: "integer" },
  boolean: { fr: "booléen", en: "boolean" },
  object: { fr: "objet", en: "object" },
  array: { fr: "liste", en: "list" },
  date: { fr: "date", en: "date" },
};

function localise(issue: z.core.$ZodIssue): Label {
  if (isMessageKey(issue.message)) return translate(issue.message);
  if (issue.code === "invalid_type") {
    // The received value is not kept on parsed issues, so name only what was expected.
    const name = typeNames[issue.expected] ?? { fr: issue.expected, en: issue.expected };
    return { fr: `Type invalide : ${name.fr} attendu`, en: `Invalid type: expected ${name.en}` };
  }
  const raw = issue as unknown as z.core.$ZodRawIssue;
  const pick = (map: z.core.$ZodErrorMap) => {
    const out = map(raw);
    return typeof out === "string" ? out : (out?.message ?? issue.message);
  };
  return { fr: pick(fr.localeError), en: pick(en.localeError) };
}

/** Each zod issue as a field error naming the input path, in French and English. */
export function fieldErrorsFromZod(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({
    field: issue.path.map(String).join(".") || "input",
    message: localise(issue),
  }));
}
