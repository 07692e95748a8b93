/** A user-facing text in both languages of the product (French first). */
export interface Label {
  fr: string;
  en: string;
}

export type Locale = keyof Label;
export const LOCALES = ["fr", "en"] as const satisfies readonly Locale[];
