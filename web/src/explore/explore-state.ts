import { z } from 'zod';
import { BOROUGHS, ICBS, ROUTINE_DOSES, type ExploreFilter, type ScheduledDose } from '@pathfinder/metrics';
import { parseSearch } from '../routing/view-state.ts';

/** Doses whose uptake Explore estimates: the routine schedule (a campaign dose has no due age to count eligible children by). */
export const EXPLORE_DOSES: readonly ScheduledDose[] = ROUTINE_DOSES;
export const QUINTILES = [1, 2, 3, 4, 5] as const;

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
/** A comma-separated list in the URL, keeping only known values (in a stable order). */
const list = (known: readonly string[]) => z.string().max(400).transform((s) => known.filter((k) => s.split(',').includes(k)).join(','));

/** The Explore view's whole state, in the URL: period brush (months), areas, quintiles, dose, the analyst's SQL and whether practice detail is shown. */
export const exploreState = parseSearch(
  z.object({
    from: month.optional().catch(undefined),
    to: month.optional().catch(undefined),
    icb: list(ICBS.map((i) => i.code)).optional(),
    borough: list(BOROUGHS.map((b) => b.code)).optional(),
    q: list(QUINTILES.map(String)).optional(),
    dose: z.enum(EXPLORE_DOSES.map((d) => d.key) as [string, ...string[]]).default('mmr-1'),
    sql: z.string().max(4000).optional(),
    /** `practice`: the analyst asked for practice detail, which loads for the selected boroughs. */
    detail: z.enum(['practice']).optional().catch(undefined),
  }),
);
export type ExploreState = ReturnType<typeof exploreState>;

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
export function selectedMonths(state: ExploreState, lastWeek: string, firstWeek: string): { from: string; to: string } {
  const last = lastWeek.slice(0, 7);
  const [y, m] = last.split('-').map(Number) as [number, number];
  const yearBefore = new Date(Date.UTC(y, m - 12, 1)).toISOString().slice(0, 7);
  const from = state.from ?? (yearBefore < firstWeek.slice(0, 7) ? firstWeek.slice(0, 7) : yearBefore);
  const to = state.to ?? last;
  return from <= to ? { from, to } : { from: to, to: from };
}

/** The SQL builders' filter for the URL state. */
export function exploreFilter(state: ExploreState, months: { from: string; to: string }): ExploreFilter {
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
