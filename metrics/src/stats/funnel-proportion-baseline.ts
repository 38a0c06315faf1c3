export interface FunnelProportionPoint {
  /** Successes, 0 ≤ numerator ≤ denominator (may be non-integer, as in aggregated data). */
  readonly numerator: number;
  /** Trials, > 0. */
  readonly denominator: number;
}

/**
 * Pooled proportion of a set of funnel-plot points, Σ numerators / Σ denominators, on the 0–1 scale: the
 * centre line of a proportion funnel (PHEindicatormethods `calculate_funnel_limits` and
 * `assign_funnel_significance`). Validates every point.
 * @param points at least one point, each with 0 ≤ numerator ≤ denominator and denominator > 0
 * @example funnelProportionBaseline([{ numerator: 30, denominator: 100 }, { numerator: 10, denominator: 100 }]) // 0.2
 */
export function funnelProportionBaseline(points: readonly FunnelProportionPoint[]): number {
  if (points.length === 0) throw new RangeError('points must not be empty');
  let numerator = 0;
  let denominator = 0;
  points.forEach((p, i) => {
    const where = `point ${i + 1}`;
    if (!Number.isFinite(p.numerator) || p.numerator < 0) throw new RangeError(`${where}: numerator must be a finite number ≥ 0 (got ${p.numerator})`);
    if (!Number.isFinite(p.denominator) || p.denominator <= 0) throw new RangeError(`${where}: denominator must be a finite number > 0 (got ${p.denominator})`);
    if (p.numerator > p.denominator) throw new RangeError(`${where}: numerator must be ≤ denominator (got ${p.numerator} > ${p.denominator})`);
    numerator += p.numerator;
    denominator += p.denominator;
  });
  return numerator / denominator;
}
