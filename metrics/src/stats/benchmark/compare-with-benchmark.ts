import { POLARITIES, type Polarity } from '../../catalogue/indicator-spec.ts';

export const BENCHMARK_COMPARISONS = [
  'much-better',
  'better',
  'similar',
  'worse',
  'much-worse',
  'much-higher',
  'higher',
  'lower',
  'much-lower',
  'not-compared',
] as const;

/**
 * Result of comparing an area with a benchmark. `better`/`worse` (and `higher`/`lower`) mean the benchmark
 * lies outside the area's 95% CI; the `much-` forms mean it also lies outside the 99.8% CI.
 */
export type BenchmarkComparison = (typeof BENCHMARK_COMPARISONS)[number];

/** Text for each comparison, as Fingertips words its legend. */
export const BENCHMARK_COMPARISON_LABELS: Readonly<Record<BenchmarkComparison, string>> = Object.freeze({
  'much-better': 'Better (99.8%)',
  better: 'Better (95%)',
  similar: 'Similar',
  worse: 'Worse (95%)',
  'much-worse': 'Worse (99.8%)',
  'much-higher': 'Higher (99.8%)',
  higher: 'Higher (95%)',
  lower: 'Lower (95%)',
  'much-lower': 'Lower (99.8%)',
  'not-compared': 'Not compared',
});

/** An area's value with its confidence limits, all in the indicator's unit; null when not available. */
export interface ComparableValue {
  readonly value: number | null;
  readonly lower95: number | null;
  readonly upper95: number | null;
  readonly lower998?: number | null;
  readonly upper998?: number | null;
}

export interface BenchmarkOptions {
  /** 1: 95% only (default). 2: 95% and 99.8%, adding the `much-` results. */
  readonly levels?: 1 | 2;
}

type Side = 'above' | 'below';

const OUTCOME: Record<Polarity, Record<Side, readonly [BenchmarkComparison, BenchmarkComparison]>> = {
  'higher-better': { above: ['better', 'much-better'], below: ['worse', 'much-worse'] },
  'lower-better': { above: ['worse', 'much-worse'], below: ['better', 'much-better'] },
  'no-judgement': { above: ['higher', 'much-higher'], below: ['lower', 'much-lower'] },
};

/**
 * Compares an area with a benchmark (London, England, its ICB, a chosen peer) by the Fingertips method:
 * the area is "similar" when the benchmark lies inside its 95% confidence interval, limits included;
 * otherwise it is better or worse according to the indicator's polarity, or higher/lower for
 * no-judgement indicators. With `levels: 2`, a benchmark also outside the 99.8% interval gives the
 * `much-` result (shown as "(99.8%)").
 *
 * Returns `not-compared` when the value, a limit needed for the requested levels, or the benchmark is
 * missing: a missing 99.8% interval is never silently treated as a one-level comparison.
 *
 * Source: OHID Fingertips "Comparison with benchmark" (Public Health Profiles technical guidance);
 * INDICATORS.md "Statistics".
 * @param area value and limits in the indicator's unit (e.g. percent), such as an `IndicatorValue`
 * @param benchmarkValue benchmark value in the same unit, or null when there is none
 * @param polarity the indicator's polarity
 * @param options `levels`, default 1
 * @example
 * // 820 of 1000 children (82.0%, 95% CI 79.5–84.3, 99.8% CI 77.9–85.4) against England's 88.9%
 * compareWithBenchmark({ value: 82, lower95: 79.5, upper95: 84.3 }, 88.9, 'higher-better') // 'worse'
 * compareWithBenchmark({ value: 82, lower95: 79.5, upper95: 84.3, lower998: 77.9, upper998: 85.4 }, 88.9, 'higher-better', { levels: 2 }) // 'much-worse'
 * compareWithBenchmark({ value: 82, lower95: 79.5, upper95: 84.3 }, 82.2, 'higher-better') // 'similar'
 */
export function compareWithBenchmark(
  area: ComparableValue,
  benchmarkValue: number | null,
  polarity: Polarity,
  options: BenchmarkOptions = {},
): BenchmarkComparison {
  const levels = options.levels ?? 1;
  if (levels !== 1 && levels !== 2) throw new RangeError(`levels must be 1 or 2 (got ${String(levels)})`);
  if (!POLARITIES.includes(polarity)) throw new RangeError(`polarity must be one of ${POLARITIES.join(', ')} (got ${String(polarity)})`);
  checkFinite('benchmark value', benchmarkValue);
  checkFinite('value', area.value);
  const ci95 = checkInterval('95%', area.lower95, area.upper95);
  const ci998 = levels === 2 ? checkInterval('99.8%', area.lower998 ?? null, area.upper998 ?? null) : null;
  if (ci95 && ci998 && (ci998.lower > ci95.lower || ci998.upper < ci95.upper)) {
    throw new RangeError(
      `the 99.8% interval must contain the 95% interval (got [${ci998.lower}, ${ci998.upper}] and [${ci95.lower}, ${ci95.upper}])`,
    );
  }

  if (benchmarkValue === null || area.value === null || ci95 === null || (levels === 2 && ci998 === null)) return 'not-compared';

  const side: Side | null = ci95.lower > benchmarkValue ? 'above' : ci95.upper < benchmarkValue ? 'below' : null;
  if (side === null) return 'similar';
  const beyond998 = ci998 !== null && (side === 'above' ? ci998.lower > benchmarkValue : ci998.upper < benchmarkValue);
  const [significant, highlySignificant] = OUTCOME[polarity][side];
  return beyond998 ? highlySignificant : significant;
}

function checkFinite(name: string, x: number | null): void {
  if (x !== null && !Number.isFinite(x)) throw new RangeError(`${name} must be a finite number or null (got ${x})`);
}

function checkInterval(level: string, lower: number | null, upper: number | null): { lower: number; upper: number } | null {
  checkFinite(`lower ${level} limit`, lower);
  checkFinite(`upper ${level} limit`, upper);
  if (lower === null || upper === null) return null;
  if (lower > upper) throw new RangeError(`lower ${level} limit must be ≤ upper ${level} limit (got ${lower} > ${upper})`);
  return { lower, upper };
}
