import { ENGLAND, INDICATORS, LONDON, latestValuesSql, type Domain, type LatestValueRow, type Overview } from '@pathfinder/metrics';
import { ApiError } from '../http/api-error.ts';
import { areaSummary } from './area-summary.ts';
import { compare } from './judgements.ts';
import type { ServiceContext } from './service-context.ts';
import { disclosureApplied, valueRows } from './value-rows.ts';

/**
 * The area × indicator matrix ("tartan rug") at each indicator's latest period, every cell compared
 * with London or England at 95% and 99.8% by the indicator's polarity.
 */
export async function overview(ctx: ServiceContext, req: { areaType: 'borough' | 'icb'; domain?: Domain | undefined; parent?: string | undefined; comparator: 'london' | 'england' }): Promise<Omit<Overview, 'meta'> & { disclosure: 'none' | 'suppressed-and-rounded' }> {
  if (req.parent && !ctx.release.areas.get(req.parent)) throw ApiError.notFound('area', req.parent);
  const areas = ctx.release.areas.list(req.areaType, req.parent);
  const indicators = INDICATORS.filter((i) => (!req.domain || i.domain === req.domain) && i.areaTypes.includes(req.areaType));
  const comparator = ctx.release.areas.get(req.comparator === 'england' ? ENGLAND.code : LONDON.code)!;
  const raw = indicators.length === 0 ? [] : await ctx.release.runner.all<LatestValueRow>(latestValuesSql({ indicatorIds: indicators.map((i) => i.id), areaTypes: [req.areaType, comparator.type] }));
  const byIndicator = new Map<string, LatestValueRow[]>();
  for (const r of raw) byIndicator.set(r.indicator_id, [...(byIndicator.get(r.indicator_id) ?? []), r]);
  const cells: Overview['cells'] = [];
  const columns: Overview['indicators'] = [];
  for (const indicator of indicators) {
    const rows = byIndicator.get(indicator.id) ?? [];
    const counts = (code: string) => {
      const r = rows.find((x) => x.area_code === code);
      return { areaCode: code, numerator: r?.numerator ?? null, denominator: r?.denominator ?? null, valueNote: r?.value_note ?? null };
    };
    const [benchmark] = valueRows(ctx, indicator, [counts(comparator.code)], () => null);
    const values = valueRows(ctx, indicator, areas.map((a) => counts(a.code)), (r) => ctx.release.areas.get(r.areaCode)?.parent ?? null);
    columns.push({ id: indicator.id, shortName: indicator.shortName, domain: indicator.domain, unit: indicator.unit, polarity: indicator.polarity, period: rows[0]?.period ?? '', comparatorValue: benchmark?.value ?? null });
    for (const v of values) cells.push({ indicatorId: indicator.id, areaCode: v.areaCode, value: v.value, lower95: v.lower95, upper95: v.upper95, comparison: compare(indicator, v, benchmark?.value ?? null), suppressed: v.suppressed });
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
