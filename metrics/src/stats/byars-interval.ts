import { zForLevel } from './normal-quantile.ts';

export interface ByarsInterval {
  /** Lower limit on the count scale; null where Byar's formula goes negative (small counts, high levels, and 0). */
  readonly lower: number | null;
  /** Upper limit on the count scale. */
  readonly upper: number;
}

/**
 * Byar's approximation to the exact Poisson confidence limits of an observed count, on the count scale.
 *
 * lower = x·(1 − 1/(9x) − z/(3√x))³, upper = (x + 1)·(1 − 1/(9(x + 1)) + z/(3√(x + 1)))³ with
 * z = Φ⁻¹(c + (1 − c)/2) (Breslow & Day 1987; PHE Technical Guide; PHEindicatormethods
 * `byars_lower`/`byars_upper`). Applied at every count, as the stand-alone PHE helper does: when the
 * lower formula is negative (e.g. x = 1 at 99.8 %) the lower limit is missing (null); at x = 0 the
 * formula tends to −∞, so the lower limit is null there too. For rates use {@link crudeRate}, which
 * switches to exact limits below 10 events.
 * @param count observed events, a finite number ≥ 0 (need not be an integer)
 * @param level two-sided confidence level, default 0.95
 * @example byarsInterval(65) // { lower: 50.16318771045945, upper: 82.84913854593984 }
 */
export function byarsInterval(count: number, level = 0.95): ByarsInterval {
  if (!Number.isFinite(count) || count < 0) throw new RangeError(`count must be a finite number ≥ 0 (got ${count})`);
  const z = zForLevel(level);
  const upperBase = count + 1;
  const upper = upperBase * (1 - 1 / (9 * upperBase) + z / (3 * Math.sqrt(upperBase))) ** 3;
  if (count === 0) return { lower: null, upper };
  const lower = count * (1 - 1 / (9 * count) - z / (3 * Math.sqrt(count))) ** 3;
  return { lower: lower < 0 ? null : lower, upper };
}
