/**
 * Colour classes of the maps: a light-to-dark ramp of one blue, so the classes differ in lightness,
 * not hue alone, and class 0 ("nothing recorded") is hatched; the legend prints each class's values.
 * Thresholds are the lowest value of classes 1 to 4.
 */
export const MAP_THRESHOLDS = [1, 3, 6, 11] as const;
export type MapLevel = 0 | 1 | 2 | 3 | 4;

export function levelOf(value: number): MapLevel {
  let level: MapLevel = 0;
  MAP_THRESHOLDS.forEach((threshold, index) => {
    if (value >= threshold) level = (index + 1) as MapLevel;
  });
  return level;
}

/** Each class's values, for the legend: [from, to], `to` null for the open last class. */
export function levelRanges(): Array<{ level: MapLevel; from: number; to: number | null }> {
  return MAP_THRESHOLDS.map((from, index) => ({
    level: (index + 1) as MapLevel,
    from,
    to: index + 1 < MAP_THRESHOLDS.length ? (MAP_THRESHOLDS[index + 1] ?? from) - 1 : null,
  }));
}
