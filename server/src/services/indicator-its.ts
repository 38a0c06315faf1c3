import { itsOverSeries, parsePeriod, type Indicator, type ItsAreaResult, type ItsByArea, type itsQuerySchema } from '@pathfinder/metrics';
import { ApiError } from '../http/api-error.ts';
import { areaSummary } from './area-summary.ts';
import { areaSeriesValues, seriesRows } from './area-series.ts';
import { groupBy } from './group-by.ts';
import { visibleAreas } from './indicator-values.ts';
import { indicatorPeriods } from './period-resolver.ts';
import type { ServiceAnswer, ServiceContext, ServiceInput } from './service-context.ts';
import { disclosureApplied } from './value-rows.ts';

const NOT_FITTED = { n: null, before: null, after: null, maxlags: null, baseline: null, preSlope: null, levelChange: null, slopeChange: null, residualLag1: null, warnings: [] };

/**
 * The interrupted time series of every area of a level the caller may see, at one intervention:
 * each area's series is the one its trend answers (same rows, same table for the caller's role),
 * fitted by `itsOverSeries`; an area that cannot be fitted is listed with the reason.
 */
export async function indicatorIts(ctx: ServiceContext, indicator: Indicator, req: ServiceInput<typeof itsQuerySchema>): Promise<ServiceAnswer<ItsByArea>> {
  const areas = visibleAreas(ctx, indicator, req.areaType, req.parent);
  try {
    parsePeriod(req.intervention);
  } catch (error) {
    throw new ApiError(400, 'invalid_parameter', `invalid parameter intervention: ${error instanceof Error ? error.message : 'not a period'}`);
  }
  const periods = await indicatorPeriods(ctx, indicator);
  if (!periods.some((p) => p.period === req.intervention)) {
    throw new ApiError(400, 'invalid_parameter', `invalid parameter intervention: ${indicator.id} has no data for ${req.intervention} (GET /api/v1/periods lists its periods)`);
  }
  const codes = areas.map((a) => a.code);
  const byArea = groupBy(codes.length > 0 ? await seriesRows(ctx, indicator, { areaCodes: codes, breakdown: req.breakdown }) : [], (r) => r.area_code);
  const results = areas.map((area): ItsAreaResult => {
    const series = areaSeriesValues(ctx, indicator, byArea.get(area.code) ?? []).map((r) => ({ period: r.periodLabel, value: r.value }));
    const out = itsOverSeries(series, req.intervention, req.maxlags);
    if (!out.fitted) return { area: areaSummary(area), fitted: false, reason: out.reason, dropped: [...out.dropped], ...NOT_FITTED };
    const { fit } = out;
    return {
      area: areaSummary(area), fitted: true, reason: null, n: fit.n, before: out.before, after: out.after, maxlags: fit.maxlags,
      baseline: fit.baseline, preSlope: fit.preSlope, levelChange: fit.levelChange, slopeChange: fit.slopeChange, residualLag1: fit.residualLag1,
      dropped: [...out.dropped], warnings: [...out.warnings],
    };
  });
  return {
    indicatorId: indicator.id,
    unit: indicator.unit,
    frequency: indicator.frequency,
    areaType: req.areaType,
    intervention: req.intervention,
    breakdown: req.breakdown,
    disclosure: disclosureApplied(ctx, codes),
    areas: results,
  };
}
