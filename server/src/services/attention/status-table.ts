import {
  ENGLAND, INDICATORS, LONDON, SEVERITIES, isMergedForPublic, parsePeriod, rollUpChildren, totalSeriesSql,
  type AreaType, type Indicator, type TotalSeriesPoint, type TotalSeriesRow,
} from '@pathfinder/metrics';
import { canSeeArea, PUBLIC_CALLER, type Caller } from '../../auth/caller.ts';
import type { DirectoryArea } from '../../store/area-directory.ts';
import type { OpenRelease } from '../../store/data-store.ts';
import { perReleaseMemo } from '../../store/per-release-memo.ts';
import { observationSource } from '../observation-source.ts';
import { campaignStatusRows } from './campaign-status.ts';
import { seriesStatus, type SeriesPoint, type SeriesStatus } from './series-status.ts';
import type { StatusRow, StatusScope, StatusTable } from './status-scope.ts';

/** The levels each scope's statuses cover (SECURITY.md: no practice or PCN status for the public). */
const SCOPE_LEVELS: Record<StatusScope['kind'], readonly AreaType[]> = {
  region: ['region', 'icb', 'borough', 'pcn', 'practice'],
  ics: ['icb', 'borough', 'pcn', 'practice'],
  public: ['region', 'icb', 'borough'],
};

/** The level a parent without rows of its own is summed from, as the values answer does (`countsByArea`). */
const CHILD_TYPE: Partial<Record<AreaType, AreaType>> = { region: 'borough', icb: 'borough', borough: 'practice', pcn: 'practice' };

/** The caller whose view of the counts a scope's statuses are computed from. */
const scopeCaller = (scope: StatusScope): Caller =>
  scope.kind === 'public' ? PUBLIC_CALLER : scope.kind === 'ics' ? { role: 'ics', icb: scope.icb, subject: null } : { role: 'region', icb: null, subject: null };

/**
 * Every area × indicator status of a release for a scope, ranked, built once per opened release and
 * scope (see `buildStatusTable`).
 */
export const statusTable: (release: OpenRelease, scope: StatusScope) => Promise<StatusTable> = perReleaseMemo(buildStatusTable);

/**
 * The statuses of every indicator the release has, at every area of the scope's levels, at each
 * series' latest period: the total-breakdown series of the scope's source table (the caller's own
 * view of the counts, so the public's statuses come from the public table alone) in one query, a
 * level without rows of its own summed from the level below as the values answer sums it, and each
 * series judged by `seriesStatus` against London (England for London itself); then a status per
 * borough of each campaign running at the release's data date (`campaignStatusRows`).
 */
export async function buildStatusTable(release: OpenRelease, scope: StatusScope): Promise<StatusTable> {
  const started = performance.now();
  const caller = scopeCaller(scope);
  const areas = scopeAreas(release, scope, caller);
  const offered = new Set(release.manifest.coverage.indicators);
  const indicators = INDICATORS.filter((i) => offered.has(i.id));
  // An ICB's view needs its own areas, the boroughs (London's sum, when London has no rows) and the benchmarks.
  const codes = scope.kind === 'ics' ? [...new Set([...areas.map((a) => a.code), ...benchmarkCodes(release)])] : null;
  const byIndicator = await loadSeries(release, caller, indicators, codes);
  const out: StatusRow[] = [];
  for (const indicator of indicators) {
    // One indicator's statuses at a time, then the event loop: requests are answered while a release's table builds.
    await new Promise<void>((resolve) => setImmediate(resolve));
    const judge = seriesJudge(release, indicator, byIndicator.get(indicator.id));
    for (const area of areas) {
      if (!indicator.areaTypes.includes(area.type)) continue;
      const status = judge(area, null);
      if (status) out.push({ item: status.item, area, indicator });
    }
  }
  out.push(...(await campaignStatusRows(release, caller, areas.filter((a) => a.type === 'borough'))));
  return { releaseId: release.manifest.id, scope, rows: rankStatusRows(out), buildMs: Math.round(performance.now() - started) };
}

/**
 * One area × indicator's status at an earlier period of its series, as the scope's table would have
 * given it then (from the series up to that period): how a signal that has passed, such as one
 * outlying period, is checked. Null when the area has no data at that period.
 */
export async function seriesStatusAt(release: OpenRelease, scope: StatusScope, indicator: Indicator, area: DirectoryArea, period: string): Promise<SeriesStatus | null> {
  const caller = scopeCaller(scope);
  const byIndicator = await loadSeries(release, caller, [indicator], [...new Set([area.code, ...benchmarkCodes(release)])]);
  return seriesJudge(release, indicator, byIndicator.get(indicator.id))(area, period);
}

/** London, England and the boroughs London is summed from when it has no rows of its own. */
const benchmarkCodes = (release: OpenRelease) => [LONDON.code, ENGLAND.code, ...release.areas.list('borough').map((b) => b.code)];

/** Every total-breakdown series of the caller's source table for these indicators (and areas), by indicator then area, oldest first. */
async function loadSeries(release: OpenRelease, caller: Caller, indicators: readonly Indicator[], codes: readonly string[] | null): Promise<Map<string, Map<string, SeriesPoint[]>>> {
  const rows = indicators.length === 0 ? [] : await release.runner.all<TotalSeriesRow>(totalSeriesSql({ source: observationSource(caller), indicatorIds: indicators.map((i) => i.id), areaCodes: codes }));
  const byIndicator = new Map<string, Map<string, SeriesPoint[]>>();
  for (const r of rows) {
    const series = byIndicator.get(r.indicator_id) ?? new Map<string, SeriesPoint[]>();
    byIndicator.set(r.indicator_id, series);
    const points = (JSON.parse(r.points) as TotalSeriesPoint[]).sort((a, b) => byText(a.start, b.start) || byText(a.period, b.period));
    series.set(r.area_code, points.map((p) => ({ period: p.period, numerator: p.numerator, denominator: p.denominator, suppressed: p.suppressed, valueNote: p.value_note })));
  }
  return byIndicator;
}

/** The status of an area of one indicator's series at a period (null: the latest), against London, or England for London. */
function seriesJudge(release: OpenRelease, indicator: Indicator, series: ReadonlyMap<string, readonly SeriesPoint[]> | undefined): (area: DirectoryArea, period: string | null) => SeriesStatus | null {
  if (!series) return () => null;
  const seriesOf = rolledUpSeries(release, series);
  const london = seriesOf(LONDON.code, 'region');
  const england = series.get(ENGLAND.code) ?? [];
  return (area, period) => {
    const own = seriesOf(area.code, area.type);
    if (own.length === 0) return null;
    const end = period === null ? own.length - 1 : own.findIndex((p) => p.period === period);
    if (end < 0) return null;
    const benchmark = area.code === LONDON.code ? (england.length > 0 ? { label: ENGLAND.name, series: england } : null) : london.length > 0 ? { label: LONDON.name, series: london } : null;
    return seriesStatus({ indicator, area, series: own, benchmark, end });
  };
}

/** The areas of a scope's levels that its caller may see, in level then code order. */
function scopeAreas(release: OpenRelease, scope: StatusScope, caller: Caller): DirectoryArea[] {
  const within = scope.kind === 'ics' ? scope.icb : null;
  return SCOPE_LEVELS[scope.kind].flatMap((type) => release.areas.list(type)).filter((a) => (within === null || a.code === within || a.ancestors.includes(within)) && canSeeArea(caller, a));
}

/**
 * An area's series, where a period has no row of its own summed from its children's rows of that
 * period by the one roll-up rule (`rollUpChildren`), as `countsByArea` does for the values answer.
 */
function rolledUpSeries(release: OpenRelease, series: ReadonlyMap<string, readonly SeriesPoint[]>): (code: string, type: AreaType) => readonly SeriesPoint[] {
  const periods = [...new Set([...series.values()].flatMap((s) => s.map((p) => p.period)))].sort((a, b) => parsePeriod(a).start.localeCompare(parsePeriod(b).start) || a.localeCompare(b));
  const memo = new Map<string, readonly SeriesPoint[]>();
  const seriesOf = (code: string, type: AreaType): readonly SeriesPoint[] => {
    const known = memo.get(code);
    if (known) return known;
    const own = series.get(code) ?? [];
    const childType = CHILD_TYPE[type];
    let result: readonly SeriesPoint[] = own;
    if (childType && own.length < periods.length) {
      const children = release.areas.list(childType, code);
      const required = children.filter((c) => !isMergedForPublic(c.code)).map((c) => c.code);
      const childSeries = children.map((c) => ({ code: c.code, byPeriod: new Map(seriesOf(c.code, childType).map((p) => [p.period, p])) }));
      const ownByPeriod = new Map(own.map((p) => [p.period, p]));
      result = periods.flatMap((period): SeriesPoint[] => {
        const mine = ownByPeriod.get(period);
        if (mine) return [mine];
        const rows = childSeries.flatMap((c) => {
          const p = c.byPeriod.get(period);
          return p ? [{ areaCode: c.code, numerator: p.numerator, denominator: p.denominator, suppressed: p.suppressed, valueNote: p.valueNote }] : [];
        });
        const rolled = rollUpChildren(rows, required, childType);
        return rolled ? [{ period, ...rolled }] : [];
      });
    }
    memo.set(code, result);
    return result;
  };
  return seriesOf;
}

/** Most urgent first: severity (act, watch, improving, ok), then people affected (denominator, most first), then area code and indicator id. */
export function rankStatusRows(rows: readonly StatusRow[]): StatusRow[] {
  const rank = (r: StatusRow) => SEVERITIES.indexOf(r.item.severity);
  return [...rows].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (b.item.denominator ?? -1) - (a.item.denominator ?? -1) ||
      byText(a.item.areaCode, b.item.areaCode) ||
      byText(a.item.indicatorId, b.item.indicatorId),
  );
}

/** Code-point order (codes and ISO dates are ASCII), without `localeCompare`'s cost over a release's rows. */
const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
