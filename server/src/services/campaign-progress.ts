import {
  BOROUGHS, LONDON, applyDisclosureAcross, boroughStart, campaignCoversBorough, campaignCubeSql, campaignIntervals, campaignMeasures, campaignOpens, campaignProgressSql,
  publishedCampaignMeasures, recentDays, suppressCount,
  type Campaign, type CampaignBreakdown, type CampaignCubeFilter, type CampaignInterval, type CampaignMeasures, type CampaignProgress, type CampaignProgressRow, type CampaignAreaProgress, type EventAreaLevel,
} from '@pathfinder/metrics';
import { seesUnrounded } from '../auth/caller.ts';
import { ApiError } from '../http/api-error.ts';
import type { DirectoryArea } from '../store/area-directory.ts';
import type { OpenRelease } from '../store/duckdb-store.ts';
import { visibleLevelAreas } from './area-access.ts';
import { requireEventData } from './event-data.ts';
import type { ServiceContext } from './service-context.ts';
import { campaignGroupLabel, campaignGroupOrder } from './campaign-groups.ts';
import { disclosureApplied } from './value-rows.ts';
import { releaseCampaigns } from './release-campaigns.ts';

export interface CampaignProgressRequest {
  readonly areaType: EventAreaLevel;
  readonly parent?: string | undefined;
  readonly interval: 'week' | 'day';
  readonly asOf?: string | undefined;
  readonly breakdown?: CampaignBreakdown | undefined;
}

interface ExactProgress {
  readonly area: DirectoryArea;
  /** "deprivation:1", "ethnicity:Asian"…; null without a breakdown. */
  readonly group: string | null;
  readonly start: string;
  readonly measures: CampaignMeasures;
  readonly series: readonly (CampaignInterval & { doses: number; cumulative: number })[];
}

const INTERVAL_DAYS = { week: 7, day: 1 } as const;

/** What fixes a campaign's cube: its definition, nothing of the request. */
function campaignCube(campaign: Campaign): CampaignCubeFilter {
  return {
    vaccine: campaign.vaccine,
    dose: campaign.dose,
    bornFrom: campaign.eligible.bornFrom,
    bornTo: campaign.eligible.bornTo,
    unvaccinatedAtStart: campaign.unvaccinatedAtStart,
    opens: campaignOpens(campaign),
    boroughs: typeof campaign.areas === 'string' ? null : campaign.areas,
    priorityStarts: campaign.priorityAreas,
    start: campaign.start,
    regionCode: LONDON.code,
  };
}

/** The table of a campaign's cube in a release, made on first use (or by `prepareCampaignCubes`). */
function campaignCubeTable(release: OpenRelease, campaign: Campaign): Promise<string> {
  const cube = campaignCube(campaign);
  return release.tables.table(`campaign-cube ${JSON.stringify(cube)}`, campaignCubeSql(cube));
}

/**
 * Builds the cube of every campaign of a release before it serves, so no progress request scans
 * the events, not even the first after a release switch. A campaign added later builds on first use.
 */
export async function prepareCampaignCubes(release: OpenRelease): Promise<void> {
  if (!release.hasEvents) return;
  for (const campaign of await releaseCampaigns(release)) await campaignCubeTable(release, campaign);
}

/**
 * Progress of a campaign in every visible area of a level on `asOf`: eligible, vaccinated, uptake,
 * trajectory, gap, run rates and the series, from event data grouped in DuckDB. Counts of areas
 * the caller may not see unrounded go through disclosure control (per interval for the series), and
 * everything derived from them is recomputed from the published counts. With a breakdown, one row
 * per area and group (every group found in any of the areas, in a fixed order).
 */
export async function campaignProgress(ctx: ServiceContext, campaign: Campaign, req: CampaignProgressRequest): Promise<Omit<CampaignProgress, 'meta'> & { disclosure: 'none' | 'suppressed-and-rounded' }> {
  requireEventData(ctx, `progress of campaign ${campaign.id}`);
  const opens = campaignOpens(campaign);
  const asOf = resolveAsOf(ctx, campaign, opens, req.asOf);
  const areas = visibleLevelAreas(ctx, req.areaType, req.parent).filter((a) => inCampaign(campaign, a));
  ctx.returned?.(req.areaType);
  const intervals = campaignIntervals(opens, asOf, INTERVAL_DAYS[req.interval]);
  const raw = areas.length === 0 ? [] : await ctx.release.runner.all<CampaignProgressRow>(campaignProgressSql({
    ...campaignCube(campaign),
    asOf,
    areaLevel: req.areaType,
    areaCodes: areas.map((a) => a.code),
    intervalDays: INTERVAL_DAYS[req.interval],
    breakdown: req.breakdown ?? null,
  }, await campaignCubeTable(ctx.release, campaign)));
  const groupOf = (r: CampaignProgressRow) => (req.breakdown ? `${req.breakdown}:${r.group_value ?? 'unknown'}` : null);
  const cells = new Map<string, CampaignProgressRow[]>();
  for (const r of raw) {
    const key = `${r.area_code}|${groupOf(r)}`;
    const list = cells.get(key);
    if (list) list.push(r);
    else cells.set(key, [r]);
  }
  const groups = req.breakdown ? [...new Set(raw.map(groupOf) as string[])].sort(campaignGroupOrder) : [null];
  const exact = areas.flatMap((area) => groups.map((group) => exactProgress(campaign, area, group, cells.get(`${area.code}|${group}`) ?? [], intervals, asOf, opens)));
  return {
    campaign: { id: campaign.id, name: campaign.name, vaccine: campaign.vaccine, dose: campaign.dose, opens, start: campaign.start, end: campaign.end, target: campaign.target },
    areaType: req.areaType,
    parent: req.parent ?? null,
    interval: req.interval,
    asOf,
    breakdown: req.breakdown ?? null,
    rows: published(ctx, exact, intervals, asOf, campaign.target.by),
    disclosure: disclosureApplied(ctx, areas.map((a) => a.code)),
  };
}

function resolveAsOf(ctx: ServiceContext, campaign: Campaign, opens: string, requested: string | undefined): string {
  const dataAsAt = ctx.release.manifest.dataAsAt;
  const bad = (why: string) => new ApiError(400, 'invalid_parameter', `invalid parameter asOf: ${requested} is ${why}`);
  if (requested !== undefined) {
    if (requested < opens) throw bad(`before campaign ${campaign.id} opens (${opens})`);
    if (requested > campaign.end) throw bad(`after campaign ${campaign.id} ends (${campaign.end})`);
    if (requested > dataAsAt) throw bad(`after the data in release ${ctx.release.manifest.id} ends (${dataAsAt})`);
    return requested;
  }
  const asOf = campaign.end < dataAsAt ? campaign.end : dataAsAt;
  if (asOf < opens) throw new ApiError(422, 'campaign_not_started', `campaign ${campaign.id} opens on ${opens}, after the data in release ${ctx.release.manifest.id} ends (${dataAsAt})`);
  return asOf;
}

/** Whether any of an area's children can be eligible: the campaign runs in (part of) it. */
function inCampaign(campaign: Campaign, area: DirectoryArea): boolean {
  if (campaign.areas === LONDON.code || area.type === 'region') return true;
  if (area.type === 'icb') return BOROUGHS.some((b) => b.parent === area.code && campaignCoversBorough(campaign, b.code));
  return area.boroughCode !== null && campaignCoversBorough(campaign, area.boroughCode);
}

function exactProgress(campaign: Campaign, area: DirectoryArea, group: string | null, rows: readonly CampaignProgressRow[], intervals: readonly CampaignInterval[], asOf: string, opens: string): ExactProgress {
  const eligible = new Map<string, number>();
  const firstDoses = new Map<string, number>();
  for (const r of rows) {
    eligible.set(r.start_date, (eligible.get(r.start_date) ?? 0) + r.children);
    if (r.interval_end !== null) firstDoses.set(r.interval_end, (firstDoses.get(r.interval_end) ?? 0) + r.children);
  }
  let cumulative = 0;
  const series = intervals.map((interval) => {
    const doses = firstDoses.get(interval.date) ?? 0;
    cumulative += doses;
    return { ...interval, doses, cumulative };
  });
  const eligibleByStart = [...eligible].map(([start, n]) => ({ start, eligible: n })).sort((a, b) => a.start.localeCompare(b.start));
  const start = eligibleByStart[0]?.start ?? (area.boroughCode ? boroughStart(campaign, area.boroughCode) : opens);
  return { area, group, start, series, measures: campaignMeasures({ eligibleByStart, series, asOf, target: campaign.target }) };
}

/**
 * The rows as the caller may see them: exact for entitled callers, disclosure-controlled otherwise.
 * Siblings' counts add up to their parent's (per interval too, for the series); with a breakdown,
 * an area's groups also add up to the area's published total, so both directions are protected.
 */
function published(ctx: ServiceContext, exact: readonly ExactProgress[], intervals: readonly CampaignInterval[], asOf: string, targetBy: string): CampaignAreaProgress[] {
  const controlled = exact.filter((e) => !seesUnrounded(ctx.caller, e.area));
  const cellKey = (e: ExactProgress) => (e.group === null ? e.area.code : `${e.area.code}|${e.group}`);
  const directions = (suffix: string) => [
    (c: { e: ExactProgress }) => (c.e.area.parent === null ? null : `${c.e.area.parent}|${c.e.group}${suffix}`),
    ...(exact.some((e) => e.group !== null) ? [(c: { e: ExactProgress }) => `${c.e.area.code}${suffix}`] : []),
  ];
  const disclose = (cells: { e: ExactProgress; numerator: number; denominator: number }[], suffix: string) =>
    new Map(applyDisclosureAcross(cells.map((c) => ({ ...c, areaCode: cellKey(c.e), parentCode: null })), directions(suffix)).map((r) => [r.areaCode, r]));
  const totals = disclose(controlled.map((e) => ({ e, numerator: e.measures.vaccinated, denominator: e.measures.eligible })), '');
  const points = intervals.map((interval, i) => disclose(controlled.map((e) => ({ e, numerator: e.series[i]!.doses, denominator: e.series[i]!.cumulative })), `|${interval.date}`));
  return exact.map((e) => {
    const base = { areaCode: e.area.code, areaName: e.area.name, areaType: e.area.type, parentCode: e.area.parent, group: e.group, groupLabel: e.group === null ? null : campaignGroupLabel(e.group), start: e.start };
    const uptakeOf = (cumulative: number) => (e.measures.eligible > 0 ? (100 * cumulative) / e.measures.eligible : null);
    const total = totals.get(cellKey(e));
    if (!total) {
      return { ...base, ...e.measures, suppressed: false, series: e.series.map((p) => ({ ...p, uptake: uptakeOf(p.cumulative), suppressed: false })) };
    }
    const rowHidden = total.disclosure === 'suppressed';
    const series = e.series.map((p, i) => {
      const shown = points[i]!.get(cellKey(e))!;
      const hidden = rowHidden || shown.disclosure === 'suppressed';
      return { from: p.from, date: p.date, doses: shown.numerator, cumulative: shown.denominator, uptake: hidden ? null : uptakeOf(p.cumulative), suppressed: hidden };
    });
    const shownCount = (n: number | null) => (n === null ? null : suppressCount(n).shown);
    const measures = publishedCampaignMeasures(e.measures, {
      eligible: total.denominator,
      vaccinated: total.numerator,
      dosesLatest: series.at(-1)?.doses ?? 0,
      dosesPrevious: series.length > 1 ? series.at(-2)!.doses : 0,
      behindBy: shownCount(e.measures.behindBy),
      gapToTarget: shownCount(e.measures.gapToTarget),
      recentDays: recentDays(e.series),
      asOf,
      targetBy,
    });
    return { ...base, ...measures, suppressed: rowHidden, series };
  });
}
