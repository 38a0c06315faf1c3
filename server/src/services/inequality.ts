import { breakdownSql, slopeIndexOfInequality, type BreakdownRow, type Indicator, type Inequality } from '@pathfinder/metrics';
import { canSeeArea } from '../auth/caller.ts';
import { ApiError } from '../http/api-error.ts';
import { areaSummary } from './area-summary.ts';
import { resolvePeriod } from './period-resolver.ts';
import type { ServiceContext } from './service-context.ts';
import { disclosureApplied, valueRows } from './value-rows.ts';

const LABELS: Record<string, string> = {
  'deprivation:1': 'Most deprived 20%', 'deprivation:2': 'Quintile 2', 'deprivation:3': 'Quintile 3', 'deprivation:4': 'Quintile 4', 'deprivation:5': 'Least deprived 20%',
  'sex:F': 'Female', 'sex:M': 'Male',
};

/** Values by deprivation quintile, ethnic group or sex for one area, with SII and RII across deprivation quintiles. */
export async function indicatorInequality(ctx: ServiceContext, indicator: Indicator, req: { area: string; by: 'deprivation' | 'ethnicity' | 'sex'; period: string }): Promise<Omit<Inequality, 'meta'> & { disclosure: 'none' | 'suppressed-and-rounded' }> {
  const area = ctx.release.areas.get(req.area);
  if (!area) throw ApiError.notFound('area', req.area);
  if (!canSeeArea(ctx.caller, area)) throw new ApiError(ctx.caller.role === 'public' ? 401 : 403, 'forbidden_area_level', `data for ${area.type} ${area.code} needs a token for a role that may see it`);
  ctx.returned?.(area.type);
  if (!indicator.breakdowns.includes(req.by)) throw new ApiError(400, 'breakdown_not_available', `indicator ${indicator.id} has no ${req.by} breakdown (available: ${indicator.breakdowns.join(', ') || 'none'})`);
  const period = await resolvePeriod(ctx, indicator, req.period);
  const raw = period.periods.length === 0 ? [] : await ctx.release.runner.all<BreakdownRow>(breakdownSql({ indicatorId: indicator.id, areaCode: area.code, dimension: req.by, periods: period.periods }));
  // Disclosure groups the breakdown rows of one area together: they add up to the area's published total.
  const groups = valueRows(ctx, indicator, raw.map((r) => ({ areaCode: area.code, group: r.breakdown, numerator: r.numerator, denominator: r.denominator, valueNote: r.value_note })), () => `${area.code}:${req.by}`);
  let sii: number | null = null, rii: number | null = null;
  if (req.by === 'deprivation' && groups.length === 5 && groups.every((g) => g.numerator !== null && g.denominator !== null && g.denominator > 0 && !g.suppressed)) {
    try {
      const result = slopeIndexOfInequality(groups.map((g) => ({ quantile: Number(g.group.split(':')[1]), numerator: g.numerator!, denominator: g.denominator! })), { multiplier: indicator.multiplier });
      sii = result.sii;
      rii = result.rii;
    } catch {
      sii = rii = null;
    }
  }
  return {
    indicatorId: indicator.id,
    area: areaSummary(area),
    by: req.by,
    period: period.label,
    groups: groups.map(({ areaCode: _, ...g }) => ({ ...g, label: LABELS[g.group] ?? g.group.split(':')[1] ?? g.group })),
    sii,
    rii,
    disclosure: disclosureApplied(ctx, [area.code]),
  };
}
