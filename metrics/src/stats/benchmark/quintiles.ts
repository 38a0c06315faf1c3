export type Quintile = 1 | 2 | 3 | 4 | 5;

export interface QuintileOptions {
  /**
   * `lowest-first` (default): quintile 1 holds the lowest values, as in Fingertips' "Lowest … Highest"
   * quintile comparison. `highest-first`: quintile 1 holds the highest values (phe_quantile's default,
   * used when ranking by a deprivation score, so that 1 is the most deprived).
   */
  readonly order?: 'lowest-first' | 'highest-first';
}

const Q = 5;

/**
 * Quintile (1–5) of each value among all the values, by the OHID method for assigning areas to
 * quantiles (Technical Guide "Assigning deprivation categories"; PHEindicatormethods `phe_quantile`
 * with `nquantiles = 5`):
 * with n non-missing values ranked 1…n (ties take the lowest rank they share),
 * quintile = 6 − ⌈5(n + 1 − rank) / n⌉.
 * Equal values therefore always share a quintile, and quintiles hold n/5 values each when there are
 * no ties (n = 7 gives 2, 1, 2, 1, 1). Computed in exact integer arithmetic; this agrees with
 * phe_quantile's floating-point form for every n up to 2,000.
 *
 * Nulls are not ranked and get null. With fewer than 5 values no quintiles are assigned (all null),
 * as in phe_quantile.
 * @param values one value per area, in any unit; null where the value is missing
 * @param options `order`, default `lowest-first`
 * @returns a quintile per input value, in input order
 * @example
 * quintiles([10, 20, 30, 40, 50, null]) // [1, 2, 3, 4, 5, null]
 * quintiles([3, 1, 4, 1, 5, 9, 2, 6, 5, 3]) // [2, 1, 3, 1, 4, 5, 2, 5, 4, 2] (the two 3s share rank 4, so quintile 2)
 */
export function quintiles(values: readonly (number | null)[], options: QuintileOptions = {}): (Quintile | null)[] {
  const order = options.order ?? 'lowest-first';
  if (order !== 'lowest-first' && order !== 'highest-first') {
    throw new RangeError(`order must be lowest-first or highest-first (got ${String(order)})`);
  }
  values.forEach((v, i) => {
    if (v !== null && !Number.isFinite(v)) throw new RangeError(`values must be finite numbers or null (got ${v} at index ${i})`);
  });

  const present = values.flatMap((v, i) => (v === null ? [] : [{ key: order === 'lowest-first' ? v : -v, i }]));
  const n = present.length;
  const out: (Quintile | null)[] = values.map(() => null);
  if (n < Q) return out;

  present.sort((a, b) => a.key - b.key);
  let rank = 1;
  present.forEach((p, position) => {
    if (position > 0 && p.key !== present[position - 1]!.key) rank = position + 1;
    out[p.i] = (Q + 1 - Math.ceil((Q * (n + 1 - rank)) / n)) as Quintile;
  });
  return out;
}
