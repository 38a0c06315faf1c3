import { countToTarget, type Domain, type Polarity } from '@pathfinder/metrics';

/**
 * The areas below a benchmark's value, furthest below first: what "which of my boroughs are below
 * London" asks. A suppressed or missing value is not below anything.
 */
export function areasBelow<R extends { value: number | null; suppressed: boolean }>(rows: readonly R[], benchmark: number | null): R[] {
  if (benchmark === null) return [];
  return rows.filter((r) => !r.suppressed && r.value !== null && r.value < benchmark).sort((a, b) => a.value! - b.value!);
}

/**
 * Practices to target for a higher-is-better percentage: those below `goal`, most children still
 * needed first (the largest practice first among equals), at most `limit`.
 */
export function practicesToTarget<P extends { numerator: number; denominator: number; areaName: string }>(points: readonly P[], goal: number, limit: number): (P & { needed: number })[] {
  return points
    .map((p) => ({ ...p, needed: countToTarget(p.numerator, p.denominator, goal) ?? 0 }))
    .filter((p) => p.needed > 0)
    .sort((a, b) => b.needed - a.needed || b.denominator - a.denominator || a.areaName.localeCompare(b.areaName))
    .slice(0, limit);
}

/** Whether "children still needed to reach a goal" means something for an indicator: a childhood vaccination percentage, where higher is better. */
export const countsTowardsGoal = (indicator: { domain: Domain; unit: string; polarity: Polarity }): boolean => indicator.domain === 'immunisation' && indicator.unit === '%' && indicator.polarity === 'higher-better';
