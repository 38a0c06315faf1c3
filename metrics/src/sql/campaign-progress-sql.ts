import { childAreasCte, EVENT_AREA_COLUMN, type EventAreaLevel } from './child-areas-sql.ts';
import { SqlParams } from './sql-params.ts';
import { quoteIdentifier, type SqlQuery } from './sql-query.ts';

export interface CampaignProgressFilter {
  /** `doses.vaccine` and `doses.dose` that count (dose null: any dose of the vaccine). */
  readonly vaccine: string;
  readonly dose: number | null;
  /** Eligible birth dates, inclusive (ISO). */
  readonly bornFrom: string;
  readonly bornTo: string;
  /** Only children with no counting dose before `opens` are eligible. */
  readonly unvaccinatedAtStart: boolean;
  /** First and last day a dose counts (ISO): the campaign's opening and the as-of date. */
  readonly opens: string;
  readonly asOf: string;
  /** Boroughs the campaign runs in; null for the whole region. */
  readonly boroughs: readonly string[] | null;
  /** Start date of each priority group, and of every other borough. */
  readonly priorityStarts: readonly { readonly boroughs: readonly string[]; readonly start: string }[];
  readonly start: string;
  readonly areaLevel: EventAreaLevel;
  /** Only these areas of the level; null for all. */
  readonly areaCodes: readonly string[] | null;
  readonly regionCode: string;
  /** 7 for weekly intervals, 1 for daily; intervals end on `asOf` and every `intervalDays` before it. */
  readonly intervalDays: number;
  /** Split each area's counts by the child's deprivation quintile or ethnic group (column `group_value`); none by default. */
  readonly breakdown?: CampaignBreakdown | null;
}

export const CAMPAIGN_BREAKDOWNS = ['deprivation', 'ethnicity'] as const;
export type CampaignBreakdown = (typeof CAMPAIGN_BREAKDOWNS)[number];

/** What fixes a campaign's cube: who is eligible, which doses count and when each area starts; nothing a request chooses. */
export type CampaignCubeFilter = Pick<CampaignProgressFilter, 'vaccine' | 'dose' | 'bornFrom' | 'bornTo' | 'unvaccinatedAtStart' | 'opens' | 'boroughs' | 'priorityStarts' | 'start' | 'regionCode'>;

/** The cube's columns for each breakdown. */
const BREAKDOWN_COLUMN: Readonly<Record<CampaignBreakdown, string>> = { deprivation: 'deprivation', ethnicity: 'ethnicity' };

/** Eligible children of one area and start date, first vaccinated in the interval ending `interval_end` (null: not vaccinated by `asOf`). */
export interface CampaignProgressRow extends Record<string, unknown> {
  area_code: string;
  start_date: string;
  interval_end: string | null;
  children: number;
  /** With a breakdown: the quintile ("1" most deprived … "5") or ethnic group; null when not recorded. */
  group_value?: string | null;
}

/**
 * A campaign's cube: eligible children counted by practice (with its PCN, borough, ICB and region),
 * deprivation quintile, ethnic group, start date and the date of their first counting dose from
 * the campaign's opening (null: none yet). One pass over the events per campaign and release; every
 * progress question (any level, areas, as-of date, interval or breakdown) is then a sum over it.
 */
export function campaignCubeSql(f: CampaignCubeFilter): SqlQuery {
  const p = new SqlParams();
  return { text: cubeSelect(p, f), params: p.values };
}

function cubeSelect(p: SqlParams, f: CampaignCubeFilter): string {
  const vaccine = p.add(f.vaccine);
  const dose = f.dose === null ? '' : `AND d.dose = ${p.add(f.dose)}`;
  const opens = `${p.add(f.opens)}::DATE`;
  const startCase = f.priorityStarts.length === 0
    ? `${p.add(f.start)}::DATE`
    : `CASE ${f.priorityStarts.map((g) => `WHEN ca.borough_code IN (${p.list(g.boroughs)}) THEN ${p.add(g.start)}::DATE`).join(' ')} ELSE ${p.add(f.start)}::DATE END`;
  const filters = [
    `ca.birth_date BETWEEN ${p.add(f.bornFrom)}::DATE AND ${p.add(f.bornTo)}::DATE`,
    ...(f.boroughs ? [`ca.borough_code IN (${p.list(f.boroughs)})`] : []),
    ...(f.unvaccinatedAtStart ? [`NOT EXISTS (SELECT 1 FROM doses d WHERE d.child_id = ca.child_id AND d.vaccine = ${vaccine} ${dose} AND d.event_date < ${opens})`] : []),
  ];
  return `WITH ${childAreasCte(p, f.regionCode)},
eligible AS (
  SELECT ca.child_id, ca.practice_code, ca.pcn_code, ca.borough_code, ca.icb_code, ca.region_code,
    ca.deprivation_quintile::VARCHAR AS deprivation, ca.ethnic_group AS ethnicity, ${startCase} AS start_date
  FROM child_areas ca
  WHERE ${filters.join('\n    AND ')}
),
first_doses AS (
  SELECT d.child_id, min(d.event_date) AS first_date
  FROM doses d
  WHERE d.vaccine = ${vaccine} ${dose} AND d.event_date >= ${opens}
  GROUP BY d.child_id
)
SELECT e.practice_code, e.pcn_code, e.borough_code, e.icb_code, e.region_code, e.deprivation, e.ethnicity, e.start_date, f.first_date,
  count(*)::INTEGER AS children
FROM eligible e LEFT JOIN first_doses f USING (child_id)
GROUP BY ALL`;
}

/**
 * Campaign progress counts, grouped in SQL: for each area of a level, start date and reporting
 * interval, the eligible children whose first counting dose (from `opens` to `asOf`) fell in that
 * interval, plus those not vaccinated (`interval_end` null). Summing a row set gives the eligible
 * count; running sums over intervals give cumulative uptake. A child counts once, at its first
 * counting dose. With a breakdown, rows are split further by the child's deprivation quintile or
 * ethnic group (`group_value`). Read from the campaign's cube: the table `cubeTable` made with
 * `campaignCubeSql` for the same campaign, or, without one, the cube built inside the query.
 * @example campaignProgressSql({ vaccine: 'ipv-campaign', dose: null, bornFrom: '2012-08-11', bornTo: '2021-08-10', unvaccinatedAtStart: false,
 *   opens: '2022-08-16', asOf: '2022-10-13', boroughs: null, priorityStarts: [{ boroughs: ['E09000003'], start: '2022-08-16' }], start: '2022-09-12',
 *   areaLevel: 'borough', areaCodes: null, regionCode: 'E12000007', intervalDays: 7 })
 */
export function campaignProgressSql(f: CampaignProgressFilter, cubeTable?: string): SqlQuery {
  if (!(Number.isInteger(f.intervalDays) && f.intervalDays > 0)) throw new RangeError(`intervalDays must be a positive integer (got ${f.intervalDays})`);
  const p = new SqlParams();
  const cube = cubeTable === undefined ? `(${cubeSelect(p, f)})` : quoteIdentifier(cubeTable);
  const level = quoteIdentifier(EVENT_AREA_COLUMN[f.areaLevel]);
  const asOf = `${p.add(f.asOf)}::DATE`;
  const step = `${p.add(f.intervalDays)}::INTEGER`;
  const group = f.breakdown ? `, ${quoteIdentifier(BREAKDOWN_COLUMN[f.breakdown])} AS group_value` : '';
  const areaFilter = f.areaCodes ? ` AND ${level} IN (${p.list(f.areaCodes)})` : '';
  return {
    text: `SELECT ${level} AS area_code, strftime(start_date, '%Y-%m-%d') AS start_date,
  CASE WHEN first_date <= ${asOf} THEN strftime(${asOf} - ((${asOf} - first_date) // ${step} * ${step})::INTEGER, '%Y-%m-%d') END AS interval_end,
  sum(children)::INTEGER AS children${group}
FROM ${cube} AS cube
WHERE ${level} IS NOT NULL${areaFilter}
GROUP BY ALL
ORDER BY 1, 2, 3 NULLS FIRST${f.breakdown ? ', 5 NULLS FIRST' : ''}`,
    params: p.values,
  };
}
