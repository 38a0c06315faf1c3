// What phe_sii accepts: the quantiles of one area and the checks that say which input is wrong.

/** phe_sii's `value_type`: 0 normal, 1 rate (log scale for the standard errors), 2 proportion (logit scale). */
export const SII_VALUE_TYPES = ['normal', 'rate', 'proportion'] as const;
export type SiiValueType = (typeof SII_VALUE_TYPES)[number];

/** One deprivation quantile (quintile, decile, …) of one area, as phe_sii takes it. */
export interface SiiQuantile {
  /** 1 = most deprived (relative rank near 0) … k = least deprived (rank near 1), as IMD quintiles and deciles are numbered. */
  readonly quantile: number;
  /** Population of the quantile (the indicator's denominator), > 0; only its share of the total matters. */
  readonly population: number;
  /** The quantile's indicator value; for valueType 'proportion' a proportion between 0 and 1, not a percentage. */
  readonly value: number;
  /** Standard error of the value on the working scale: the value's own for 'normal', of its log for 'rate', of its logit for 'proportion'. */
  readonly se?: number | null;
  /** 95% confidence limits of the value, in the value's units; give both. Used for the standard error when `se` is not given. */
  readonly lower95?: number | null;
  readonly upper95?: number | null;
}

/** The fields of a quantile, so a caller can point at the offending input (e.g. a CSV column). */
export type SiiField = 'quantile' | 'population' | 'value' | 'se' | 'lower95' | 'upper95';

/** Invalid quantiles: `field` and `quantile` say where (quantile is null when the set as a whole is wrong). */
export class SiiInputError extends RangeError {
  constructor(
    /** The problem without the place, e.g. "must be a finite number > 0 (got 0)". */
    readonly problem: string,
    readonly field: SiiField,
    readonly quantile: number | null,
  ) {
    super(quantile === null ? problem : `${field} of quantile ${quantile} ${problem}`);
    this.name = 'SiiInputError';
  }
}

export function checkQuantiles(quantiles: readonly SiiQuantile[], valueType: SiiValueType): SiiQuantile[] {
  const k = quantiles.length;
  if (k < 5 || k > 100) throw new SiiInputError(`the SII needs between 5 and 100 quantiles (got ${k})`, 'quantile', null);
  const ordered = [...quantiles].sort((a, b) => a.quantile - b.quantile);
  if (ordered.some((q, i) => q.quantile !== i + 1)) {
    throw new SiiInputError(`quantiles must be numbered 1 to ${k}, each once (got ${quantiles.map((q) => q.quantile).join(', ')})`, 'quantile', null);
  }
  const range = valueType === 'proportion' ? 'between 0 and 1 for a proportion' : valueType === 'rate' ? '≥ 0 for a rate' : null;
  const inRange = (x: number) => (valueType === 'proportion' ? x >= 0 && x <= 1 : valueType === 'rate' ? x >= 0 : true);
  for (const q of ordered) {
    const fail = (field: SiiField, problem: string) => new SiiInputError(problem, field, q.quantile);
    if (!(Number.isFinite(q.population) && q.population > 0)) throw fail('population', `must be a finite number > 0 (got ${q.population})`);
    if (!Number.isFinite(q.value)) throw fail('value', `must be a finite number (got ${q.value})`);
    if (!inRange(q.value)) throw fail('value', `must be ${range} (got ${q.value})`);
    if (q.se != null && !(Number.isFinite(q.se) && q.se >= 0)) throw fail('se', `must be a finite number ≥ 0 (got ${q.se})`);
    const lower = q.lower95 ?? null;
    const upper = q.upper95 ?? null;
    if ((lower === null) !== (upper === null)) {
      throw fail(lower === null ? 'lower95' : 'upper95', `is missing; a standard error from limits needs both lower95 and upper95`);
    }
    if (lower !== null && upper !== null) {
      for (const [field, limit] of [['lower95', lower], ['upper95', upper]] as const) {
        if (!Number.isFinite(limit)) throw fail(field, `must be a finite number (got ${limit})`);
        if (!inRange(limit)) throw fail(field, `must be ${range} (got ${limit})`);
      }
      if (lower > upper) throw fail('lower95', `must be ≤ upper95 (got ${lower} > ${upper})`);
    }
  }
  return ordered;
}
