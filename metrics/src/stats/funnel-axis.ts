export type FunnelAxisInput =
  | {
      /** Proportions (x axis: denominator) and ratios (x axis: observed events, spread over the expected counts). */
      readonly statistic: 'proportion' | 'ratio';
      readonly minDenominator: number;
      readonly maxDenominator: number;
    }
  | {
      /** Rates (x axis: events, spread over the derived denominators × the baseline rate per person). */
      readonly statistic: 'rate';
      readonly minDenominator: number;
      readonly maxDenominator: number;
      readonly yearsOfData: number;
      /** Baseline events per person (not per multiplier). */
      readonly baseline: number;
    };

const POINTS = 100;

/**
 * The 100 x-axis points at which PHE funnel-plot limits are tabulated (PHEindicatormethods
 * `calculate_funnel_limits`). The axis starts at 1 when the largest denominator is more than twice the
 * smallest, otherwise at 95 % of the smallest rounded down to one significant figure; it ends at 105 % of
 * the largest rounded up to two significant figures (for rates both per year of data, then converted to
 * events with the baseline rate); points are spaced geometrically, rounded to integers (half to even, as R)
 * and at least one apart. Ratios use the package's spacing exponent 1/(102 − j), which stops short of the end.
 * @param input statistic and the smallest and largest denominator (expected count for ratios), each > 0
 * @example funnelAxis({ statistic: 'proportion', minDenominator: 10_600, maxDenominator: 20_000 }).slice(0, 2) // [10000, 10075]
 */
export function funnelAxis(input: FunnelAxisInput): number[] {
  const { minDenominator: min, maxDenominator: max } = input;
  if (!Number.isFinite(min) || min <= 0) throw new RangeError(`smallest denominator must be a finite number > 0 (got ${min})`);
  if (!Number.isFinite(max) || max < min) throw new RangeError(`largest denominator must be a finite number ≥ the smallest (got ${max} < ${min})`);
  let start: number;
  let end: number;
  if (input.statistic === 'rate') {
    const { yearsOfData: years, baseline } = input;
    if (!Number.isFinite(years) || years <= 0) throw new RangeError(`years of data must be a finite number > 0 (got ${years})`);
    if (!Number.isFinite(baseline) || baseline <= 0) throw new RangeError(`baseline rate must be a finite number > 0 (got ${baseline})`);
    start = Math.floor((max > 2 * min ? 0 : signifFloor(min / years) * years) * baseline);
    end = Math.ceil(signifCeiling(max / years) * years * baseline);
  } else {
    start = max > 2 * min ? 0 : signifFloor(min);
    end = signifCeiling(max);
  }
  const offset = input.statistic === 'ratio' ? 1 : 0;
  const axis = [Math.max(1, start)];
  for (let j = 2; j <= POINTS; j++) {
    const previous = axis[j - 2]!;
    const next = roundHalfEven((end / previous) ** (1 / (POINTS + 1 - j + offset)) * previous);
    axis.push(Math.max(next, previous + 1));
  }
  return axis;
}

function signifFloor(x: number): number {
  const scaled = x * 0.95;
  const power = 10 ** (rCharacterWidth(Math.floor(scaled)) - 1);
  return Math.floor(scaled / power) * power;
}

function signifCeiling(x: number): number {
  const scaled = x * 1.05;
  const power = 10 ** (rCharacterWidth(Math.ceil(scaled)) - 2);
  return Math.ceil(scaled / power) * power;
}

/**
 * nchar(as.character(k)) in R for a whole number k ≥ 0: the package sizes its rounding with it, and R
 * writes a number in scientific form when that is shorter (100000 → "1e+05", 123000000 → "1.23e+08").
 */
function rCharacterWidth(k: number): number {
  const fixed = String(k);
  const significant = fixed.replace(/0+$/, '').length || 1;
  const scientific = significant === 1 ? 5 : significant + 5;
  return Math.min(fixed.length, scientific);
}

function roundHalfEven(x: number): number {
  const rounded = Math.round(x);
  return rounded - x === 0.5 && rounded % 2 !== 0 ? rounded - 1 : rounded;
}
