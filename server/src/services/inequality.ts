import { breakdownGroupLabel, breakdownSql, indicatorSii, type inequalityQuerySchema, parseBreakdownKey, type BreakdownRow, type Indicator, type IndicatorSiiGroup, type Inequality, type ValueFields } from '@pathfinder/metrics';
import { ApiError } from '../http/api-error.ts';
import { areaSummary } from './area-summary.ts';
import { observationSource } from './observation-source.ts';
import { resolvePeriod } from './period-resolver.ts';
import type { ServiceAnswer, ServiceContext, ServiceInput } from './service-context.ts';
import { disclosureApplied, valueRows } from './value-rows.ts';
import { visibleArea } from './area-access.ts';


/** Values by deprivation quintile, ethnic group or sex for one area, with SII and RII (and their 95% limits) across deprivation quintiles. */
export async function indicatorInequality(ctx: ServiceContext, indicator: Indicator, req: ServiceInput<typeof inequalityQuerySchema>): Promise<ServiceAnswer<Inequality>> {
  const area = visibleArea(ctx, req.area);
  ctx.returned?.(area.type);
  if (!indicator.breakdowns.includes(req.by)) throw new ApiError(400, 'breakdown_not_available', `indicator ${indicator.id} has no ${req.by} breakdown (available: ${indicator.breakdowns.join(', ') || 'none'})`);
  const period = await resolvePeriod(ctx, indicator, req.period);
  const raw = period.periods.length === 0 ? [] : await ctx.release.runner.all<BreakdownRow>(breakdownSql({ indicatorId: indicator.id, areaCode: area.code, dimension: req.by, periods: period.periods, source: observationSource(ctx.caller) }));
  const groups = valueRows(ctx, indicator, raw.map((r) => ({ areaCode: area.code, group: r.breakdown, numerator: r.numerator, denominator: r.denominator, valueNote: r.value_note, suppressed: r.suppressed })));
  return {
    indicatorId: indicator.id,
    area: areaSummary(area),
    by: req.by,
    period: period.label,
    groups: groups.map(({ areaCode: _, ...g }) => ({ ...g, label: breakdownGroupLabel(g.group) })),
    ...(req.by === 'deprivation' ? deprivationSii(indicator, groups) : NO_SII),
    disclosure: disclosureApplied(ctx, [area.code]),
  };
}

type SiiFields = Pick<Inequality, 'sii' | 'rii' | 'siiLower95' | 'siiUpper95' | 'riiLower95' | 'riiUpper95'>;

const NO_SII: SiiFields = { sii: null, rii: null, siiLower95: null, siiUpper95: null, riiLower95: null, riiUpper95: null };

/** SII and RII by phe_sii when all five quintiles have a published value; none when one is missing or suppressed. */
function deprivationSii(indicator: Indicator, groups: readonly (ValueFields & { group: string })[]): SiiFields {
  const quintiles = groups.flatMap((g): IndicatorSiiGroup[] =>
    g.value !== null && g.denominator !== null && g.denominator > 0 && !g.suppressed
      ? [{ quantile: Number(parseBreakdownKey(g.group)?.value), denominator: g.denominator, value: g.value, lower95: g.lower95, upper95: g.upper95 }]
      : [],
  );
  if (groups.length !== 5 || quintiles.length !== 5) return NO_SII;
  const { sii, rii, confidence } = indicatorSii(indicator, quintiles);
  return {
    sii,
    rii,
    siiLower95: confidence?.siiLower ?? null,
    siiUpper95: confidence?.siiUpper ?? null,
    riiLower95: confidence?.riiLower ?? null,
    riiUpper95: confidence?.riiUpper ?? null,
  };
}
