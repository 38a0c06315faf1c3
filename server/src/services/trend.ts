import { parsePeriod, recentTrend, spcAssurance, spcVariation, spcXmr, type Indicator, type SpcImprovement, type Trend, type trendQuerySchema } from '@pathfinder/metrics';
import { ApiError } from '../http/api-error.ts';
import { comparatorArea } from './indicator-values.ts';
import { compare, targetsFor } from './judgements.ts';
import { areaSeriesValues, seriesRows, toCount } from './area-series.ts';
import type { ServiceAnswer, ServiceContext, ServiceInput } from './service-context.ts';
import { disclosureApplied, valueRows } from './value-rows.ts';
import { areaSummary } from './area-summary.ts';
import { visibleArea } from './area-access.ts';

const IMPROVEMENT: Record<Indicator['polarity'], SpcImprovement> = { 'higher-better': 'increase', 'lower-better': 'decrease', 'no-judgement': 'neutral' };

/**
 * An area's series with CIs, the comparator's series, targets, SPC (XmR per Making Data Count, with
 * outlier screening) on the values, and the Fingertips recent-trend marker on the last 5 points.
 */
export async function indicatorTrend(ctx: ServiceContext, indicator: Indicator, req: ServiceInput<typeof trendQuerySchema>): Promise<ServiceAnswer<Trend>> {
  const area = visibleArea(ctx, req.area);
  ctx.returned?.(area.type);
  const comparator = comparatorArea(ctx, req.comparator, area);
  const bound = (label: string | undefined, edge: 'start' | 'end') => {
    if (!label) return null;
    try {
      return parsePeriod(label)[edge];
    } catch (error) {
      throw new ApiError(400, 'invalid_parameter', `invalid parameter ${edge === 'start' ? 'from' : 'to'}: ${error instanceof Error ? error.message : 'not a period'}`);
    }
  };
  const codes = [area.code, ...(comparator && comparator.code !== area.code ? [comparator.code] : [])];
  const raw = await seriesRows(ctx, indicator, { areaCodes: codes, breakdown: req.breakdown, from: bound(req.from, 'start'), to: bound(req.to, 'end') });
  const own = areaSeriesValues(ctx, indicator, raw.filter((r) => r.area_code === area.code));
  const starts = new Map(raw.map((r) => [r.period, r.period_start]));
  const comparatorByPeriod = new Map(valueRows(ctx, indicator, raw.filter((r) => r.area_code === comparator?.code && r.area_code !== area.code).map(toCount)).map((r) => [r.periodLabel, r.value]));
  const improvement = IMPROVEMENT[indicator.polarity];
  const measured = own.filter((r) => r.value !== null);
  const spc = measured.length >= 2 ? spcXmr(measured.map((r) => r.value!), { improvement }) : null;
  const spcByPeriod = new Map(spc ? measured.map((r, i) => [r.periodLabel, spc.points[i]!]) : []);
  const latestTargets = targetsFor(indicator, own.at(-1)?.periodLabel ?? null);
  const trend = recentTrend(own.map((r) => ({ numerator: r.suppressed ? null : r.numerator, denominator: r.suppressed ? null : r.denominator })), indicator.polarity);
  return {
    indicatorId: indicator.id,
    area: areaSummary(area),
    comparator: comparator ? areaSummary(comparator) : null,
    targets: indicator.targets.map((t) => ({ value: t.value, label: t.label, ...(t.from ? { from: t.from } : {}), ...(t.until ? { until: t.until } : {}) })),
    disclosure: disclosureApplied(ctx, codes),
    points: own.map((r) => {
      const p = spcByPeriod.get(r.periodLabel);
      const benchmark = comparatorByPeriod.get(r.periodLabel) ?? null;
      const { periodLabel, areaCode: _, ...fields } = r;
      return {
        ...fields,
        period: periodLabel,
        periodStart: starts.get(periodLabel) ?? '',
        comparatorValue: benchmark,
        comparison: compare(indicator, r, benchmark),
        spcMean: p?.mean ?? null,
        spcLower: p?.lpl ?? null,
        spcUpper: p?.upl ?? null,
        spcPointType: p?.pointType ?? null,
        spcRule: p?.rule ?? null,
      };
    }),
    spc: {
      improvement,
      variation: spc ? spcVariation(spc) : null,
      assurance: spc && latestTargets[0] !== undefined ? spcAssurance(spc, latestTargets[0], improvement) : null,
    },
    recentTrend: { label: trend.label, chiSquare: trend.chiSquare },
  };
}
