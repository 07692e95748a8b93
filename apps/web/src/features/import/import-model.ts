import type { inferOutput } from "@trpc/tanstack-react-query";
import type { trpc } from "../../lib/trpc.ts";

export type ImportPreview = inferOutput<typeof trpc.import.preview>;
export type ImportResult = inferOutput<typeof trpc.import.commit>;
export type ImportRun = inferOutput<typeof trpc.import.history>[number];

/** Column index (as text, how JSON carries it) → field key, or null for a column left out. */
export type MappingChoice = Record<string, string | null>;

/** What the user chose for the preview: the server guesses the header row and the mapping when absent. */
export interface PreviewChoice {
  sheet: number;
  headerRow?: number;
  mapping?: MappingChoice;
}
