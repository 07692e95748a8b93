import {
  type CooperationHealth,
  cooperationHealth,
  DEFAULT_HEALTH_THRESHOLDS,
  type HealthThresholds,
  type Label,
  notFound,
  todayInFrance,
} from "@trame/core";
import {
  type Database,
  getTerritory,
  type Kysely,
  listCurrentCooperationIds,
  loadCooperationHealthInput,
  loadCooperationHealthInputs,
  type Viewer,
} from "@trame/db";

const COOPERATION: Label = { fr: "Coopération", en: "Cooperation" };
const TERRITORY: Label = { fr: "Territoire", en: "Territory" };

export interface HealthComparison {
  territory: { id: string; name: string };
  asOf: string;
  cooperations: CooperationHealth[];
  thresholds: HealthThresholds;
}

/** One cooperation's sheet as the viewer may see it: restricted projects they cannot see weigh nothing. */
export async function readCooperationHealth(
  db: Kysely<Database>,
  viewer: Viewer,
  input: { cooperationId: string; asOf?: string | undefined },
  thresholds: HealthThresholds = DEFAULT_HEALTH_THRESHOLDS,
): Promise<CooperationHealth> {
  const loaded = await loadCooperationHealthInput(db, input.cooperationId, viewer);
  if (!loaded) throw notFound(COOPERATION);
  return cooperationHealth(loaded, input.asOf ?? todayInFrance(), thresholds);
}

/**
 * Every cooperation the territory belongs to today, side by side. Trends stay on each sheet: the
 * comparison reads verdicts and values, and would otherwise carry years of series per cooperation.
 */
export async function readHealthComparison(
  db: Kysely<Database>,
  viewer: Viewer,
  input: { territoryId: string; asOf?: string | undefined },
  thresholds: HealthThresholds = DEFAULT_HEALTH_THRESHOLDS,
): Promise<HealthComparison> {
  const territory = await getTerritory(db, input.territoryId);
  if (!territory) throw notFound(TERRITORY);
  const asOf = input.asOf ?? todayInFrance();
  const ids = await listCurrentCooperationIds(db, territory.id);
  const inputs = await loadCooperationHealthInputs(db, ids, viewer);
  const cooperations = ids.flatMap((id) => {
    const loaded = inputs.get(id);
    if (!loaded) return [];
    const health = cooperationHealth(loaded, asOf, thresholds);
    return [{ ...health, indicators: health.indicators.map((i) => ({ ...i, trend: null })) }];
  });
  return { territory: { id: territory.id, name: territory.name }, asOf, cooperations, thresholds };
}
