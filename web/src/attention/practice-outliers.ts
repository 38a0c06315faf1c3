import type { FunnelSignificance } from '@pathfinder/metrics';

/** Funnel positions outside the 99.8% control limits: more than chance would explain, beyond reasonable doubt. */
const OUTSIDE_998: ReadonlySet<FunnelSignificance> = new Set(['high-99.8', 'low-99.8']);

/**
 * The practices outside the 99.8% funnel limits, furthest from the average first (the largest
 * practices first among equals: more people affected).
 */
export function practiceOutliers<P extends { significance: FunnelSignificance; value: number; denominator: number }>(points: readonly P[], baseline: number | null): P[] {
  const distance = (p: P) => (baseline === null ? 0 : Math.abs(p.value - baseline));
  return points.filter((p) => OUTSIDE_998.has(p.significance)).sort((a, b) => distance(b) - distance(a) || b.denominator - a.denominator);
}
