import {
  exploreExtentSql, exploreSelection, exploreSummaryRows, exploreViewQueries, type ExploreExtentRow, type ExploreQueriedView, type ExploreUptakeRow, type ExploreViewRows, type ExploreViewsAnswer, type exploreViewsQuerySchema,
} from '@pathfinder/metrics';
import { PUBLIC_CALLER } from '../auth/caller.ts';
import { ApiError } from '../http/api-error.ts';
import type { OpenRelease } from '../store/data-store.ts';
import { openExploreCubeDatabase } from '../store/explore-cube-database.ts';
import { perReleaseMemo } from '../store/per-release-memo.ts';
import { immunisationExtract, prepareExploreCubes } from './immunisation-extract.ts';
import type { ServiceAnswer, ServiceContext, ServiceInput } from './service-context.ts';

/** A scope's cube database, opened once per release and pair of extract files (which name the scope). */
const cubeDatabase = perReleaseMemo((_release, files: { doses: string; population: string }) => openExploreCubeDatabase(files));

/**
 * Explore's linked views for one selection, computed as the browser computes them: the caller's
 * own cube extracts (the files `GET /extracts/…` sends them, so the public's are the
 * disclosure-controlled ones), the same tables (`exploreCubeSql`) and the same queries
 * (`exploreViewQueries`). The page shows this first answer while DuckDB-WASM starts.
 */
export async function exploreViews(ctx: ServiceContext, search: ServiceInput<typeof exploreViewsQuerySchema>): Promise<ServiceAnswer<ExploreViewsAnswer>> {
  const [doses, population] = await Promise.all([
    immunisationExtract(ctx, 'immunisation-borough-monthly.parquet'),
    immunisationExtract(ctx, 'immunisation-borough-population.parquet'),
  ]);
  const db = await cubeDatabase(ctx.release, { doses: doses.path, population: population.path });
  const [extent] = await db.runner.all<ExploreExtentRow>(exploreExtentSql());
  if (!extent?.first || !extent.last || !extent.boroughs) throw new ApiError(404, 'no_event_data', `the borough cube of release ${ctx.release.manifest.id} has no doses in your scope, so there is nothing to explore`);
  const { filter, dose } = exploreSelection(search, { first: extent.first, last: extent.last });
  const rows: Partial<Record<ExploreQueriedView, Record<string, unknown>[]>> = {};
  // The public's cube has no quintile × ethnic group rows; a token's gets them when a view first needs them, as in the browser.
  for (const view of exploreViewQueries(filter, dose.dueDays, { crossRows: doses.disclosure === 'none' })) {
    if (view.needsCross) await db.withCross(async () => (await immunisationExtract(ctx, 'immunisation-borough-monthly-cross.parquet')).path);
    rows[view.view] = await db.runner.all(view.query);
  }
  const views = { ...rows, summary: exploreSummaryRows(rows.map as ExploreUptakeRow[], filter), ethnicity: rows.ethnicity ?? null } as unknown as ExploreViewRows;
  return {
    cube: { first: extent.first, last: extent.last, cubeRows: extent.cubeRows, boroughs: extent.boroughs.split(',') },
    views,
    disclosure: doses.disclosure,
  };
}

/**
 * What Explore needs built before its first visitor (in the background of `serve`): the first
 * answer of the public and of all of London (their cube extracts and cube databases, in that
 * order), then the rest of the cubes and the practice detail (`prepareExploreCubes`).
 */
export async function prepareExplore(release: OpenRelease): Promise<void> {
  if (!release.hasEvents) return;
  for (const caller of [PUBLIC_CALLER, { role: 'region', icb: null, subject: null } as const]) await exploreViews({ release, caller }, {});
  await prepareExploreCubes(release);
}
