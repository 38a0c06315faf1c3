// The Explore selection and the WHERE conditions it makes; a view's cross-filter leaves out its own dimension.
import { BOROUGHS } from '../geography/london-geography.ts';
import type { ExploreBreakdown, ExploreDimension } from './explore-tables.ts';
import type { SqlParams } from './sql-params.ts';
import { quoteIdentifier } from './sql-query.ts';

/**
 * The selection of the Explore view. Empty lists mean "all"; areas are the union of the boroughs
 * of `icbs` and `boroughs` (London's boroughs nest in its ICBs).
 */
export interface ExploreFilter {
  /** First and last day counted (ISO dates, inclusive), by the month of each week's Monday; null: open. */
  readonly from: string | null;
  readonly to: string | null;
  readonly icbs: readonly string[];
  readonly boroughs: readonly string[];
  /** Deprivation quintiles 1 (most deprived) to 5. */
  readonly quintiles: readonly number[];
  /** One vaccine dose, or null for every dose. */
  readonly dose: { readonly vaccine: string; readonly dose: number } | null;
}

/** The cross-filter of a view: the selection without the view's own dimension, so a view never hides its own choices. */
export function exploreFilterFor(filter: ExploreFilter, view: 'time' | 'area' | 'quintile' | 'dose' | null): ExploreFilter {
  if (view === 'time') return { ...filter, from: null, to: null };
  if (view === 'area') return { ...filter, icbs: [], boroughs: [] };
  if (view === 'quintile') return { ...filter, quintiles: [] };
  if (view === 'dose') return { ...filter, dose: null };
  return filter;
}

/** The filter's boroughs: those chosen, and every borough of the ICBs chosen. */
export function exploreBoroughs(filter: Pick<ExploreFilter, 'icbs' | 'boroughs'>): string[] {
  return BOROUGHS.filter((b) => filter.boroughs.includes(b.code) || filter.icbs.includes(b.parent)).map((b) => b.code);
}

/**
 * The cube rows that answer a query filtering or grouping by these dimensions: quintiles need the
 * deprivation rows, ethnic groups the ethnicity rows, both the deprivation-ethnicity rows (which the
 * public cube does not have), neither the totals.
 * @example exploreBreakdown({ ...filter, quintiles: [1] }, 'ethnicity') // 'deprivation-ethnicity'
 */
export function exploreBreakdown(filter: Pick<ExploreFilter, 'quintiles'>, by: ExploreDimension | null): ExploreBreakdown {
  const quintile = filter.quintiles.length > 0 || by === 'quintile';
  const ethnicity = by === 'ethnicity';
  return quintile && ethnicity ? 'deprivation-ethnicity' : quintile ? 'deprivation' : ethnicity ? 'ethnicity' : 'total';
}

/** WHERE conditions on area and quintile, which every cube and detail table has. */
export function areaConditions(p: SqlParams, f: ExploreFilter): string[] {
  const unknown = [...f.icbs, ...f.boroughs].filter((code) => !BOROUGHS.some((b) => b.code === code || b.parent === code));
  if (unknown.length > 0) throw new RangeError(`not a London ICB or borough: ${unknown.join(', ')}`);
  const boroughs = exploreBoroughs(f);
  return [
    ...(boroughs.length > 0 ? [`${quoteIdentifier('borough_code')} IN (${p.list(boroughs)})`] : []),
    ...(f.quintiles.length > 0 ? [`${quoteIdentifier('deprivation_quintile')} IN (${p.list(f.quintiles)})`] : []),
  ];
}

/** WHERE conditions on period (the `period` column: a month, or a week counted by its Monday), dose, area and quintile. */
export function doseConditions(p: SqlParams, f: ExploreFilter, period: 'month' | 'week'): string[] {
  return [
    ...(f.from ? [`${quoteIdentifier(period)} >= ${period === 'month' ? `date_trunc('month', ${p.add(f.from)}::DATE)` : `${p.add(f.from)}::DATE`}`] : []),
    ...(f.to ? [`${quoteIdentifier(period)} <= ${p.add(f.to)}::DATE`] : []),
    ...(f.dose ? [`${quoteIdentifier('vaccine')} = ${p.add(f.dose.vaccine)}`, `${quoteIdentifier('dose')} = ${p.add(f.dose.dose)}`] : []),
    ...areaConditions(p, f),
  ];
}



export const where = (conditions: readonly string[]) => (conditions.length > 0 ? `WHERE ${conditions.join('\n  AND ')}` : '');
