// The tables and columns of Explore's in-browser database, and the dimensions it groups by.
import type { ExtractBreakdown } from './immunisation-extract-sql.ts';

/**
 * Tables the downloaded borough cubes land in (`immunisation-borough-monthly.parquet`,
 * `immunisation-borough-monthly-cross.parquet`, `immunisation-borough-population.parquet`, less
 * icb_code: `EXPLORE_COLUMNS`) before `exploreCubeSql` and `exploreCrossSql` move them into `EXPLORE_TABLES`.
 */
export const EXPLORE_CUBE_EXTRACT_TABLES = { doses: 'immunisation_borough_monthly', cross: 'immunisation_borough_monthly_cross', population: 'immunisation_borough_population' } as const;

/** Columns of the cube extracts Explore keeps. */
export const EXPLORE_COLUMNS = Object.freeze({
  doses: ['borough_code', 'month', 'vaccine', 'dose', 'breakdown', 'deprivation_quintile', 'ethnic_group', 'doses'],
  population: ['borough_code', 'birth_year', 'breakdown', 'deprivation_quintile', 'ethnic_group', 'children'],
} as const);

/**
 * What Explore keeps of the borough cubes: `doses` is a view of doses per borough ×
 * month × vaccine × dose, one breakdown at a time (column `breakdown`: total, deprivation,
 * ethnicity, and for tokens deprivation-ethnicity, whose rows arrive when a view first needs them),
 * over a table per breakdown (`exploreDosesTable`) that the views query; `population` is a table of
 * children per borough × year of birth with the same breakdown column. Public counts are
 * disclosure-controlled: suppressed cells are null and count as 0 in sums.
 */
export const EXPLORE_TABLES = { doses: 'explore_doses', population: 'explore_population' } as const;

/** Breakdowns of the doses cube Explore keeps, each in a table of its own. */
export const EXPLORE_BREAKDOWNS = ['total', 'deprivation', 'ethnicity', 'deprivation-ethnicity'] as const satisfies readonly ExtractBreakdown[];
export type ExploreBreakdown = (typeof EXPLORE_BREAKDOWNS)[number];

/**
 * The table of one breakdown's doses (`explore_doses_total` …): a view's query reads only the
 * rows of its breakdown, a fraction of the cube, without relying on zone maps.
 */
export const exploreDosesTable = (breakdown: ExploreBreakdown) => `${EXPLORE_TABLES.doses}_${breakdown.replace('-', '_')}`;

/**
 * Practice-level detail, loaded on demand a borough at a time from the scoped
 * `immunisation-weekly.parquet` and `immunisation-population.parquet` (their columns as they are).
 */
export const EXPLORE_DETAIL_TABLES = { weekly: 'immunisation_weekly', population: 'immunisation_population' } as const;

/** Dimensions Explore groups by, with the column each is in (both cube tables have it). */
export const EXPLORE_DIMENSION_COLUMN = Object.freeze({
  borough: 'borough_code',
  quintile: 'deprivation_quintile',
  ethnicity: 'ethnic_group',
} as const);
export type ExploreDimension = keyof typeof EXPLORE_DIMENSION_COLUMN;
