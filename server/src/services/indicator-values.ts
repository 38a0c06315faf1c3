import { ENGLAND, LONDON, isMergedForPublic, observationTotalsSql, rollUpChildren, type AreaType, type Indicator, type IndicatorValues, type ObservationTotalRow, type valuesQuerySchema } from '@pathfinder/metrics';
import { ApiError } from '../http/api-error.ts';
import type { DirectoryArea } from '../store/area-directory.ts';
import { compare, quintilesAndRanks, rag, targetsFor } from './judgements.ts';
import { observationSource } from './observation-source.ts';
import { resolvePeriod } from './period-resolver.ts';
import { groupBy } from './group-by.ts';
import type { ServiceAnswer, ServiceContext, ServiceInput } from './service-context.ts';
import { disclosureApplied, valueRows, type CountRow } from './value-rows.ts';
import { requireVisible, visibleLevelAreas } from './area-access.ts';

/** Summed counts per area code for one level and period set; an area without rows of its own is summed from the level below (`rollUpChildren`), or left out. */
export async function countsByArea(ctx: ServiceContext, indicator: Indicator, areas: readonly DirectoryArea[], periods: readonly string[], breakdown: string): Promise<Map<string, CountRow>> {
  const out = new Map<string, CountRow>();
  if (areas.length === 0 || periods.length === 0) return out;
  for (const [type, group] of groupBy(areas, (a) => a.type)) {
    const rows = await ctx.release.runner.all<ObservationTotalRow>(observationTotalsSql({ indicatorId: indicator.id, areaType: type, areaCodes: group.map((a) => a.code), periods, breakdown, source: observationSource(ctx.caller) }));
    for (const r of rows) out.set(r.area_code, { areaCode: r.area_code, numerator: r.numerator, denominator: r.denominator, valueNote: r.value_note, suppressed: r.suppressed });
    const missing = group.filter((a) => !out.has(a.code));
    const childType = CHILD_TYPE[type];
    if (missing.length > 0 && childType) {
      const children = ctx.release.areas.list(childType).filter((c) => missing.some((m) => c.ancestors.includes(m.code)));
      const childCounts = await countsByArea(ctx, indicator, children, periods, breakdown);
      for (const m of missing) {
        const own = children.filter((c) => c.ancestors.includes(m.code));
        const rows = own.flatMap((c) => childCounts.get(c.code) ?? []);
        // Children that may be absent (the City of London, counted within Hackney) are not required.
        const rolled = rollUpChildren(rows, own.filter((c) => !isMergedForPublic(c.code)).map((c) => c.code), childType);
        if (rolled) out.set(m.code, { areaCode: m.code, ...rolled });
      }
    }
  }
  return out;
}

const CHILD_TYPE: Partial<Record<AreaType, AreaType>> = { region: 'borough', icb: 'borough', borough: 'practice', pcn: 'practice' };

/** The area a comparator names for a row: London, England, the row's own parent, or a fixed area. */
export function comparatorArea(ctx: ServiceContext, comparator: string, row?: DirectoryArea): DirectoryArea | null {
  const code = comparator === 'london' ? LONDON.code : comparator === 'england' ? ENGLAND.code : comparator === 'parent' ? row?.parent ?? null : comparator;
  if (!code) return null;
  const area = ctx.release.areas.get(code);
  if (!area && comparator !== 'parent') throw new ApiError(400, 'invalid_parameter', `invalid parameter comparator: use london, england, parent or an area code (got ${JSON.stringify(comparator)})`);
  if (area) requireVisible(ctx, area, `comparator ${area.type} ${area.code}`);
  return area ?? null;
}

/** Every area of a level (under a parent) the caller may see; 403 when the level is not open to them at all, 404 for an unknown parent. */
export function visibleAreas(ctx: ServiceContext, indicator: Indicator, areaType: AreaType, parent: string | undefined): DirectoryArea[] {
  if (!indicator.areaTypes.includes(areaType)) throw new ApiError(400, 'area_type_not_available', `indicator ${indicator.id} is not published for areaType ${areaType} (available: ${indicator.areaTypes.join(', ')})`);
  return visibleLevelAreas(ctx, areaType, parent);
}

/** Values per area with comparator, target, quintile and rank: the `values` endpoint. */
export async function indicatorValues(ctx: ServiceContext, indicator: Indicator, req: ServiceInput<typeof valuesQuerySchema>): Promise<ServiceAnswer<IndicatorValues>> {
  const areas = visibleAreas(ctx, indicator, req.areaType, req.parent);
  const period = await resolvePeriod(ctx, indicator, req.period);
  const fixedComparator = req.comparator === 'parent' ? null : comparatorArea(ctx, req.comparator);
  const comparatorCodes = new Set<string>();
  if (fixedComparator) comparatorCodes.add(fixedComparator.code);
  if (req.comparator === 'parent') for (const a of areas) if (a.parent) comparatorCodes.add(a.parent);
  const comparatorAreas = [...comparatorCodes].map((c) => ctx.release.areas.get(c)).filter((a): a is DirectoryArea => a !== undefined);
  const [counts, comparatorCounts] = await Promise.all([
    countsByArea(ctx, indicator, areas, period.periods, req.breakdown),
    countsByArea(ctx, indicator, comparatorAreas, period.periods, req.breakdown),
  ]);
  const rows = valueRows(ctx, indicator, areas.map((a) => counts.get(a.code) ?? { areaCode: a.code, numerator: null, denominator: null, valueNote: 'no data' }));
  const comparatorValues = new Map(valueRows(ctx, indicator, comparatorAreas.map((a) => comparatorCounts.get(a.code) ?? { areaCode: a.code, numerator: null, denominator: null, valueNote: null })).map((r) => [r.areaCode, r]));
  const targets = targetsFor(indicator, period.label);
  const ranking = quintilesAndRanks(indicator, rows.map((r) => r.value));
  const fixed = fixedComparator ? comparatorValues.get(fixedComparator.code) : undefined;
  return {
    indicatorId: indicator.id,
    areaType: req.areaType,
    parent: req.parent ?? null,
    period: period.label,
    periodsIncluded: [...period.periods],
    breakdown: req.breakdown,
    comparator: fixedComparator && fixed ? { code: fixedComparator.code, name: fixedComparator.name, value: fixed.value, lower95: fixed.lower95, upper95: fixed.upper95 } : null,
    targets,
    disclosure: disclosureApplied(ctx, [...areas.map((a) => a.code), ...comparatorCodes]),
    rows: rows.map((r, i) => {
      const area = ctx.release.areas.get(r.areaCode)!;
      const benchmark = req.comparator === 'parent' ? (area.parent ? comparatorValues.get(area.parent)?.value ?? null : null) : fixed?.value ?? null;
      return {
        ...r,
        areaName: area.name,
        areaType: area.type,
        parentCode: area.parent,
        period: period.label ?? '',
        comparison: compare(indicator, r, benchmark),
        targetRag: rag(indicator, r.value, targets),
        quintile: ranking[i]!.quintile,
        rank: ranking[i]!.rank,
      };
    }),
  };
}
