import { BREAKDOWN_TOTAL, ENGLAND, INDICATORS, LONDON, latestValuesSql, recentTrend, seriesSql, type LatestValueRow, type Profile, type ProfileComparator, type SeriesRow } from '@pathfinder/metrics';
import { canSeeArea } from '../auth/caller.ts';
import { ApiError } from '../http/api-error.ts';
import { areaSummary } from './area-summary.ts';
import { comparatorArea, countsByArea } from './indicator-values.ts';
import { groupBy } from './group-by.ts';
import { compare } from './judgements.ts';
import { observationSource } from './observation-source.ts';
import type { DirectoryArea } from '../store/area-directory.ts';
import type { ServiceAnswer, ServiceContext } from './service-context.ts';
import { disclosureApplied, valueRows } from './value-rows.ts';

/**
 * Every indicator for one area at its latest period, with the spread across areas of the same
 * level (min, quartiles, max: the spine chart), London and England values, comparison with the
 * chosen comparator (as the values endpoint compares) and the recent-trend marker.
 */
export async function areaProfile(ctx: ServiceContext, area: DirectoryArea, comparatorChoice: ProfileComparator): Promise<ServiceAnswer<Profile>> {
  const comparator = profileComparator(ctx, area, comparatorChoice);
  ctx.returned?.(area.type);
  const indicators = INDICATORS.filter((i) => i.areaTypes.includes(area.type));
  const peerType = area.type === 'region' || area.type === 'england' ? 'borough' : area.type;
  const peers = ctx.release.areas.list(peerType, peerType === 'practice' || peerType === 'pcn' ? area.icbCode : null).filter((a) => canSeeArea(ctx.caller, a));
  const ids = indicators.map((i) => i.id);
  const source = observationSource(ctx.caller);
  const [latest, series] = ids.length === 0 ? [[], []] : await Promise.all([
    ctx.release.runner.all<LatestValueRow>(latestValuesSql({ indicatorIds: ids, areaTypes: [...new Set([peerType, 'region', 'england', area.type, comparator.type])], areaCodes: [...new Set([...peers.map((p) => p.code), area.code, LONDON.code, ENGLAND.code, comparator.code])], source })),
    // Every indicator's series in one query: one read of the table rather than one per indicator.
    ctx.release.runner.all<SeriesRow>(seriesSql({ indicatorIds: ids, areaCodes: [area.code], breakdown: BREAKDOWN_TOTAL, source })).then((rows) => {
      const byIndicator = groupBy(rows, (r) => r.indicator_id);
      return ids.map((id) => byIndicator.get(id) ?? []);
    }),
  ]);
  const found = indicators.flatMap((indicator, k) => {
    const mine = latest.filter((r) => r.indicator_id === indicator.id);
    const counts = (c: string) => {
      const r = mine.find((x) => x.area_code === c);
      return { areaCode: c, numerator: r?.numerator ?? null, denominator: r?.denominator ?? null, valueNote: r?.value_note ?? null, suppressed: r?.suppressed ?? false };
    };
    const peerRows = valueRows(ctx, indicator, peers.map((p) => counts(p.code)));
    const own = peerRows.find((r) => r.areaCode === area.code) ?? valueRows(ctx, indicator, [counts(area.code)])[0];
    if (!own || own.denominator === null && own.numerator === null && !own.suppressed) return [];
    const [london, england] = valueRows(ctx, indicator, [counts(LONDON.code), counts(ENGLAND.code)]);
    const period = mine[0]?.period ?? '';
    return [{ indicator, own, london, england, period, peerRows, trend: series[k]! }];
  });
  // An ICB's counts as the values endpoint finds them: its own rows, or summed from its boroughs in a release without ICB rows (the published one).
  const icbValues = comparator.type !== 'icb' ? [] : await Promise.all(found.map(async ({ indicator, period }) => {
    const counts = (await countsByArea(ctx, indicator, [comparator], [period], BREAKDOWN_TOTAL)).get(comparator.code);
    return counts ? valueRows(ctx, indicator, [counts])[0]?.value ?? null : null;
  }));
  const rows: Profile['rows'] = found.map(({ indicator, own, london, england, period, peerRows, trend: points }, k) => {
    const benchmark = comparator.code === ENGLAND.code ? england?.value ?? null : comparator.code === LONDON.code ? london?.value ?? null : icbValues[k] ?? null;
    const peerValues = peerRows.map((v) => v.value).filter((v): v is number => v !== null).sort((a, b) => a - b);
    const quantile = (q: number) => (peerValues.length === 0 ? null : peerValues[Math.min(peerValues.length - 1, Math.max(0, Math.round(q * (peerValues.length - 1))))]!);
    const trend = recentTrend(points.map((r) => ({ numerator: r.numerator, denominator: r.denominator })), indicator.polarity);
    return {
      ...own,
      indicatorId: indicator.id,
      shortName: indicator.shortName,
      domain: indicator.domain,
      unit: indicator.unit,
      polarity: indicator.polarity,
      period,
      comparison: compare(indicator, own, benchmark),
      comparatorValue: benchmark,
      londonValue: london?.value ?? null,
      englandValue: england?.value ?? null,
      peerMin: quantile(0),
      peerQ1: quantile(0.25),
      peerQ3: quantile(0.75),
      peerMax: quantile(1),
      recentTrend: trend.label,
    };
  });
  return { area: areaSummary(area), comparator: areaSummary(comparator), rows, disclosure: disclosureApplied(ctx, [area.code, comparator.code, ...peers.map((p) => p.code)]) };
}

/** The area a profile compares with; a 400 when the choice does not apply to the area (London against itself, an ICB against its own ICB). */
function profileComparator(ctx: ServiceContext, area: DirectoryArea, choice: ProfileComparator): DirectoryArea {
  const refuse = (why: string) => new ApiError(400, 'invalid_parameter', `invalid parameter comparator: ${why} (got "${choice}")`);
  if (choice === 'icb') {
    if (!area.icbCode || area.icbCode === area.code) throw refuse(`${area.name} is not within an ICB: use london or england`);
    return comparatorArea(ctx, area.icbCode)!;
  }
  if (choice === 'london' && (area.code === LONDON.code || area.code === ENGLAND.code)) throw refuse(`${area.name} is not within London: use england`);
  return comparatorArea(ctx, choice)!;
}
