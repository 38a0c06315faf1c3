import { PUBLIC_MERGES } from '../disclosure/public-areas.ts';
import { BOROUGHS } from '../geography/london-geography.ts';
import { disclosedCountSql } from './disclosed-count-sql.ts';
import { BOROUGH_CUBE_SOURCE_VIEW, EXTRACT_DIMENSIONS, PUBLIC_EXTRACT_BREAKDOWNS } from './immunisation-extract-sql.ts';
import { SqlParams } from './sql-params.ts';
import { quoteIdentifier, type SqlQuery } from './sql-query.ts';

/** Tables a public extract is built in (`publicExtractSql`), in a database of its own. */
export const PUBLIC_EXTRACT_TABLES = { cells: 'public_extract_cells', hidden: 'public_extract_hidden' } as const;

/** The view holding a built public extract when a borough's rows are cut from it (`publicExtractOfBoroughSql`). */
export const PUBLIC_EXTRACT_VIEW = 'public_extract';

/** The steps of building a public extract, run in order with disclosure control between the second and third. */
export interface PublicExtractPlan {
  /** Creates `PUBLIC_EXTRACT_TABLES.cells`: every cell with its exact count, an id (`cell`) and its star's id (`star`). */
  readonly cells: SqlQuery;
  /** The cells as disclosure control takes them (`discloseBreakdownStars`): cell, star, breakdown, count, in id order, which keeps each star's cells together. */
  readonly toDisclose: SqlQuery;
  /** Creates `PUBLIC_EXTRACT_TABLES.hidden` (one INTEGER column, `cell`), for the ids of the cells to hide. */
  readonly hidden: SqlQuery;
  /** The extract as published: hidden cells null, the others rounded to 5 (`disclosedCountSql`). */
  readonly published: SqlQuery;
}

/**
 * The public `immunisation-weekly` or `immunisation-population` extract, built from the release's
 * borough cube source (the view `BOROUGH_CUBE_SOURCE_VIEW` over `boroughCubeSourceSql`'s rows of
 * its measure). Columns: borough_code, icb_code, month (ISO date of the 1st), vaccine, dose — or
 * birth_year —, breakdown ('total', 'deprivation', 'ethnicity', 'sex'), deprivation_quintile,
 * ethnic_group, sex (the breakdown's column, the others null), doses (or children).
 *
 * The City of London is counted within Hackney (`PUBLIC_MERGES`): it has one or two practices, so its
 * own row would be a practice's. A star (one borough × month × vaccine × dose, or borough × year of
 * birth) is its total and the groups of each breakdown, which add up to it; `discloseBreakdownStars`
 * protects the stars. Borough × month, not practice × week as tokens get: at practice × week nearly
 * every count is 1–7. Why complementary suppression rather than coarser cells (quarters, fewer
 * breakdowns): across London most borough × month counts are far above 7, so complements cost a
 * few small cells, where coarsening would cost every analyst the monthly detail and each breakdown;
 * and the files publish no sum across stars, so protecting each star protects the whole.
 * @example
 * const plan = publicExtractSql('immunisation-weekly')
 * // run plan.cells; read plan.toDisclose; append the ids discloseBreakdownStars hides to the hidden table; COPY plan.published
 */
export function publicExtractSql(name: 'immunisation-weekly' | 'immunisation-population'): PublicExtractPlan {
  const p = new SqlParams();
  const weekly = name === 'immunisation-weekly';
  const period = (weekly ? ['month', 'vaccine', 'dose'] : ['birth_year']).map(quoteIdentifier);
  const count = quoteIdentifier(weekly ? 'doses' : 'children');
  const dimensions = EXTRACT_DIMENSIONS.map(quoteIdentifier).join(', ');
  const merges = [...PUBLIC_MERGES].map(([from, into]) => ({ from: p.add(from), into: p.add(into), icb: p.add(BOROUGHS.find((b) => b.code === into)!.parent) }));
  const merged = (column: string, to: 'into' | 'icb') => (merges.length === 0 ? column : `CASE ${merges.map((m) => `WHEN borough_code = ${m.from} THEN ${m[to]}`).join(' ')} ELSE ${column} END`);
  const star = ['borough_code', ...period];
  const cells = quoteIdentifier(PUBLIC_EXTRACT_TABLES.cells);
  const hidden = quoteIdentifier(PUBLIC_EXTRACT_TABLES.hidden);
  const statement = (text: string, params: SqlQuery['params'] = []): SqlQuery => ({ text, params });
  return {
    cells: statement(`CREATE TABLE ${cells} AS
SELECT row_number() OVER (ORDER BY ${[...star, 'breakdown', dimensions].join(', ')})::INTEGER AS cell,
  dense_rank() OVER (ORDER BY ${star.join(', ')})::INTEGER AS star, *
FROM (
  SELECT ${merged('borough_code', 'into')} AS borough_code, ${merged('icb_code', 'icb')} AS icb_code, ${period.join(', ')}, breakdown, ${dimensions}, sum(${count})::INTEGER AS ${count}
  FROM ${quoteIdentifier(BOROUGH_CUBE_SOURCE_VIEW)}
  WHERE breakdown IN (${p.list(PUBLIC_EXTRACT_BREAKDOWNS)})
  GROUP BY ALL
)`, p.values),
    toDisclose: statement(`SELECT cell, star, breakdown, ${count} AS count FROM ${cells} ORDER BY cell`),
    hidden: statement(`CREATE TABLE ${hidden} (cell INTEGER PRIMARY KEY)`),
    published: statement(`SELECT borough_code, icb_code, ${period.join(', ')}, breakdown, ${dimensions},
  CASE WHEN cell IN (SELECT cell FROM ${hidden}) THEN NULL ELSE ${disclosedCountSql(count)} END AS ${count}
FROM ${cells}
ORDER BY cell`),
  };
}

/**
 * One borough's rows of a built public extract (the view `PUBLIC_EXTRACT_VIEW`), in its order (a
 * filtered scan of one file keeps it).
 * @example publicExtractOfBoroughSql('E09000012')
 */
export function publicExtractOfBoroughSql(borough: string): SqlQuery {
  const p = new SqlParams();
  return { text: `SELECT * FROM ${quoteIdentifier(PUBLIC_EXTRACT_VIEW)} WHERE borough_code = ${p.add(borough)}`, params: p.values };
}
