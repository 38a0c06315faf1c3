import { COVER_MEASURES, IPV_CAMPAIGN_DOSE, ROUTINE_DOSES, dosesDueBy, type ScheduledDose } from '../immunisation/vaccine-schedule.ts';
import { SqlParams } from './sql-params.ts';
import { quoteIdentifier, type SqlQuery } from './sql-query.ts';

/** Which indicator each event-derived measure feeds. */
export interface ImmunisationIndicatorMap {
  /** COVER measure name → indicator id. */
  readonly cover: Readonly<Record<string, string>>;
  /** Age in months → "fully up to date" indicator id. */
  readonly upToDate: Readonly<Record<number, string>>;
  readonly timeliness: string;
  readonly campaign: string;
}

export interface ImmunisationObservationsOptions {
  readonly indicators: ImmunisationIndicatorMap;
  /** First and last day of the quarterly series (ISO dates). */
  readonly from: string;
  readonly to: string;
  /** Weekly campaign series: first Monday and last Sunday (ISO dates), and who was eligible (born between, inclusive). */
  readonly campaign: { readonly from: string; readonly to: string; readonly bornFrom: string; readonly bornTo: string };
}

/** A child's date of a dose, a column of `child_doses` named after the dose's key. */
const col = (d: ScheduledDose) => quoteIdentifier(d.key);
const PIVOTED_DOSES = [...ROUTINE_DOSES, IPV_CAMPAIGN_DOSE].map(col).join(', ');
const fyStart = (date: string) => `(year(${date}) - CASE WHEN month(${date}) < 4 THEN 1 ELSE 0 END)`;
const fyQuarter = (date: string) => `(((month(${date}) + 8) % 12) // 3 + 1)`;

/** Label "2023/24 Q4" and first day of the FY quarter containing a date expression. */
const quarterLabel = (date: string) =>
  `${fyStart(date)}::VARCHAR || '/' || lpad(((${fyStart(date)} + 1) % 100)::VARCHAR, 2, '0') || ' Q' || ${fyQuarter(date)}::VARCHAR`;
const quarterStart = (date: string) => `make_date(${fyStart(date)} + CASE WHEN ${fyQuarter(date)} = 4 THEN 1 ELSE 0 END, ((${fyQuarter(date)} * 3) % 12) + 1, 1)`;

/**
 * Builds per-practice numerators and denominators of every event-derived immunisation indicator
 * from `children` and `doses` tables, into a table `practice_observations` (indicator_id,
 * practice_code, period, period_start, deprivation_quintile, ethnic_group, sex, numerator,
 * denominator) at child level of detail, ready to be rolled up to areas and breakdowns.
 * COVER rule: a child counts in the quarter it reaches the age; vaccinated if the dose was given
 * before that birthday. Timeliness counts doses falling due in the quarter given within 28 days.
 * The campaign series counts, each ISO week, eligible children given the booster by the week's end.
 */
export function immunisationObservationsSql(options: ImmunisationObservationsOptions): SqlQuery[] {
  const { indicators } = options;
  const { bornFrom, bornTo, from: campaignFrom, to: campaignTo } = options.campaign;

  const pivotParams = new SqlParams();
  const pivot = [...ROUTINE_DOSES, IPV_CAMPAIGN_DOSE]
    .map((d) => `min(d.event_date) FILTER (WHERE d.vaccine = ${pivotParams.add(d.vaccine)} AND d.dose = ${pivotParams.add(d.dose)}) AS ${col(d)}`)
    .join(',\n    ');
  const childDoses = `
CREATE OR REPLACE TEMP TABLE child_doses AS
SELECT c.child_id, c.birth_date, c.practice_code, c.deprivation_quintile, c.ethnic_group, c.sex,
    ${pivot}
FROM children c LEFT JOIN doses d USING (child_id)
GROUP BY ALL`;

  const window = new SqlParams();
  const [from, to] = [`${window.add(options.from)}::DATE`, `${window.add(options.to)}::DATE`];
  const measure = (p: SqlParams, indicatorId: string, onDate: string, met: string, where = '') =>
    `SELECT ${p.add(indicatorId)} AS indicator_id, ${onDate} AS on_date, ${met} AS met, c.* EXCLUDE (${PIVOTED_DOSES}) FROM child_doses c${where}`;
  const reached = (p: SqlParams, months: number) => `(c.birth_date + to_months(${p.add(months)}::INTEGER))::DATE`;
  // Each indicator's measures: the child rows it counts, written into a query's parameters.
  const measures = new Map<string, ((p: SqlParams) => string)[]>();
  const addMeasure = (indicatorId: string, sql: (p: SqlParams) => string) => measures.set(indicatorId, [...(measures.get(indicatorId) ?? []), sql]);
  for (const m of COVER_MEASURES.filter((x) => indicators.cover[x.measure])) {
    const d = ROUTINE_DOSES.find((x) => x.key === m.doseKey)!;
    const id = indicators.cover[m.measure]!;
    addMeasure(id, (p) => {
      const birthday = reached(p, m.ageMonths);
      return measure(p, id, birthday, `coalesce(${col(d)} < ${birthday}, false)`);
    });
  }
  for (const [months, id] of Object.entries(indicators.upToDate)) {
    addMeasure(id, (p) => {
      const birthday = reached(p, Number(months));
      return measure(p, id, birthday, `(${dosesDueBy(Number(months)).map((d) => `coalesce(${col(d)} < ${birthday}, false)`).join(' AND ')})`);
    });
  }
  for (const d of ROUTINE_DOSES) {
    addMeasure(indicators.timeliness, (p) => {
      const late = `c.birth_date + ${p.add(d.dueDays + 28)}::INTEGER`;
      return measure(p, indicators.timeliness, `(c.birth_date + ${p.add(d.dueDays)}::INTEGER)::DATE`, `coalesce(${col(d)} <= ${late}, false)`, ` WHERE ${late} <= ${to}`);
    });
  }
  // One statement per indicator: aggregating all of them in one query held every group of every
  // indicator at once, beyond DuckDB's memory limit at --scale 4. Grouping by the quarter's first
  // day and labelling the groups after is also cheaper than grouping by the label.
  const quarterly = [...measures.values()].map((sqls, i) => {
    const p = new SqlParams(window.values);
    const union = sqls.map((sql) => sql(p)).join('\nUNION ALL\n');
    return {
      text: `
${i === 0 ? 'CREATE OR REPLACE TABLE practice_observations AS' : 'INSERT INTO practice_observations'}
SELECT indicator_id, practice_code, ${quarterLabel('period_start')} AS period, period_start, deprivation_quintile, ethnic_group, sex, numerator, denominator
FROM (
  SELECT indicator_id, practice_code, ${quarterStart('on_date')} AS period_start, deprivation_quintile, ethnic_group, sex,
    count(*) FILTER (WHERE met) AS numerator, count(*) AS denominator
  FROM (${union})
  WHERE on_date BETWEEN ${from} AND ${to}
  GROUP BY ALL
)`,
      params: p.values,
    };
  });
  const p = new SqlParams();
  const [weeksFrom, weeksTo] = [`${p.add(campaignFrom)}::DATE`, `${p.add(campaignTo)}::DATE`];
  const text = `
INSERT INTO practice_observations
SELECT ${p.add(indicators.campaign)}, e.practice_code, strftime(w.week_start, '%G-W%V'), w.week_start,
  e.deprivation_quintile, e.ethnic_group, e.sex,
  coalesce(sum(g.given) OVER (PARTITION BY e.practice_code, e.deprivation_quintile, e.ethnic_group, e.sex ORDER BY w.week_start), 0), e.eligible
FROM campaign_eligible e
CROSS JOIN (SELECT unnest(generate_series(${weeksFrom}, ${weeksTo} - 6, INTERVAL 7 DAY))::DATE AS week_start) w
LEFT JOIN campaign_given g ON g.practice_code = e.practice_code AND g.deprivation_quintile IS NOT DISTINCT FROM e.deprivation_quintile
  AND g.ethnic_group IS NOT DISTINCT FROM e.ethnic_group AND g.sex IS NOT DISTINCT FROM e.sex AND g.week_start = w.week_start
`;
  // The campaign series is cumulative: count doses per week once, then a running sum, rather than testing every child against every week.
  const eligibleParams = new SqlParams();
  const campaignGroups = `
CREATE OR REPLACE TEMP TABLE campaign_eligible AS
SELECT practice_code, deprivation_quintile, ethnic_group, sex, count(*) AS eligible
FROM child_doses WHERE birth_date BETWEEN ${eligibleParams.add(bornFrom)}::DATE AND ${eligibleParams.add(bornTo)}::DATE GROUP BY ALL`;
  const givenParams = new SqlParams();
  const [born, weeks] = [
    `birth_date BETWEEN ${givenParams.add(bornFrom)}::DATE AND ${givenParams.add(bornTo)}::DATE`,
    { from: `${givenParams.add(campaignFrom)}::DATE`, to: `${givenParams.add(campaignTo)}::DATE` },
  ];
  const booster = col(IPV_CAMPAIGN_DOSE);
  const campaignGiven = `
CREATE OR REPLACE TEMP TABLE campaign_given AS
SELECT practice_code, deprivation_quintile, ethnic_group, sex, (${weeks.from} + (7 * ((${booster} - ${weeks.from}) // 7))::INTEGER) AS week_start, count(*) AS given
FROM child_doses WHERE ${born} AND ${booster} BETWEEN ${weeks.from} AND ${weeks.to} GROUP BY ALL`;
  return [
    { text: childDoses, params: pivotParams.values },
    { text: campaignGroups, params: eligibleParams.values },
    { text: campaignGiven, params: givenParams.values },
    ...quarterly,
    { text, params: p.values },
  ];
}
