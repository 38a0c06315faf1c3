import { BREAKDOWN_TOTAL, funnelProportionLimits, funnelSignificance, type funnelQuerySchema, type Funnel, type Indicator } from '@pathfinder/metrics';
import { ApiError } from '../http/api-error.ts';
import { countsByArea, visibleAreas } from './indicator-values.ts';
import { resolvePeriod } from './period-resolver.ts';
import type { ServiceAnswer, ServiceContext, ServiceInput } from './service-context.ts';
import { disclosureApplied, valueRows } from './value-rows.ts';

/** Funnel plot of areas (practices by default) under a parent: points with significance and 95%/99.8% limits around the pooled proportion. */
export async function indicatorFunnel(ctx: ServiceContext, indicator: Indicator, req: ServiceInput<typeof funnelQuerySchema>): Promise<ServiceAnswer<Funnel>> {
  if (indicator.method !== 'wilson-proportion') throw new ApiError(400, 'funnel_not_available', `funnel plots are drawn for proportions; ${indicator.id} is a ${indicator.method}`);
  const areas = visibleAreas(ctx, indicator, req.areaType, req.parent);
  const period = await resolvePeriod(ctx, indicator, req.period);
  const counts = await countsByArea(ctx, indicator, areas, period.periods, BREAKDOWN_TOTAL);
  const rows = valueRows(ctx, indicator, areas.map((a) => counts.get(a.code) ?? { areaCode: a.code, numerator: null, denominator: null, valueNote: null }))
    .filter((r): r is typeof r & { numerator: number; denominator: number; value: number } => r.numerator !== null && r.denominator !== null && r.denominator > 0 && r.value !== null);
  if (rows.length === 0) return { indicatorId: indicator.id, period: period.label, baseline: null, points: [], limits: [], disclosure: disclosureApplied(ctx, areas.map((a) => a.code)) };
  const points = rows.map((r) => ({ numerator: r.numerator, denominator: r.denominator }));
  const limits = funnelProportionLimits(points, { multiplier: indicator.multiplier });
  const significance = funnelSignificance({ statistic: 'proportion', points });
  return {
    indicatorId: indicator.id,
    period: period.label,
    baseline: limits.baseline,
    points: rows.map((r, i) => ({ areaCode: r.areaCode, areaName: ctx.release.areas.get(r.areaCode)?.name ?? r.areaCode, numerator: r.numerator, denominator: r.denominator, value: r.value, significance: significance[i] ?? 'none' })),
    limits: limits.rows.map((l) => ({ denominator: l.population, lower95: l.lower95, upper95: l.upper95, lower998: l.lower998, upper998: l.upper998 })),
    disclosure: disclosureApplied(ctx, areas.map((a) => a.code)),
  };
}
