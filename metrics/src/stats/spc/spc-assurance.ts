import type { SpcImprovement, SpcResult } from './spc-xmr.ts';

/** Making Data Count assurance icon: will the process consistently meet its target? */
export type SpcAssurance = 'pass' | 'fail' | 'inconsistent';

/**
 * Assurance of an SPC chart against a target, from the process limits of its latest point (so of the
 * latest phase), as NHSRplotthedots `ptd_calculate_assurance_type`: `pass` when both limits are strictly
 * on the good side of the target (the process will consistently meet it), `fail` when both are strictly on
 * the bad side, otherwise `inconsistent` (a target on or between the limits).
 * @param result output of `spcXmr`
 * @param target target in the same unit as the values; null or undefined for none
 * @param improvement direction of improvement, default the one the chart was computed with
 * @returns null when there is no target or the improvement direction is neutral
 * @throws RangeError for a non-finite target, an unknown improvement direction or an empty result
 * @example spcAssurance(spcXmr([95, 96, 97, 96, 95, 96]), 90, 'increase') // 'pass'
 */
export function spcAssurance(
  result: SpcResult,
  target: number | null | undefined,
  improvement: SpcImprovement = result.improvement,
): SpcAssurance | null {
  if (improvement !== 'increase' && improvement !== 'decrease' && improvement !== 'neutral') {
    throw new RangeError(`improvement must be 'increase', 'decrease' or 'neutral' (got '${String(improvement)}')`);
  }
  if (target === null || target === undefined) return null;
  if (!Number.isFinite(target)) throw new RangeError(`target must be a finite number (got ${target})`);
  const latest = result.points[result.points.length - 1];
  if (!latest) throw new RangeError('spcAssurance needs a result with at least one point');
  if (improvement === 'neutral') return null;
  const higherIsBetter = improvement === 'increase';
  if (target < latest.lpl) return higherIsBetter ? 'pass' : 'fail';
  if (target > latest.upl) return higherIsBetter ? 'fail' : 'pass';
  return 'inconsistent';
}
