import { keepPreviousData, queryOptions, type QueryClient } from '@tanstack/react-query';
import {
  EXPLORE_DETAIL_TABLES, exploreBreakdown, exploreDosesByVaccineSql, exploreDosesOverTimeSql, exploreFilterFor, explorePracticeUptakeSql, exploreUptakeSql, readOnlySql,
  type ExploreDimension, type ExploreDoseRow, type ExploreFilter, type ExplorePracticeRow, type ExploreTimeRow, type ExploreUptakeRow,
} from '@pathfinder/metrics';
import { accessToken } from '../api/access-token.ts';
import { loadExploreData, type ExploreData } from './load-explore-data.ts';
import { measuredQuery } from './measured-query.ts';

/** Resolves once the browser has painted the interaction that asked for new rows, so its rendering does not compete with the queries. */
const afterNextPaint = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/** The rows of every linked view for one selection; `ethnicity` is null when the cube cannot answer it (the public's has no quintile × ethnic group rows). */
export interface ExploreViewRows {
  readonly summary: ExploreUptakeRow[];
  readonly time: ExploreTimeRow[];
  readonly map: ExploreUptakeRow[];
  readonly quintiles: ExploreUptakeRow[];
  readonly doses: ExploreDoseRow[];
  readonly ethnicity: ExploreUptakeRow[] | null;
}

/** Rows an analyst's query shows at most. */
export const SQL_ROW_LIMIT = 1000;

/** Whether an analyst's SQL reads the practice-level detail tables (which load on demand). */
export const readsDetail = (sql: string) => new RegExp(`\\b(${Object.values(EXPLORE_DETAIL_TABLES).join('|')})\\b`, 'i').test(sql);

// Every input of a query is in its key, the release and token scope too: another release or token loads other rows.
const scope = () => accessToken.get() ?? 'public';
// A load's tables, and the detail it adds, last until another release or token replaces them: its number keys its rows.
const source = (data: ExploreData) => [data.release, data.load, scope()] as const;
const viewOptions = { staleTime: Infinity, retry: false } as const;

/** react-query options of the Explore view: loading the cubes, one query per linked view, and the practice detail. */
export const exploreQueries = {
  all: () => ['explore'] as const,
  // Not kept once unused (gcTime 0): DuckDB holds one release's tables at a time, so coming back to
  // a release must load it again (loadExploreData keeps the one loaded, so returning to it is instant).
  data: (release: string) => queryOptions({ queryKey: [...exploreQueries.all(), 'data', release, scope()] as const, queryFn: () => loadExploreData({ release, token: accessToken.get() }), staleTime: Infinity, gcTime: 0, retry: false }),
  time: (data: ExploreData, filter: ExploreFilter) => {
    const f = exploreFilterFor(filter, 'time');
    return queryOptions({ queryKey: [...exploreQueries.all(), 'time', f, ...source(data)] as const, queryFn: () => measuredQuery<ExploreTimeRow>(data.runner, 'time', exploreDosesOverTimeSql(f)), ...viewOptions });
  },
  doses: (data: ExploreData, filter: ExploreFilter) => {
    const f = exploreFilterFor(filter, 'dose');
    return queryOptions({ queryKey: [...exploreQueries.all(), 'doses', f, ...source(data)] as const, queryFn: () => measuredQuery<ExploreDoseRow>(data.runner, 'doses', exploreDosesByVaccineSql(f)), ...viewOptions });
  },
  /**
   * Uptake numerators and denominators of `view` grouped by `by` (null: the whole selection). A
   * token's cube fetches its quintile × ethnic group rows the first time a query needs them.
   */
  uptake: (data: ExploreData, view: 'map' | 'quintiles' | 'ethnicity' | 'summary', filter: ExploreFilter, by: ExploreDimension | null, dueDays: number) => {
    const f = exploreFilterFor(filter, view === 'map' ? 'area' : view === 'quintiles' ? 'quintile' : null);
    return queryOptions({
      queryKey: [...exploreQueries.all(), view, f, by, dueDays, ...source(data)] as const,
      queryFn: async () => {
        if (exploreBreakdown(f, by) === 'deprivation-ethnicity') await data.detail.cross();
        return measuredQuery<ExploreUptakeRow>(data.runner, view, exploreUptakeSql(f, by, dueDays));
      },
      ...viewOptions,
    });
  },
  /**
   * Every linked view's rows for one selection, fetched one view after another through the cache
   * (a view whose own query did not change is not run again) and shown together, so the views
   * never disagree and no rendering competes with DuckDB while the queries run.
   */
  views: (client: QueryClient, data: ExploreData, filter: ExploreFilter, dueDays: number) =>
    queryOptions({
      queryKey: [...exploreQueries.all(), 'views', filter, dueDays, ...source(data)] as const,
      queryFn: async (): Promise<ExploreViewRows> => {
        await afterNextPaint();
        return {
          summary: await client.fetchQuery(exploreQueries.uptake(data, 'summary', filter, null, dueDays)),
          time: await client.fetchQuery(exploreQueries.time(data, filter)),
          map: await client.fetchQuery(exploreQueries.uptake(data, 'map', filter, 'borough', dueDays)),
          quintiles: await client.fetchQuery(exploreQueries.uptake(data, 'quintiles', filter, 'quintile', dueDays)),
          doses: await client.fetchQuery(exploreQueries.doses(data, filter)),
          ethnicity: data.level === 'public' && exploreBreakdown(filter, 'ethnicity') === 'deprivation-ethnicity'
            ? null
            : await client.fetchQuery(exploreQueries.uptake(data, 'ethnicity', filter, 'ethnicity', dueDays)),
        };
      },
      staleTime: Infinity,
      placeholderData: keepPreviousData,
      retry: false,
    }),
  /** Loads the practice × week detail of these boroughs (those not loaded yet); resolves to every borough loaded. */
  detail: (data: ExploreData, boroughs: readonly string[]) =>
    queryOptions({ queryKey: [...exploreQueries.all(), 'detail', [...boroughs].sort(), ...source(data)] as const, queryFn: () => data.detail.practices(boroughs), staleTime: Infinity, gcTime: Infinity, retry: false }),
  /** Uptake per practice of the selection, over the boroughs whose detail is loaded (`loaded`, part of the key). */
  practices: (data: ExploreData, filter: ExploreFilter, dueDays: number, loaded: readonly string[]) =>
    queryOptions({
      queryKey: [...exploreQueries.all(), 'practices', filter, dueDays, loaded, ...source(data)] as const,
      queryFn: () => measuredQuery<ExplorePracticeRow>(data.runner, 'practices', explorePracticeUptakeSql(filter, dueDays)),
      ...viewOptions,
    }),
  /** An analyst's query; what is loaded beyond the cube (practice detail's boroughs, the cross rows) is in the key, since those tables grow. */
  sql: (data: ExploreData, text: string, loaded: { boroughs: readonly string[]; cross: boolean }) =>
    queryOptions({ queryKey: [...exploreQueries.all(), 'sql', text, loaded, ...source(data)] as const, queryFn: () => measuredQuery<Record<string, unknown>>(data.runner, 'sql', readOnlySql(text, SQL_ROW_LIMIT)), staleTime: Infinity, retry: false }),
};
