import { LOCALES, localizeTimelineEntry, type TimelineFacts } from "@trame/core";
import { formatMs, measure } from "./measure.ts";

/**
 * `pnpm bench:wording`: what wording a timeline page of 50 funding steps costs the server (each
 * title names the programme, the step and its amount, in the reader's language). The bench
 * dataset has no funding steps, so `pnpm bench`'s timeline page does not show this cost.
 */
const PAGE = 50;
const ITERATIONS = 1_000;

const page: TimelineFacts[] = Array.from({ length: PAGE }, (_, i) => ({
  kind: "funding_status",
  title: "Fonds vert : demande déposée",
  detail: {
    programme: { acronym: "FV", name: "Fonds vert" },
    to: i % 2 ? "granted" : "submitted",
    amounts: { requestedCents: 12_000_000 + i * 100, grantedCents: 9_000_000 + i * 55 },
  },
}));

console.log(`\ntitres d'une page de ${PAGE} étapes de financement, ${ITERATIONS} pages par langue, en ms :\n`);
console.log("| langue | p50 | p95 | p99 |");
console.log("|---|---:|---:|---:|");
for (const locale of LOCALES) {
  const latency = await measure(ITERATIONS, async () => page.map((entry) => localizeTimelineEntry(entry, locale)));
  console.log(`| ${locale} | ${[latency.p50, latency.p95, latency.p99].map(formatMs).join(" | ")} |`);
}
