import { ENGLAND, INDICATORS, LONDON, latestValuesSql, type overviewQuerySchema, type LatestValueRow, type Overview, type OverviewCell } from '@pathfinder/metrics';
import { canSeeArea } from '../auth/caller.ts';
import { ApiError } from '../http/api-error.ts';
import { areaSummary } from './area-summary.ts';
import { compare } from './judgements.ts';
import { groupBy } from './group-by.ts';
import type { ServiceAnswer, ServiceContext, ServiceInput } from './service-context.ts';
import { observationSource } from './observation-source.ts';
import { disclosureApplied, valueRows } from './value-rows.ts';

type OverviewColumn = Overview['indicators'][number];

/** Rounds to 6 decimal places, the precision the statistics are verified to (see the overview schema). */
const sixPlaces = (v: number | null) => (v === null ? null : Math.round(v * 1e6) / 1e6);

/**
 * The area × indicator matrix ("tartan rug") at each indicator's latest period, every cell compared
 * with London or England at 95% and 99.8% by the indicator's polarity: as columns for JSON, and one
 * row per cell (with confidence intervals) for CSV.
 */
export async function overview(ctx: ServiceContext, req: ServiceInput<typeof overviewQuerySchema>): Promise<ServiceAnswer<Overview> & { cells: OverviewCell[] }> {
  if (req.parent && !ctx.release.areas.get(req.parent)) throw ApiError.notFound('area', req.parent);
  const areas = ctx.release.areas.list(req.areaType, req.parent).filter((a) => canSeeArea(ctx.caller, a));
  const indicators = INDICATORS.filter((i) => (!req.domain || i.domain === req.domain) && i.areaTypes.includes(req.areaType));
  const comparator = ctx.release.areas.get(req.comparator === 'england' ? ENGLAND.code : LONDON.code)!;
  const raw = indicators.length === 0 ? [] : await ctx.release.runner.all<LatestValueRow>(latestValuesSql({ indicatorIds: indicators.map((i) => i.id), areaTypes: [req.areaType, comparator.type], source: observationSource(ctx.caller) }));
  const byIndicator = groupBy(raw, (r) => r.indicator_id);
  const cells: OverviewCell[] = [];
  const columns: OverviewColumn[] = [];
  for (const indicator of indicators) {
    const rows = byIndicator.get(indicator.id) ?? [];
    const counts = (code: string) => {
      const r = rows.find((x) => x.area_code === code);
      return { areaCode: code, numerator: r?.numerator ?? null, denominator: r?.denominator ?? null, valueNote: r?.value_note ?? null, suppressed: r?.suppressed ?? false };
    };
    const [benchmark] = valueRows(ctx, indicator, [counts(comparator.code)]);
    const values = valueRows(ctx, indicator, areas.map((a) => counts(a.code)));
    const column: OverviewColumn = {
      id: indicator.id, shortName: indicator.shortName, domain: indicator.domain, unit: indicator.unit, polarity: indicator.polarity,
      period: rows[0]?.period ?? '', comparatorValue: sixPlaces(benchmark?.value ?? null), values: [], comparisons: [], suppressed: [],
    };
    for (const v of values) {
      const comparison = compare(indicator, v, benchmark?.value ?? null);
      cells.push({ indicatorId: indicator.id, areaCode: v.areaCode, value: v.value, lower95: v.lower95, upper95: v.upper95, comparison, suppressed: v.suppressed });
      column.values.push(sixPlaces(v.value));
      column.comparisons.push(comparison);
      column.suppressed.push(v.suppressed);
    }
    columns.push(column);
  }
  return {
    areaType: req.areaType,
    comparator: areaSummary(comparator),
    indicators: columns,
    areas: areas.map(areaSummary),
    cells,
    disclosure: disclosureApplied(ctx, areas.map((a) => a.code)),
  };
}
