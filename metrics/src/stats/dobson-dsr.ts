import { byarsInterval } from './byars-interval.ts';

export interface StandardPopulationBand {
  readonly ageBand: string;
  readonly weight: number;
}

/** European Standard Population 2013: 19 five-year age bands 0–4 … 85–89 and 90+, summing to 100 000. */
export const ESP2013: readonly StandardPopulationBand[] = Object.freeze(
  (
    [
      ['0-4', 5000], ['5-9', 5500], ['10-14', 5500], ['15-19', 5500], ['20-24', 6000], ['25-29', 6000], ['30-34', 6500],
      ['35-39', 7000], ['40-44', 7000], ['45-49', 7000], ['50-54', 7000], ['55-59', 6500], ['60-64', 6000],
      ['65-69', 5500], ['70-74', 5000], ['75-79', 4000], ['80-84', 2500], ['85-89', 1500], ['90+', 1000],
    ] as const
  ).map(([ageBand, weight]) => Object.freeze({ ageBand, weight })),
);

/** DSRs of fewer events than this are not published: value and limits are missing (PHE Technical Guide). */
export const DSR_MINIMUM_COUNT = 10;

/** One standardisation band (e.g. an age band) of one area, events assumed independent. */
export interface DsrBand {
  /** Events in the band; null when missing, counted as 0. */
  readonly count: number | null;
  /** Population (person-years) of the band, > 0. */
  readonly population: number;
  /** Standard-population weight of the band, ≥ 0 (e.g. `ESP2013[i].weight`). */
  readonly standardPopulation: number;
}

/** One band for non-independent events: how many persons had exactly 1, 2, 3, … events. */
export interface DsrBandByFrequency {
  readonly population: number;
  readonly standardPopulation: number;
  /** Persons by event frequency (integer ≥ 1); null persons count as 0; a frequency not listed has none. */
  readonly personsByFrequency: readonly { readonly frequency: number; readonly persons: number | null }[];
}

export interface DsrOptions {
  /** Rate per this many of the standard population, default 100 000. */
  readonly multiplier?: number;
  /** Two-sided confidence level, 0 < level < 1, default 0.95. */
  readonly level?: number;
}

export interface DsrResult {
  /** Total events Σxᵢ (for non-independent events Σ frequency × persons). */
  readonly totalCount: number;
  readonly totalPopulation: number;
  /** Directly standardised rate per multiplier; null when the total count is below 10. */
  readonly value: number | null;
  /** Lower limit, not clamped (can be negative for small counts at 99.8 %); null when the total count is below 10. */
  readonly lower: number | null;
  readonly upper: number | null;
  readonly method: 'dobson' | 'dobson-non-independent';
}

/**
 * Directly standardised rate with Dobson confidence limits (Dobson et al., Stat Med 1991;10:457–62;
 * PHE Technical Guide; PHEindicatormethods `calculate_dsr`).
 *
 * DSR = Σ(xᵢwᵢ/nᵢ)/Σwᵢ × multiplier and var = Σxᵢ(wᵢ/nᵢ)²/(Σwᵢ)²; with X = Σxᵢ the limits are
 * DSR + √(var/X)·(B(X) − X) × multiplier, B being Byar's limit for X (used at every X ≥ 10).
 * Value and limits are null when X < 10. Bands given as {@link DsrBandByFrequency} select the
 * non-independent-events variant: the value uses the events per band (Σ frequency × persons), the
 * variance is Σ over frequencies f of f² × the Dobson variance of the persons with f events, each
 * taken over the area's total standard population.
 * @param bands the area's bands, all of one kind
 * @param options multiplier (default 100 000) and level (default 0.95)
 * @example
 * dobsonDsr([{ count: 12, population: 1000, standardPopulation: 5000 }, { count: 30, population: 2000, standardPopulation: 5000 }])
 * // { totalCount: 42, totalPopulation: 3000, value: 1350, lower: 950.25…, upper: 1853.31…, method: 'dobson' }
 */
export function dobsonDsr(bands: readonly DsrBand[] | readonly DsrBandByFrequency[], options: DsrOptions = {}): DsrResult {
  const { multiplier = 100_000, level = 0.95 } = options;
  if (!Number.isFinite(multiplier) || multiplier <= 0) throw new RangeError(`multiplier must be a finite number > 0 (got ${multiplier})`);
  if (!(level > 0 && level < 1)) throw new RangeError(`confidence level must be between 0 and 1 (got ${level})`);
  if (bands.length === 0) throw new RangeError('bands must not be empty');
  const byFrequency = 'personsByFrequency' in bands[0]!;
  const events: number[] = [];
  const varianceTerms: number[] = [];
  let totalPopulation = 0;
  let totalStandard = 0;
  bands.forEach((band: DsrBand | DsrBandByFrequency, i) => {
    const where = `band ${i + 1}`;
    if (('personsByFrequency' in band) !== byFrequency) throw new RangeError(`${where}: bands must all have counts or all have persons by frequency`);
    if (!Number.isFinite(band.population) || band.population <= 0) {
      throw new RangeError(`${where}: population must be a finite number > 0 (got ${band.population})`);
    }
    if (!Number.isFinite(band.standardPopulation) || band.standardPopulation < 0) {
      throw new RangeError(`${where}: standard population must be a finite number ≥ 0 (got ${band.standardPopulation})`);
    }
    const squaredWeight = (band.standardPopulation / band.population) ** 2;
    if ('personsByFrequency' in band) {
      let bandEvents = 0;
      const seen = new Set<number>();
      for (const { frequency, persons } of band.personsByFrequency) {
        if (!Number.isInteger(frequency) || frequency < 1) throw new RangeError(`${where}: event frequency must be an integer ≥ 1 (got ${frequency})`);
        if (seen.has(frequency)) throw new RangeError(`${where}: event frequency ${frequency} is given twice`);
        seen.add(frequency);
        const count = checkedCount(persons, `${where}, frequency ${frequency}: persons`);
        bandEvents += frequency * count;
        varianceTerms[frequency] = (varianceTerms[frequency] ?? 0) + count * squaredWeight;
      }
      events.push(bandEvents);
    } else {
      const count = checkedCount(band.count, `${where}: count`);
      events.push(count);
      varianceTerms[1] = (varianceTerms[1] ?? 0) + count * squaredWeight;
    }
    totalPopulation += band.population;
    totalStandard += band.standardPopulation;
  });
  if (totalStandard <= 0) throw new RangeError('standard populations must not all be 0');
  const method = byFrequency ? 'dobson-non-independent' : 'dobson';
  const totalCount = events.reduce((sum, x) => sum + x, 0);
  if (totalCount < DSR_MINIMUM_COUNT) return { totalCount, totalPopulation, value: null, lower: null, upper: null, method };
  const weightedRate = bands.reduce((sum, band: DsrBand | DsrBandByFrequency, i) => sum + (events[i]! * band.standardPopulation) / band.population, 0);
  const value = (weightedRate / totalStandard) * multiplier;
  const variance = varianceTerms.reduce((sum, term, frequency) => sum + (term / totalStandard ** 2) * frequency ** 2, 0);
  const spread = Math.sqrt(variance / totalCount);
  const byars = byarsInterval(totalCount, level);
  return {
    totalCount,
    totalPopulation,
    value,
    lower: byars.lower === null ? null : value + spread * (byars.lower - totalCount) * multiplier,
    upper: value + spread * (byars.upper - totalCount) * multiplier,
    method,
  };
}

function checkedCount(count: number | null, what: string): number {
  if (count === null) return 0;
  if (!Number.isFinite(count) || count < 0) throw new RangeError(`${what} must be a finite number ≥ 0 or null (got ${count})`);
  return count;
}
