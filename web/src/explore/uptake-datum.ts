import { proportionValue, type ExploreUptakeRow } from '@pathfinder/metrics';
import { formatValueWithInterval } from '../format/format-interval.ts';

/** An estimated uptake (%) with its Wilson 95% CI, or why there is none. */
export interface UptakeDatum {
  readonly key: string;
  readonly label: string;
  readonly doses: number;
  readonly eligible: number;
  readonly value: number | null;
  readonly lower95: number | null;
  readonly upper95: number | null;
  readonly note: string | null;
}

/**
 * Doses ÷ estimated eligible children as a percentage with the Wilson score interval (the same
 * method as the published uptake indicators). No value when nobody was eligible, or when more doses
 * were given than children estimated eligible (catch-up doses, children moving in), since that is
 * not a proportion.
 */
export function uptakeDatum(row: ExploreUptakeRow, label: string): UptakeDatum {
  const base = { key: row.key, label, doses: row.doses, eligible: row.eligible };
  if (!(row.eligible > 0)) return { ...base, value: null, lower95: null, upper95: null, note: 'no eligible children' };
  if (row.doses > row.eligible) return { ...base, value: null, lower95: null, upper95: null, note: 'more doses than eligible children' };
  const { value, lower95, upper95 } = proportionValue(row.doses, row.eligible, 100);
  return { ...base, value, lower95, upper95, note: null };
}

/** "84.2% (95% CI 83.1 to 85.3)", or the reason there is no value. */
export function describeUptake(d: UptakeDatum | undefined): string {
  if (!d) return 'no data';
  if (d.value === null) return d.note ?? 'no value';
  return formatValueWithInterval(d.value, d.lower95, d.upper95, { unit: '%' });
}
