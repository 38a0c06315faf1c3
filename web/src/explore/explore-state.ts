import { ROUTINE_DOSES, type ExploreFilter, type ExploreSearch, type ScheduledDose } from '@pathfinder/metrics';

/** Doses whose uptake Explore estimates: the routine schedule (a campaign dose has no due age to count eligible children by). */
export const EXPLORE_DOSES: readonly ScheduledDose[] = ROUTINE_DOSES;
export const QUINTILES = [1, 2, 3, 4, 5] as const;

export const splitList = (value: string | undefined): string[] => (value ? value.split(',').filter(Boolean) : []);
/** The list as a URL value: undefined (absent) when empty. */
export const joinList = (values: readonly (string | number)[]): string | undefined => (values.length > 0 ? values.join(',') : undefined);

/** First day of a "YYYY-MM" month, and the last day. */
const monthStart = (m: string) => `${m}-01`;
export function monthEnd(m: string): string {
  const [y, mo] = m.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, mo, 0)).toISOString().slice(0, 10);
}

/** The selected period as months, defaulting to the last twelve months of the data. */
export function selectedMonths(state: ExploreSearch, lastWeek: string, firstWeek: string): { from: string; to: string } {
  const last = lastWeek.slice(0, 7);
  const [y, m] = last.split('-').map(Number) as [number, number];
  const yearBefore = new Date(Date.UTC(y, m - 12, 1)).toISOString().slice(0, 7);
  const from = state.from ?? (yearBefore < firstWeek.slice(0, 7) ? firstWeek.slice(0, 7) : yearBefore);
  const to = state.to ?? last;
  return from <= to ? { from, to } : { from: to, to: from };
}

/** The SQL builders' filter for the URL state. */
export function exploreFilter(state: ExploreSearch, months: { from: string; to: string }): ExploreFilter {
  const dose = EXPLORE_DOSES.find((d) => d.key === state.dose) ?? EXPLORE_DOSES[0]!;
  return {
    from: monthStart(months.from),
    to: monthEnd(months.to),
    icbs: splitList(state.icb),
    boroughs: splitList(state.borough),
    quintiles: splitList(state.q).map(Number),
    dose: { vaccine: dose.vaccine, dose: dose.dose },
  };
}
