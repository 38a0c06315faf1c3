import type { Ledger } from './ledger.ts';
import type { PublishedRatio } from './precision-pinning.ts';

/**
 * Reads documented public answers (README "API", /api/v1/openapi.json) into counts keyed by what
 * they count, so the same count seen in two answers (a borough's latest quarter in `values` and in
 * `trend`) is one cell.
 */
export interface IndicatorInfo {
  readonly id: string;
  readonly multiplier: number;
  readonly method: string;
  readonly frequency: string;
  readonly breakdowns: readonly string[];
  readonly areaTypes: readonly string[];
}

interface CountCell {
  readonly key: string;
  readonly count: number | null;
  /** False for a row the answer carries without data (not a hidden count). */
  readonly published: boolean;
}

export interface RatioCell {
  readonly numeratorKey: string;
  readonly denominatorKey: string;
  readonly ratio: PublishedRatio;
}

export interface Cells {
  readonly counts: CountCell[];
  readonly ratios: RatioCell[];
}

interface CountRow {
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  lower95: number | null;
  upper95: number | null;
  lower998: number | null;
  upper998: number | null;
  suppressed: boolean;
}
export interface ValuesBody { indicatorId: string; breakdown: string; periodsIncluded: string[]; rows: (CountRow & { areaCode: string; parentCode: string | null; period: string })[] }
export interface TrendBody { area: { code: string }; points: (CountRow & { period: string })[] }
export interface InequalityBody { area: { code: string }; period: string; groups: (CountRow & { group: string })[] }
interface SeriesPoint { from: string; date: string; doses: number | null; cumulative: number | null; uptake: number | null; suppressed: boolean }
export interface ProgressBody {
  campaign: { id: string; opens: string };
  asOf: string;
  rows: { areaCode: string; areaType: string; parentCode: string | null; group: string | null; eligible: number | null; vaccinated: number | null; uptake: number | null; suppressed: boolean; series: SeriesPoint[] }[];
}
export interface CurveBody {
  indicatorId: string;
  area: { code: string };
  cohorts: { cohort: number; children: number | null; points: { ageMonths: number; vaccinated: number | null; children: number | null; coverage: number | null; suppressed: boolean }[] }[];
}

const countKey = (indicator: string, area: string, period: string, breakdown: string, field: string) => `count|${indicator}|${area}|${period}|${breakdown}|${field}`;

function rowCells(indicator: IndicatorInfo, area: string, period: string, breakdown: string, row: CountRow): Cells {
  const numeratorKey = countKey(indicator.id, area, period, breakdown, 'numerator');
  const denominatorKey = countKey(indicator.id, area, period, breakdown, 'denominator');
  // A row with neither count and not flagged suppressed is "no data" (e.g. an area published merged into another).
  const published = row.suppressed || row.numerator !== null || row.denominator !== null;
  const wilson = indicator.method === 'wilson-proportion' ? { lower95: row.lower95, upper95: row.upper95, lower998: row.lower998, upper998: row.upper998 } : undefined;
  return {
    counts: [
      { key: numeratorKey, count: row.numerator, published },
      { key: denominatorKey, count: row.denominator, published },
    ],
    ratios: published ? [{ numeratorKey, denominatorKey, ratio: { numerator: row.numerator, denominator: row.denominator, value: row.value, multiplier: indicator.multiplier, wilson, proportion: indicator.method === 'wilson-proportion' } }] : [],
  };
}

const merge = (parts: Cells[]): Cells => ({ counts: parts.flatMap((p) => p.counts), ratios: parts.flatMap((p) => p.ratios) });

export const valuesCells = (indicator: IndicatorInfo, body: ValuesBody): Cells =>
  merge(body.rows.map((row) => rowCells(indicator, row.areaCode, row.period, body.breakdown, row)));

export const trendCells = (indicator: IndicatorInfo, breakdown: string, body: TrendBody): Cells =>
  merge(body.points.map((point) => rowCells(indicator, body.area.code, point.period, breakdown, point)));

export const inequalityCells = (indicator: IndicatorInfo, body: InequalityBody): Cells =>
  merge(body.groups.map((group) => rowCells(indicator, body.area.code, body.period, group.group, group)));

export const campaignKey = (campaign: string, area: string, group: string | null, what: string) => `campaign|${campaign}|${area}|${group ?? 'total'}|${what}`;

/** Eligible, cumulative at each interval's end, and doses in each interval, of every area (and group). */
export function progressCells(body: ProgressBody): Cells {
  const parts = body.rows.map((row): Cells => {
    const eligibleKey = campaignKey(body.campaign.id, row.areaCode, row.group, 'eligible');
    const key = (what: string) => campaignKey(body.campaign.id, row.areaCode, row.group, what);
    const ratio = (numerator: number | null, value: number | null): PublishedRatio => ({ numerator, denominator: row.eligible, value, multiplier: 100, proportion: true });
    const lastDate = row.series.at(-1)?.date ?? body.asOf;
    return {
      counts: [
        { key: eligibleKey, count: row.eligible, published: true },
        { key: key(`cumulative@${lastDate}`), count: row.vaccinated, published: true },
        ...row.series.flatMap((p) => [
          { key: key(`cumulative@${p.date}`), count: p.cumulative, published: true },
          { key: key(`doses@${p.from}..${p.date}`), count: p.doses, published: true },
        ]),
      ],
      ratios: [
        { numeratorKey: key(`cumulative@${lastDate}`), denominatorKey: eligibleKey, ratio: ratio(row.vaccinated, row.uptake) },
        ...row.series.map((p) => ({ numeratorKey: key(`cumulative@${p.date}`), denominatorKey: eligibleKey, ratio: ratio(p.cumulative, p.uptake) })),
      ],
    };
  });
  return merge(parts);
}

const cohortKey = (indicator: string, area: string, cohort: number, what: string) => `cohort|${indicator}|${area}|${cohort}|${what}`;

export function curveCells(body: CurveBody): Cells {
  return merge(body.cohorts.map((c): Cells => {
    const childrenKey = cohortKey(body.indicatorId, body.area.code, c.cohort, 'children');
    return {
      counts: [{ key: childrenKey, count: c.children, published: true }, ...c.points.flatMap((p) => [
        { key: cohortKey(body.indicatorId, body.area.code, c.cohort, `vaccinated@${p.ageMonths}`), count: p.vaccinated, published: true },
        { key: childrenKey, count: p.children, published: true },
      ])],
      ratios: c.points.map((p) => ({
        numeratorKey: cohortKey(body.indicatorId, body.area.code, c.cohort, `vaccinated@${p.ageMonths}`),
        denominatorKey: childrenKey,
        ratio: { numerator: p.vaccinated, denominator: p.children, value: p.coverage, multiplier: 100, proportion: true },
      })),
    };
  }));
}

/** Records public cells as the attacker's knowledge. */
export function observeCells(ledger: Ledger, cells: Cells): void {
  for (const c of cells.counts) ledger.observe(c.key, c.count, c.published);
}

/** Records a token's cells as the truth the findings are checked against. */
export function truthCells(ledger: Ledger, cells: Cells): void {
  for (const c of cells.counts) ledger.setTruth(c.key, c.count);
}
