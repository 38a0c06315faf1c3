import { keepPreviousData, queryOptions, type QueryClient } from '@tanstack/react-query';
import {
  EXPLORE_DETAIL_TABLES, exploreSummaryRows, exploreViewQueries, explorePracticeUptakeSql, readOnlySql,
  type ExploreFilter, type ExplorePracticeRow, type ExploreSelectionSearch, type ExploreUptakeRow, type ExploreViewRows,
} from '@pathfinder/metrics';
import { accessToken } from '../api/access-token.ts';
import { api, fetchJson } from '../api/api-client.ts';
import { loadExploreData, type ExploreData } from './load-explore-data.ts';
import { measuredQuery } from './measured-query.ts';

/** Resolves once the browser has painted the interaction that asked for new rows, so its rendering does not compete with the queries. */
const afterNextPaint = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/** Rows an analyst's query shows at most. */
export const SQL_ROW_LIMIT = 1000;

/** Whether an analyst's SQL reads the practice-level detail tables (which load on demand). */
export const readsDetail = (sql: string) => new RegExp(`\\b(${Object.values(EXPLORE_DETAIL_TABLES).join('|')})\\b`, 'i').test(sql);

// Every input of a query is in its key, the release and token scope too: another release or token loads other rows.
const scope = () => accessToken.get() ?? 'public';
// A load's tables, and the detail it adds, last until another release or token replaces them: its number keys its rows.
const source = (data: ExploreData) => [data.release, data.load, scope()] as const;
// The views' rows are keyed by where they come from: a DuckDB-WASM load's number, or the server.
type ViewsKey = readonly ['explore', 'views', ExploreFilter, number, string, number | 'server', string];
const viewOptions = { staleTime: Infinity, retry: false } as const;

/** react-query options of the Explore view: loading the cubes, one query per linked view, and the practice detail. */
export const exploreQueries = {
  all: () => ['explore'] as const,
  // Not kept once unused (gcTime 0): DuckDB holds one release's tables at a time, so coming back to
  // a release must load it again (loadExploreData keeps the one loaded, so returning to it is instant).
  data: (release: string) => queryOptions({ queryKey: [...exploreQueries.all(), 'data', release, scope()] as const, queryFn: () => loadExploreData({ release, token: accessToken.get() }), staleTime: Infinity, gcTime: 0, retry: false }),
  /**
   * The first answer of the views for a URL selection, computed by the server from the caller's
   * cube with the same queries (GET /explore/views), with the cube's extent: shown while
   * DuckDB-WASM starts. Every selection parameter is in the key.
   */
  server: (release: string, search: ExploreSelectionSearch) => {
    const selection = Object.fromEntries(Object.entries(search).filter(([, v]) => v)) as Record<string, string>;
    return queryOptions({
      queryKey: [...exploreQueries.all(), 'server', release, selection, scope()] as const,
      queryFn: () => measuredAnswer(() => fetchJson(api.api.v1.explore.views.$get({ query: { ...selection, release } }))),
      staleTime: Infinity,
      placeholderData: keepPreviousData,
      retry: false,
    });
  },
  /**
   * Every linked view's rows for one selection in DuckDB-WASM, each view's query
   * (`exploreViewQueries`) fetched through the cache one after another (a view whose own query did
   * not change is not run again) and shown together, so the views never disagree and no rendering
   * competes with DuckDB while the queries run. A token's cube fetches its quintile × ethnic group
   * rows the first time a query needs them.
   */
  views: (client: QueryClient, data: ExploreData, filter: ExploreFilter, dueDays: number) =>
    queryOptions({
      queryKey: [...exploreQueries.all(), 'views', filter, dueDays, ...source(data)] as ViewsKey,
      queryFn: async (): Promise<ExploreViewRows> => {
        await afterNextPaint();
        const rows: Record<string, unknown> = { ethnicity: null };
        for (const { view, filter: f, query, needsCross } of exploreViewQueries(filter, dueDays, { crossRows: data.level !== 'public' })) {
          rows[view] = await client.fetchQuery(queryOptions({
            queryKey: [...exploreQueries.all(), view, f, dueDays, ...source(data)] as const,
            queryFn: async () => {
              if (needsCross) await data.detail.cross();
              return measuredQuery(data.runner, view, query);
            },
            ...viewOptions,
          }));
        }
        rows.summary = exploreSummaryRows(rows.map as ExploreUptakeRow[], filter);
        return rows as unknown as ExploreViewRows;
      },
      staleTime: Infinity,
      placeholderData: keepPreviousData,
      retry: false,
    }),
  /**
   * The rows the views show: DuckDB-WASM's once it has started (`engine`), the server's first
   * answer for the URL's selection until then (the same numbers, from the same cube and queries).
   */
  shown: (client: QueryClient, release: string, engine: ExploreData | undefined, search: ExploreSelectionSearch, filter: ExploreFilter, dueDays: number) =>
    engine
      ? exploreQueries.views(client, engine, filter, dueDays)
      : queryOptions({
          queryKey: [...exploreQueries.all(), 'views', filter, dueDays, release, 'server', scope()] as ViewsKey,
          queryFn: async (): Promise<ExploreViewRows> => (await client.fetchQuery(exploreQueries.server(release, search))).views,
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

/** Runs the server's answer inside a `pf:answer:server` User Timing measure (the `pf:query:*` measures are DuckDB-WASM's). */
async function measuredAnswer<T>(fetch: () => Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await fetch();
  } finally {
    performance.measure('pf:answer:server', { start, end: performance.now() });
  }
}
