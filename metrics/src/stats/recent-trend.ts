import type { Polarity } from '../catalogue/indicator-spec.ts';

/** One period of a proportion indicator; null or undefined for a missing (e.g. suppressed) value. */
export interface TrendPoint {
  readonly numerator: number | null | undefined;
  readonly denominator: number | null | undefined;
}

export type RecentTrendLabel =
  | 'increasing'
  | 'decreasing'
  | 'increasing-getting-better'
  | 'increasing-getting-worse'
  | 'decreasing-getting-better'
  | 'decreasing-getting-worse'
  | 'no-significant-change'
  | 'cannot-be-calculated';

export interface RecentTrend {
  readonly label: RecentTrendLabel;
  /** Chi-square statistic for linear trend (1 degree of freedom); null when it cannot be calculated. */
  readonly chiSquare: number | null;
}

const RECENT_TREND_POINTS = 5;

/** χ² with 1 df at 99.8 %: Excel CHIINV(0.002, 1), as in Fingertips' TrendMarkerCalculator; = Φ⁻¹(0.999)². */
export const RECENT_TREND_CRITICAL_CHI_SQUARE = 9.54953570608324;

const POLARITIES: readonly Polarity[] = ['higher-better', 'lower-better', 'no-judgement'];

/**
 * Fingertips "recent trend" marker for a proportion: chi-square test for linear trend (Cochran–Armitage)
 * on the last 5 consecutive periods, significant at 99.8 %.
 *
 * Method from the OHID Fingertips technical guidance, "Fingertips trend markers" (proportions), as coded in
 * Fingertips' `TrendMarkerCalculator`. With period scores tᵢ = 1…5 (oldest first), counts rᵢ,
 * denominators nᵢ, R = Σrᵢ and N = Σnᵢ:
 *
 *   χ² = N · (N·Σrᵢtᵢ − R·Σnᵢtᵢ)² / ( R·(N − R) · (N·Σnᵢtᵢ² − (Σnᵢtᵢ)²) )
 *
 * equal to the chi-square test for trend of Altman (Practical Statistics for Medical Research, 1991, pp. 261–265),
 * [Σnᵢ(pᵢ − p̄)(tᵢ − t̄)]² / [p̄(1 − p̄)·Σnᵢ(tᵢ − t̄)²] with p̄ = R/N and t̄ = Σnᵢtᵢ/N, the statistic of R's
 * `prop.trend.test`.
 * A trend is significant when χ² > 9.5495 (1 df, 99.8 %); its direction is the sign of N·Σrᵢtᵢ − R·Σnᵢtᵢ,
 * i.e. of the weighted least-squares slope of the proportions on time.
 *
 * Labels: `increasing` / `decreasing` for no-judgement polarity, otherwise `…-getting-better` / `…-getting-worse`
 * by polarity; `no-significant-change`; `cannot-be-calculated` when there are fewer than 5 periods, or any of
 * the last 5 has a missing count or denominator, or a zero denominator, or all 5 counts are 0 or all equal
 * their denominators (p̄ = 0 or 1, where the statistic is undefined). Earlier periods are not used.
 * @param points periods in time order, oldest first; counts may be non-integer (aggregated data)
 * @param polarity indicator polarity, default 'no-judgement'
 * @throws RangeError for a negative or non-finite count or denominator, or a count above its denominator
 * @example
 * recentTrend([10, 15, 20, 25, 30].map((numerator) => ({ numerator, denominator: 100 })), 'higher-better')
 * // { label: 'increasing-getting-better', chiSquare: 15.625 }
 */
export function recentTrend(points: readonly TrendPoint[], polarity: Polarity = 'no-judgement'): RecentTrend {
  if (!POLARITIES.includes(polarity)) {
    throw new RangeError(`polarity must be 'higher-better', 'lower-better' or 'no-judgement' (got '${String(polarity)}')`);
  }
  points.forEach(validatePoint);
  if (points.length < RECENT_TREND_POINTS) return CANNOT;

  let sumN = 0, sumR = 0, sumRT = 0, sumNT = 0, sumNT2 = 0;
  const recent = points.slice(-RECENT_TREND_POINTS);
  for (const [i, { numerator: r, denominator: n }] of recent.entries()) {
    if (r == null || n == null || n === 0) return CANNOT;
    const t = i + 1;
    sumN += n;
    sumR += r;
    sumRT += r * t;
    sumNT += n * t;
    sumNT2 += n * t * t;
  }
  if (sumR === 0 || sumR === sumN) return CANNOT;

  const association = sumN * sumRT - sumR * sumNT;
  const chiSquare = (sumN * association * association) / (sumR * (sumN - sumR) * (sumN * sumNT2 - sumNT * sumNT));
  if (!(chiSquare > RECENT_TREND_CRITICAL_CHI_SQUARE)) return { label: 'no-significant-change', chiSquare };
  return { label: label(association > 0 ? 'increasing' : 'decreasing', polarity), chiSquare };
}

const CANNOT: RecentTrend = Object.freeze({ label: 'cannot-be-calculated', chiSquare: null });

function validatePoint(point: TrendPoint, i: number): void {
  const { numerator: r, denominator: n } = point;
  if (r != null && !(Number.isFinite(r) && r >= 0)) throw new RangeError(`points[${i}]: numerator must be a finite number ≥ 0 (got ${r})`);
  if (n != null && !(Number.isFinite(n) && n >= 0)) throw new RangeError(`points[${i}]: denominator must be a finite number ≥ 0 (got ${n})`);
  if (r != null && n != null && r > n) throw new RangeError(`points[${i}]: numerator must be ≤ denominator (got ${r} > ${n})`);
}

function label(direction: 'increasing' | 'decreasing', polarity: Polarity): RecentTrendLabel {
  if (polarity === 'no-judgement') return direction;
  const better = (direction === 'increasing') === (polarity === 'higher-better');
  return `${direction}-getting-${better ? 'better' : 'worse'}`;
}
