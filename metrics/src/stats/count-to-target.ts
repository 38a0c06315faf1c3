/**
 * How many more of `of` must be counted for `count / of` to reach `targetPercent`: the people still
 * needed to reach a target (not all those not yet counted), 0 once it is reached. The target count is
 * rounded up, as the campaign measures count it (95% of 21 children needs 20).
 * @param count people counted so far (the numerator), ≥ 0
 * @param of people eligible (the denominator), ≥ count
 * @param targetPercent the target, 0–100
 * @returns null when either count is unknown
 * @example countToTarget(15, 21, 95) // 5
 */
export function countToTarget(count: number | null, of: number | null, targetPercent: number): number | null {
  if (count === null || of === null) return null;
  if (!Number.isFinite(targetPercent) || targetPercent < 0 || targetPercent > 100) throw new RangeError(`target must be a percentage in 0–100 (got ${targetPercent})`);
  if (!Number.isFinite(of) || of < 0) throw new RangeError(`eligible count must be a finite number ≥ 0 (got ${of})`);
  if (!Number.isFinite(count) || count < 0 || count > of) throw new RangeError(`count must be in 0–${of} (got ${count})`);
  return Math.max(0, Math.ceil((targetPercent * of) / 100) - count);
}
