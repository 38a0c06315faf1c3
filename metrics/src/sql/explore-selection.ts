// What an Explore URL selects, given the months the cube covers: one definition for the browser and the server's first answer.
import { ROUTINE_DOSES, type ScheduledDose } from '../immunisation/vaccine-schedule.ts';
import type { ExploreFilter } from './explore-filter.ts';

/** The URL state Explore's views depend on (`exploreSearch`, less what only the page uses). */
export interface ExploreSelectionSearch {
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly icb?: string | undefined;
  readonly borough?: string | undefined;
  readonly q?: string | undefined;
  readonly dose?: string | undefined;
}

/** A selection resolved against the cube: the months chosen ("YYYY-MM", in order), the builders' filter and the dose whose uptake is shown. */
export interface ExploreSelection {
  readonly months: { readonly from: string; readonly to: string };
  readonly filter: ExploreFilter;
  readonly dose: ScheduledDose;
}

/** The dose whose uptake Explore shows when the URL names none. */
export const EXPLORE_DEFAULT_DOSE = 'mmr-1';

const items = (value: string | undefined): string[] => (value ? value.split(',').filter(Boolean) : []);

/**
 * The last day of a "YYYY-MM" month.
 * @example monthEnd('2024-02') // '2024-02-29'
 */
export function monthEnd(m: string): string {
  const [y, mo] = m.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, mo, 0)).toISOString().slice(0, 10);
}

/**
 * The selected period as months, defaulting to the last twelve months of the data (from the
 * cube's first month when it has fewer); a reversed period is put in order.
 * @param last the cube's last month or a day in it (ISO date)
 * @param first the cube's first month or a day in it
 */
export function selectedMonths(search: Pick<ExploreSelectionSearch, 'from' | 'to'>, last: string, first: string): { from: string; to: string } {
  const lastMonth = last.slice(0, 7);
  const [y, m] = lastMonth.split('-').map(Number) as [number, number];
  const yearBefore = new Date(Date.UTC(y, m - 12, 1)).toISOString().slice(0, 7);
  const from = search.from ?? (yearBefore < first.slice(0, 7) ? first.slice(0, 7) : yearBefore);
  const to = search.to ?? lastMonth;
  return from <= to ? { from, to } : { from: to, to: from };
}

/**
 * What a URL selects over a cube covering `extent`: the months, the builders' filter (areas,
 * quintiles, the dose; by default `EXPLORE_DEFAULT_DOSE`) and the dose.
 * @example exploreSelection({ icb: 'E54000029' }, { first: '2012-02-01', last: '2025-03-01' }).filter.from // '2024-04-01'
 */
export function exploreSelection(search: ExploreSelectionSearch, extent: { readonly first: string; readonly last: string }): ExploreSelection {
  const months = selectedMonths(search, extent.last, extent.first);
  const dose = ROUTINE_DOSES.find((d) => d.key === search.dose) ?? ROUTINE_DOSES.find((d) => d.key === EXPLORE_DEFAULT_DOSE)!;
  return {
    months,
    dose,
    filter: {
      from: `${months.from}-01`,
      to: monthEnd(months.to),
      icbs: items(search.icb),
      boroughs: items(search.borough),
      quintiles: items(search.q).map(Number),
      dose: { vaccine: dose.vaccine, dose: dose.dose },
    },
  };
}
