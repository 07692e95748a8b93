/**
 * Folds a name for accent- and case-insensitive search: "Orléans Métropole" -> "orleans metropole".
 * Done in code rather than with SQL `unaccent()`, which is not IMMUTABLE and so cannot feed an index;
 * the same fold applies to stored names and to queries, so both sides always agree.
 */
export function searchKey(value: string): string {
  return value
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae")
    .toLowerCase()
    .replace(/['’`\-–—_.,;:()/]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}
