export type FunnelRateType = 'crude' | 'dsr';

export interface FunnelRatePoint {
  /** Events, a finite number ≥ 0. */
  readonly events: number;
  /** Rate per multiplier (crude or DSR), > 0 when there are events; ignored (may be null) when there are none. */
  readonly rate: number | null;
  /** Population; needed only for a crude rate with 0 events. */
  readonly denominator?: number | null;
}

export interface FunnelRateDenominatorOptions {
  readonly rateType: FunnelRateType;
  /** The rates are per this many, > 0. */
  readonly multiplier: number;
}

/**
 * The denominators PHE derives for a rate funnel plot: multiplier × events / rate, or for a point with
 * 0 events the population given (crude rates) or none at all (DSRs: null, left out of the baseline and
 * the axis) (PHEindicatormethods `calculate_funnel_limits` / `assign_funnel_significance`, rate).
 * @param points the plotted units, at least one
 * @param options rate type and multiplier
 * @example funnelRateDenominators([{ events: 50, rate: 25 }], { rateType: 'dsr', multiplier: 1e5 }) // [200000]
 */
export function funnelRateDenominators(points: readonly FunnelRatePoint[], options: FunnelRateDenominatorOptions): (number | null)[] {
  const { rateType, multiplier } = options;
  if (rateType !== 'crude' && rateType !== 'dsr') throw new RangeError(`rate type must be 'crude' or 'dsr' (got ${String(rateType)})`);
  if (!Number.isFinite(multiplier) || multiplier <= 0) throw new RangeError(`multiplier must be a finite number > 0 (got ${multiplier})`);
  if (points.length === 0) throw new RangeError('points must not be empty');
  return points.map((p, i) => {
    const where = `point ${i + 1}`;
    if (!Number.isFinite(p.events) || p.events < 0) throw new RangeError(`${where}: events must be a finite number ≥ 0 (got ${p.events})`);
    if (p.events > 0) {
      if (p.rate === null || !Number.isFinite(p.rate) || p.rate <= 0) throw new RangeError(`${where}: rate must be a finite number > 0 when there are events (got ${p.rate})`);
      return (multiplier * p.events) / p.rate;
    }
    if (rateType === 'dsr') return null;
    const denominator = p.denominator ?? null;
    if (denominator === null || !Number.isFinite(denominator) || denominator <= 0) {
      throw new RangeError(`${where}: a crude rate with 0 events needs a denominator, a finite number > 0 (got ${denominator})`);
    }
    return denominator;
  });
}
