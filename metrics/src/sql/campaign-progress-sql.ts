import { childAreasCte, EVENT_AREA_COLUMN, type EventAreaLevel } from './child-areas-sql.ts';
import { SqlParams } from './sql-params.ts';
import type { SqlQuery } from './sql-query.ts';

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

const BREAKDOWN_COLUMN: Readonly<Record<CampaignBreakdown, string>> = { deprivation: 'ca.deprivation_quintile::VARCHAR', ethnicity: 'ca.ethnic_group' };

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
 * Campaign progress counts from event data, grouped in SQL: for each area of a level, start date
 * and reporting interval, the eligible children whose first counting dose (from `opens` to `asOf`)
 * fell in that interval, plus those not vaccinated (`interval_end` null). Summing a row set gives
 * the eligible count; running sums over intervals give cumulative uptake. A child counts once,
 * at its first counting dose. With a breakdown, rows are split further by the child's deprivation
 * quintile or ethnic group (`group_value`).
 * @example campaignProgressSql({ vaccine: 'ipv-campaign', dose: null, bornFrom: '2012-08-11', bornTo: '2021-08-10', unvaccinatedAtStart: false,
 *   opens: '2022-08-16', asOf: '2022-10-13', boroughs: null, priorityStarts: [{ boroughs: ['E09000003'], start: '2022-08-16' }], start: '2022-09-12',
 *   areaLevel: 'borough', areaCodes: null, regionCode: 'E12000007', intervalDays: 7 })
 */
export function campaignProgressSql(f: CampaignProgressFilter): SqlQuery {
  if (!(Number.isInteger(f.intervalDays) && f.intervalDays > 0)) throw new RangeError(`intervalDays must be a positive integer (got ${f.intervalDays})`);
  const p = new SqlParams();
  const areas = childAreasCte(p, f.regionCode);
  const level = `ca.${EVENT_AREA_COLUMN[f.areaLevel]}`;
  const vaccine = p.add(f.vaccine);
  const dose = f.dose === null ? '' : `AND d.dose = ${p.add(f.dose)}`;
  const opens = `${p.add(f.opens)}::DATE`;
  const asOf = `${p.add(f.asOf)}::DATE`;
  const step = `${p.add(f.intervalDays)}::INTEGER`;
  const group = f.breakdown
    ? { eligible: `, ${BREAKDOWN_COLUMN[f.breakdown]} AS group_value`, select: ', e.group_value' }
    : { eligible: '', select: '' };
  const startCase = f.priorityStarts.length === 0
    ? `${p.add(f.start)}::DATE`
    : `CASE ${f.priorityStarts.map((g) => `WHEN ca.borough_code IN (${p.list(g.boroughs)}) THEN ${p.add(g.start)}::DATE`).join(' ')} ELSE ${p.add(f.start)}::DATE END`;
  const filters = [
    `ca.birth_date BETWEEN ${p.add(f.bornFrom)}::DATE AND ${p.add(f.bornTo)}::DATE`,
    ...(f.boroughs ? [`ca.borough_code IN (${p.list(f.boroughs)})`] : []),
    ...(f.areaCodes ? [`${level} IN (${p.list(f.areaCodes)})`] : []),
    ...(f.unvaccinatedAtStart ? [`NOT EXISTS (SELECT 1 FROM doses d WHERE d.child_id = ca.child_id AND d.vaccine = ${vaccine} ${dose} AND d.event_date < ${opens})`] : []),
  ];
  return {
    text: `WITH ${areas},
eligible AS (
  SELECT ca.child_id, ${level} AS area_code, ${startCase} AS start_date${group.eligible}
  FROM child_areas ca
  WHERE ${filters.join('\n    AND ')}
),
first_doses AS (
  SELECT d.child_id, min(d.event_date) AS first_date
  FROM doses d
  WHERE d.vaccine = ${vaccine} ${dose} AND d.event_date BETWEEN ${opens} AND ${asOf}
  GROUP BY d.child_id
)
SELECT e.area_code, strftime(e.start_date, '%Y-%m-%d') AS start_date,
  strftime(${asOf} - ((${asOf} - f.first_date) // ${step} * ${step})::INTEGER, '%Y-%m-%d') AS interval_end,
  count(*)::INTEGER AS children${group.select}
FROM eligible e LEFT JOIN first_doses f USING (child_id)
WHERE e.area_code IS NOT NULL
GROUP BY ALL
ORDER BY 1, 2, 3 NULLS FIRST${f.breakdown ? ', 5 NULLS FIRST' : ''}`,
    params: p.values,
  };
}
