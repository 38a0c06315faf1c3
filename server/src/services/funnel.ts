import { BREAKDOWN_TOTAL, LONDON, funnelProportionLimits, funnelSignificance, type funnelQuerySchema, type Funnel, type FunnelCentre, type Indicator } from '@pathfinder/metrics';
import { ApiError } from '../http/api-error.ts';
import type { DirectoryArea } from '../store/area-directory.ts';
import { comparatorArea, countsByArea, visibleAreas } from './indicator-values.ts';
import { targetsFor } from './judgements.ts';
import { resolvePeriod } from './period-resolver.ts';
import type { ServiceAnswer, ServiceContext, ServiceInput } from './service-context.ts';
import { disclosureApplied, valueRows, type CountRow } from './value-rows.ts';

/**
 * Funnel plot of areas (practices by default) under a parent: points with significance and 95%/99.8%
 * limits around the chosen centre (the pooled proportion of the areas, London's value or the period's target).
 */
export async function indicatorFunnel(ctx: ServiceContext, indicator: Indicator, req: ServiceInput<typeof funnelQuerySchema>): Promise<ServiceAnswer<Funnel>> {
  if (indicator.method !== 'wilson-proportion') throw new ApiError(400, 'funnel_not_available', `funnel plots are drawn for proportions; ${indicator.id} is a ${indicator.method}`);
  const areas = visibleAreas(ctx, indicator, req.areaType, req.parent);
  const period = await resolvePeriod(ctx, indicator, req.period);
  const target = targetsFor(indicator, period.label)[0] ?? null;
  if (req.centre === 'target' && target === null) throw new ApiError(422, 'no_target', `indicator ${indicator.id} has no target for ${period.label ?? 'this period'}: centre the funnel on pooled or london`);
  const london = req.centre === 'london' ? comparatorArea(ctx, 'london') : null;
  const counts = await countsByArea(ctx, indicator, london ? [...areas, london] : areas, period.periods, BREAKDOWN_TOTAL);
  const disclosure = disclosureApplied(ctx, [...areas, ...(london ? [london] : [])].map((a) => a.code));
  const rows = valueRows(ctx, indicator, areas.map((a) => counts.get(a.code) ?? { areaCode: a.code, numerator: null, denominator: null, valueNote: null }))
    .filter((r): r is typeof r & { numerator: number; denominator: number; value: number } => r.numerator !== null && r.denominator !== null && r.denominator > 0 && r.value !== null);
  const fixed = req.centre === 'target' ? target : london ? londonValue(ctx, indicator, london, counts.get(london.code)) : null;
  const centre = { kind: req.centre, label: centreLabel(req.centre, req.areaType, target, indicator) };
  if (rows.length === 0) return { indicatorId: indicator.id, period: period.label, baseline: fixed, centre, pooled: null, target, points: [], limits: [], disclosure };
  const points = rows.map((r) => ({ numerator: r.numerator, denominator: r.denominator }));
  const at = fixed === null ? undefined : fixed / indicator.multiplier;
  const limits = funnelProportionLimits(points, { multiplier: indicator.multiplier, ...(at === undefined ? {} : { centre: at }) });
  const significance = funnelSignificance({ statistic: 'proportion', points, ...(at === undefined ? {} : { centre: at }) });
  return {
    indicatorId: indicator.id,
    period: period.label,
    baseline: limits.baseline,
    centre,
    pooled: at === undefined ? limits.baseline : funnelProportionLimits(points, { multiplier: indicator.multiplier }).baseline,
    target,
    points: rows.map((r, i) => ({ areaCode: r.areaCode, areaName: ctx.release.areas.get(r.areaCode)?.name ?? r.areaCode, numerator: r.numerator, denominator: r.denominator, value: r.value, significance: significance[i] ?? 'none' })),
    limits: limits.rows.map((l) => ({ denominator: l.population, lower95: l.lower95, upper95: l.upper95, lower998: l.lower998, upper998: l.upper998 })),
    disclosure,
  };
}

/** London's value for the period, as its row of GET …/values gives it to this caller; 422 when it has none. */
function londonValue(ctx: ServiceContext, indicator: Indicator, london: DirectoryArea, counts: CountRow | undefined): number {
  const [row] = valueRows(ctx, indicator, [counts ?? { areaCode: london.code, numerator: null, denominator: null, valueNote: null }]);
  if (row?.value === null || row?.value === undefined) throw new ApiError(422, 'no_centre', `London has no value for ${indicator.id} in this period: centre the funnel on pooled or target`);
  return row.value;
}

function centreLabel(kind: FunnelCentre, areaType: string, target: number | null, indicator: Indicator): string {
  if (kind === 'london') return LONDON.name;
  if (kind === 'target') return `the ${target}${indicator.unit === '%' ? '%' : ` ${indicator.unit}`} target`;
  return `the average of these ${areaType === 'practice' ? 'practices' : areaType === 'pcn' ? 'PCNs' : 'boroughs'}`;
}
