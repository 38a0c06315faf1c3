import { applyDisclosureAcross } from './apply-disclosure-across.ts';
import { suppressCount } from './suppress-count.ts';

const CUMULATIVE_ROUND_TO = 10;

/**
 * Primary disclosure control of a running count that is published at every step of a series
 * (children vaccinated by the end of each week, or by each month of age): 0 shown, 1–7 hidden, 8
 * and above rounded to the nearest **10**, not 5.
 *
 * Why 10: the count of one step (doses in a week) is the difference of two consecutive running
 * counts, and running counts never go down. Rounded to 5, two equal published counts would pin the
 * step to 0–4, five values, as narrow as a rounding window. Rounded to 10 the difference of two
 * published counts always leaves a step at least 7 possible values (8–14 twice gives 0–6), so the
 * step needs no publication of its own: it is published as that difference and tells nothing more.
 * @param count an integer ≥ 0
 * @returns the count to publish, or null when hidden
 * @example roundCumulativeCount(7) // null
 * @example roundCumulativeCount(14) // 10
 * @example roundCumulativeCount(15) // 20
 */
export function roundCumulativeCount(count: number): number | null {
  const { shown } = suppressCount(count);
  return shown === null || shown === 0 ? shown : Math.round(count / CUMULATIVE_ROUND_TO) * CUMULATIVE_ROUND_TO;
}

/** One area's (or area and group's) running count over the steps of a fixed grid. */
export interface CumulativeSeries {
  /** Unique among the series. */
  readonly id: string;
  /**
   * One family key per direction: series with the same key add up to a series that is published
   * too (the boroughs of an ICB, the ICBs of London, the groups of an area); null for none.
   */
  readonly families: readonly (string | null)[];
  /** The count every step is a part of (eligible children, children in a cohort), fixed over the steps. */
  readonly total: number;
  /** The running count at each step of the grid, never decreasing. */
  readonly cumulative: readonly number[];
}

export interface PublishedCumulativeSeries {
  readonly id: string;
  /** Rounded to 5; null when hidden. */
  readonly total: number | null;
  /** Rounded to 10 (see `roundCumulativeCount`); null when hidden. */
  readonly cumulative: readonly (number | null)[];
}

/**
 * Disclosure control of a set of linked running counts, done once over the whole set so every
 * answer reads the same published cells: primary control of each total (`suppressCount`) and of
 * each running count (`roundCumulativeCount`), then complementary suppression with
 * `applyDisclosureAcross` in every direction, step by step and for the totals, so no family's
 * published sum minus its published members gives one hidden member away. Steps are not a family:
 * a step's own count is published only as the difference of two published running counts.
 * @param series the series, all with the same number of steps and the same number of directions
 * @example
 * discloseCumulativeSeries([
 *   { id: 'A', families: ['icb'], total: 50, cumulative: [0, 3, 12] },
 *   { id: 'B', families: ['icb'], total: 300, cumulative: [20, 40, 60] },
 *   { id: 'C', families: ['icb'], total: 900, cumulative: [100, 150, 200] },
 *   { id: 'ICB', families: [null], total: 1250, cumulative: [120, 193, 272] },
 * ])
 * // A [0, null, 10], B [20, null, 60] (hidden with A at step 2), C [100, 150, 200], ICB [120, 190, 270]
 */
export function discloseCumulativeSeries(series: readonly CumulativeSeries[]): PublishedCumulativeSeries[] {
  const directions = series[0]?.families.length ?? 0;
  const steps = series[0]?.cumulative.length ?? 0;
  if (series.some((s) => s.families.length !== directions || s.cumulative.length !== steps)) throw new RangeError('every series needs the same number of directions and steps');
  if (series.length === 0 || directions === 0) return series.map((s) => ({ id: s.id, total: suppressCount(s.total).shown, cumulative: s.cumulative.map(roundCumulativeCount) }));
  const cells = series.flatMap((s) => [
    { areaCode: `${s.id}|total`, parentCode: null, numerator: s.total, denominator: null, series: s, step: 'total' },
    ...s.cumulative.map((n, t) => ({ areaCode: `${s.id}|${t}`, parentCode: null, numerator: n, denominator: null, series: s, step: String(t) })),
  ]);
  const out = applyDisclosureAcross(cells, Array.from({ length: directions }, (_, d) => (c: (typeof cells)[number]) => {
    const family = c.series.families[d];
    return family === null || family === undefined ? null : `${family}|${c.step}`;
  }));
  let i = 0;
  return series.map((s) => {
    const total = out[i++]!.numerator;
    const cumulative = s.cumulative.map((n) => (out[i++]!.numerator === null ? null : roundCumulativeCount(n)));
    return { id: s.id, total, cumulative };
  });
}
