// The queries of Explore's linked views for one selection: DuckDB-WASM runs them, and the server runs the same for the first answer.
import { exploreBoroughs, exploreBreakdown, exploreFilterFor, type ExploreFilter } from './explore-filter.ts';
import { exploreDosesByVaccineSql, exploreDosesOverTimeSql, exploreUptakeSql, type ExploreDoseRow, type ExploreTimeRow, type ExploreUptakeRow } from './explore-sql.ts';
import type { SqlQuery } from './sql-query.ts';

/** Explore's linked views, in the order their queries run; the summary has none (`exploreSummaryRows`). */
export const EXPLORE_VIEWS = ['summary', 'time', 'map', 'quintiles', 'doses', 'ethnicity'] as const;
export type ExploreView = (typeof EXPLORE_VIEWS)[number];
/** The views with a query of their own. */
export type ExploreQueriedView = Exclude<ExploreView, 'summary'>;

/** The rows of every linked view for one selection; `ethnicity` is null when the cube cannot answer it (the public's has no quintile × ethnic group rows). */
export interface ExploreViewRows {
  readonly summary: ExploreUptakeRow[];
  readonly time: ExploreTimeRow[];
  readonly map: ExploreUptakeRow[];
  readonly quintiles: ExploreUptakeRow[];
  readonly doses: ExploreDoseRow[];
  readonly ethnicity: ExploreUptakeRow[] | null;
}

/** One view's query: the view's cross-filter (the selection less its own dimension), and whether it reads the quintile × ethnic group rows. */
export interface ExploreViewQuery {
  readonly view: ExploreQueriedView;
  readonly filter: ExploreFilter;
  readonly query: SqlQuery;
  readonly needsCross: boolean;
}

/**
 * The query of each linked view for a selection (`EXPLORE_VIEWS` order): doses per month, uptake
 * by borough, by deprivation quintile and by ethnic group, and doses per vaccine dose. Each view is
 * filtered by everything but its own dimension. The summary's uptake of the whole selection is the
 * map's boroughs added up (`exploreSummaryRows`), not a query of its own.
 * Without the quintile × ethnic group rows (`crossRows` false: the public's cube) the ethnicity
 * view is left out when quintiles are chosen.
 * @param dueDays the dose's due age in days (`ROUTINE_DOSES[…].dueDays`)
 */
export function exploreViewQueries(filter: ExploreFilter, dueDays: number, cube: { readonly crossRows: boolean }): ExploreViewQuery[] {
  const uptake = (view: ExploreQueriedView, f: ExploreFilter, by: Parameters<typeof exploreUptakeSql>[1]): ExploreViewQuery =>
    ({ view, filter: f, query: exploreUptakeSql(f, by, dueDays), needsCross: exploreBreakdown(f, by) === 'deprivation-ethnicity' });
  const time = exploreFilterFor(filter, 'time');
  const doses = exploreFilterFor(filter, 'dose');
  const ethnicity = uptake('ethnicity', filter, 'ethnicity');
  return [
    { view: 'time', filter: time, query: exploreDosesOverTimeSql(time), needsCross: false },
    uptake('map', exploreFilterFor(filter, 'area'), 'borough'),
    uptake('quintiles', exploreFilterFor(filter, 'quintile'), 'quintile'),
    { view: 'doses', filter: doses, query: exploreDosesByVaccineSql(doses), needsCross: false },
    ...(ethnicity.needsCross && !cube.crossRows ? [] : [ethnicity]),
  ];
}

/**
 * The summary's uptake of the whole selection from the map's rows: the map is filtered by
 * everything but the areas, one row per borough, so the selection's doses and eligible children are
 * the sums over the boroughs chosen (every borough when none is). The same numbers as grouping the
 * cube for the selection, with one query fewer each time the selection changes. No row when no
 * borough has any.
 */
export function exploreSummaryRows(map: readonly ExploreUptakeRow[], filter: ExploreFilter): ExploreUptakeRow[] {
  const chosen = new Set(exploreBoroughs(filter));
  const rows = chosen.size > 0 ? map.filter((r) => chosen.has(r.key)) : map;
  if (rows.length === 0) return [];
  return [{ key: 'all', doses: rows.reduce((n, r) => n + r.doses, 0), eligible: rows.reduce((n, r) => n + r.eligible, 0) }];
}
