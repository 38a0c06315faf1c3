import { keepPreviousData, queryOptions, type QueryClient } from '@tanstack/react-query';
import {
  exploreDosesByVaccineSql, exploreDosesOverTimeSql, exploreFilterFor, exploreUptakeSql, readOnlySql,
  type ExploreDimension, type ExploreDoseRow, type ExploreFilter, type ExploreTimeRow, type ExploreUptakeRow,
} from '@pathfinder/metrics';
import { accessToken } from '../api/access-token.ts';
import { loadExploreData, type ExploreData } from './load-explore-data.ts';
import { measuredQuery } from './measured-query.ts';

/** Resolves once the browser has painted the interaction that asked for new rows, so its rendering does not compete with the queries. */
const afterNextPaint = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/** The rows of every linked view for one selection. */
export interface ExploreViewRows {
  readonly summary: ExploreUptakeRow[];
  readonly time: ExploreTimeRow[];
  readonly map: ExploreUptakeRow[];
  readonly quintiles: ExploreUptakeRow[];
  readonly doses: ExploreDoseRow[];
  readonly ethnicity: ExploreUptakeRow[];
}

/** Rows an analyst's query shows at most. */
export const SQL_ROW_LIMIT = 1000;

// Every input of a query is in its key, the token scope too: another token loads other rows.
const scope = () => accessToken.get() ?? 'public';
const viewOptions = { staleTime: Infinity, retry: false } as const;

/** react-query options of the Explore view: loading the extracts, then one query per linked view. */
export const exploreQueries = {
  all: () => ['explore'] as const,
  data: () => queryOptions({ queryKey: [...exploreQueries.all(), 'data', scope()] as const, queryFn: () => loadExploreData(accessToken.get()), staleTime: Infinity, gcTime: Infinity, retry: false }),
  time: (data: ExploreData, filter: ExploreFilter) => {
    const f = exploreFilterFor(filter, 'time');
    return queryOptions({ queryKey: [...exploreQueries.all(), 'time', f, scope()] as const, queryFn: () => measuredQuery<ExploreTimeRow>(data.runner, 'time', exploreDosesOverTimeSql(f)), ...viewOptions });
  },
  doses: (data: ExploreData, filter: ExploreFilter) => {
    const f = exploreFilterFor(filter, 'dose');
    return queryOptions({ queryKey: [...exploreQueries.all(), 'doses', f, scope()] as const, queryFn: () => measuredQuery<ExploreDoseRow>(data.runner, 'doses', exploreDosesByVaccineSql(f)), ...viewOptions });
  },
  /** Uptake numerators and denominators of `view` grouped by `by` (null: the whole selection). */
  uptake: (data: ExploreData, view: 'map' | 'quintiles' | 'ethnicity' | 'summary', filter: ExploreFilter, by: ExploreDimension | null, dueDays: number) => {
    const f = exploreFilterFor(filter, view === 'map' ? 'area' : view === 'quintiles' ? 'quintile' : null);
    return queryOptions({ queryKey: [...exploreQueries.all(), view, f, by, dueDays, scope()] as const, queryFn: () => measuredQuery<ExploreUptakeRow>(data.runner, view, exploreUptakeSql(f, by, dueDays)), ...viewOptions });
  },
  /**
   * Every linked view's rows for one selection, fetched one view after another through the cache
   * (a view whose own query did not change is not run again) and shown together, so the views
   * never disagree and no rendering competes with DuckDB while the queries run.
   */
  views: (client: QueryClient, data: ExploreData, filter: ExploreFilter, dueDays: number) =>
    queryOptions({
      queryKey: [...exploreQueries.all(), 'views', filter, dueDays, scope()] as const,
      queryFn: async (): Promise<ExploreViewRows> => {
        await afterNextPaint();
        return {
          summary: await client.fetchQuery(exploreQueries.uptake(data, 'summary', filter, null, dueDays)),
          time: await client.fetchQuery(exploreQueries.time(data, filter)),
          map: await client.fetchQuery(exploreQueries.uptake(data, 'map', filter, 'borough', dueDays)),
          quintiles: await client.fetchQuery(exploreQueries.uptake(data, 'quintiles', filter, 'quintile', dueDays)),
          doses: await client.fetchQuery(exploreQueries.doses(data, filter)),
          ethnicity: await client.fetchQuery(exploreQueries.uptake(data, 'ethnicity', filter, 'ethnicity', dueDays)),
        };
      },
      staleTime: Infinity,
      placeholderData: keepPreviousData,
      retry: false,
    }),
  sql: (data: ExploreData, text: string) =>
    queryOptions({ queryKey: [...exploreQueries.all(), 'sql', text, scope()] as const, queryFn: () => measuredQuery<Record<string, unknown>>(data.runner, 'sql', readOnlySql(text, SQL_ROW_LIMIT)), staleTime: Infinity, retry: false }),
};
