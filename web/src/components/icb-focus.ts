import type { Domain, Polarity } from '@pathfinder/metrics';

/**
 * The areas below a benchmark's value, furthest below first: what "which of my boroughs are below
 * London" asks. A suppressed or missing value is not below anything.
 */
export function areasBelow<R extends { value: number | null; suppressed: boolean }>(rows: readonly R[], benchmark: number | null): R[] {
  if (benchmark === null) return [];
  return rows.filter((r) => !r.suppressed && r.value !== null && r.value < benchmark).sort((a, b) => a.value! - b.value!);
}

/**
 * What a practice would need to reach `goal` (a percentage): the children (numerator units) still
 * needed, the whole number that lifts `numerator / denominator` to at least the goal; 0 at or above it.
 * @example childrenNeeded({ numerator: 80, denominator: 100 }, 95) // 15
 */
export function childrenNeeded({ numerator, denominator }: { numerator: number; denominator: number }, goal: number): number {
  // Rounded before the ceiling, so 95% of 20 is 19 and not 19.000000000000004 → 20.
  return Math.max(0, Math.ceil(Math.round(((goal / 100) * denominator - numerator) * 1e9) / 1e9));
}

/**
 * Practices to target for a higher-is-better percentage: those below `goal`, most children still
 * needed first (the largest practice first among equals), at most `limit`.
 */
export function practicesToTarget<P extends { numerator: number; denominator: number; areaName: string }>(points: readonly P[], goal: number, limit: number): (P & { needed: number })[] {
  return points
    .map((p) => ({ ...p, needed: childrenNeeded(p, goal) }))
    .filter((p) => p.needed > 0)
    .sort((a, b) => b.needed - a.needed || b.denominator - a.denominator || a.areaName.localeCompare(b.areaName))
    .slice(0, limit);
}

/** Whether "children still needed to reach a goal" means something for an indicator: a childhood vaccination percentage, where higher is better. */
export const countsTowardsGoal = (indicator: { domain: Domain; unit: string; polarity: Polarity }): boolean => indicator.domain === 'immunisation' && indicator.unit === '%' && indicator.polarity === 'higher-better';
