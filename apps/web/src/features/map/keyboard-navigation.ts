export type Direction = "up" | "down" | "left" | "right";

const VECTORS: Record<Direction, [number, number]> = {
  up: [0, -1],
  down: [0, 1],
  left: [-1, 0],
  right: [1, 0],
};

interface Placed {
  siren: string;
  centroid: [number, number];
}

/**
 * The shape an arrow key moves to: among the shapes whose centre lies ahead in that direction, the
 * nearest, sideways distance counting three times (so "right" stays on the same row of the map).
 */
export function nextInDirection<T extends Placed>(from: Placed, shapes: readonly T[], direction: Direction): T | null {
  const [dx, dy] = VECTORS[direction];
  let best: T | null = null;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const shape of shapes) {
    if (shape.siren === from.siren) continue;
    const x = shape.centroid[0] - from.centroid[0];
    const y = shape.centroid[1] - from.centroid[1];
    const ahead = x * dx + y * dy;
    if (!(ahead > 0)) continue;
    const aside = Math.abs(x * dy - y * dx);
    const score = ahead + 3 * aside;
    if (score < bestScore) {
      best = shape;
      bestScore = score;
    }
  }
  return best;
}
