/**
 * The point an arrow key moves to from `from`: the nearest within 45° of the direction (screen
 * coordinates, y down), else the one straightest ahead on that side; null at the edge.
 */
export function nearestInDirection<T extends { readonly at: readonly [number, number] }>(from: readonly [number, number], points: readonly T[], direction: readonly [number, number]): T | null {
  const [dx, dy] = direction;
  let best: { point: T; score: number } | null = null;
  for (const point of points) {
    const [vx, vy] = [point.at[0] - from[0], point.at[1] - from[1]];
    const along = vx * dx + vy * dy;
    const across = Math.abs(vx * dy - vy * dx);
    if (along <= 0) continue;
    // Within the cone, plain distance decides; outside it, distance plus a penalty for drifting sideways.
    const score = across <= along ? Math.hypot(along, across) : 1e6 + along + 2 * across;
    if (!best || score < best.score) best = { point, score };
  }
  return best?.point ?? null;
}

export const ARROW_DIRECTIONS: Readonly<Record<string, readonly [number, number]>> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
