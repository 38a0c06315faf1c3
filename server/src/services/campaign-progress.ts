import {
  BOROUGHS, LONDON, boroughStart, breakdownGroupLabel, breakdownKey, compareBreakdownGroups, campaignCoversBorough, campaignIntervals, campaignMeasures, campaignOpens, campaignProgressSql, isMergedForPublic, lastWeekEnd,
  type campaignProgressQuerySchema, publicCampaignMeasures,
  type Campaign, type CampaignBreakdown, type CampaignInterval, type CampaignProgress, type CampaignProgressRow, type CampaignAreaProgress,
} from '@pathfinder/metrics';
import { seesUnrounded } from '../auth/caller.ts';
import { ApiError } from '../http/api-error.ts';
import type { DirectoryArea } from '../store/area-directory.ts';
import type { OpenRelease } from '../store/data-store.ts';
import { visibleLevelAreas } from './area-access.ts';
import { requireEventData } from './event-data.ts';
import { groupBy } from './group-by.ts';
import { mapInSlices } from './map-in-slices.ts';
import type { ServiceAnswer, ServiceContext, ServiceInput } from './service-context.ts';
import { campaignCube, campaignCubeTable } from './campaign-cube.ts';
import { lastPublicWeekEnd, publicCampaignTable, publicRowKey, type PublicCampaignTable } from './public-campaign-table.ts';
import { disclosureApplied } from './value-rows.ts';
import { releaseCampaigns } from './release-campaigns.ts';

/** A progress request as the route validated it (`campaignProgressQuerySchema`), less the answer's format. */
export type CampaignProgressRequest = ServiceInput<typeof campaignProgressQuerySchema>;

const INTERVAL_DAYS = { week: 7, day: 1 } as const;

/**
 * Builds the cube and the public table of every campaign of a release before it serves, so no
 * progress request scans the events, not even the first after a release switch, and every public
 * answer reads one disclosure-controlled table. A campaign added later builds on first use.
 */
export async function prepareCampaignCubes(release: OpenRelease): Promise<void> {
  if (!release.hasEvents) return;
  for (const campaign of await releaseCampaigns(release)) {
    await campaignCubeTable(release, campaign);
    await publicCampaignTable(release, campaign);
  }
}

/**
 * Progress of a campaign in every visible area of a level on `asOf`: eligible, vaccinated, uptake,
 * trajectory, gap, run rates and the series. Areas the caller sees unrounded are computed from
 * event data grouped in DuckDB. Every other row is read from the campaign's public table
 * (`publicCampaignTable`): disclosure-controlled once per release on a fixed weekly grid, with
 * everything derived from its published counts. An answer with any such row uses that grid, so
 * `asOf` snaps back to its last week end. Daily intervals, and a breakdown below London, would
 * publish cells the public table does not have: they answer only areas the caller sees unrounded,
 * and 401/403 when there are none. With a breakdown, one row per area and group.
 */
export async function campaignProgress(ctx: ServiceContext, campaign: Campaign, req: CampaignProgressRequest): Promise<ServiceAnswer<CampaignProgress>> {
  requireEventData(ctx, `progress of campaign ${campaign.id}`);
  const opens = campaignOpens(campaign);
  const visible = visibleLevelAreas(ctx, req.areaType, req.parent);
  const detail = req.interval === 'day' || (req.breakdown !== undefined && req.areaType !== 'region');
  const exactAreas = visible.filter((a) => seesUnrounded(ctx.caller, a) && inCampaign(campaign, a));
  if (detail && visible.length > 0 && exactAreas.length === 0) throw forbiddenDetail(ctx, req);
  const controlled = detail ? [] : visible.filter((a) => !seesUnrounded(ctx.caller, a) && !isMergedForPublic(a.code));
  const table = controlled.length === 0 ? null : await publicCampaignTable(ctx.release, campaign);
  const publicAreas = table ? controlled.filter((a) => table.rows.has(publicRowKey(a.code, null))) : [];
  const asOf = table ? publicAsOf(ctx, campaign, opens, req.asOf) : resolveAsOf(ctx, campaign, opens, req.asOf);
  ctx.returned?.(req.areaType);
  const intervalDays = table ? 7 : INTERVAL_DAYS[req.interval];
  const intervals = campaignIntervals(opens, asOf, intervalDays);
  const exactRows = await exactProgressRows(ctx, campaign, exactAreas, { ...req, asOf, intervalDays, intervals, opens });
  const publicRows = table ? publicProgressRows(campaign, table, publicAreas, req.breakdown, intervals.length, asOf) : [];
  const byArea = groupBy([...exactRows, ...publicRows], (row) => row.areaCode);
  const areas = visible.filter((a) => byArea.has(a.code));
  return {
    campaign: { id: campaign.id, name: campaign.name, vaccine: campaign.vaccine, dose: campaign.dose, opens, start: campaign.start, end: campaign.end, weekEndsOn: campaign.weekEndsOn, target: campaign.target },
    areaType: req.areaType,
    parent: req.parent ?? null,
    interval: table ? 'week' : req.interval,
    asOf,
    breakdown: req.breakdown ?? null,
    rows: areas.flatMap((a) => byArea.get(a.code)!.sort((x, y) => (x.group === null ? -1 : y.group === null ? 1 : compareBreakdownGroups(x.group, y.group)))),
    disclosure: disclosureApplied(ctx, areas.map((a) => a.code)),
  };
}

function forbiddenDetail(ctx: ServiceContext, req: CampaignProgressRequest): ApiError {
  const what = req.interval === 'day' ? 'Daily campaign progress' : `Campaign progress by ${req.breakdown} below London`;
  return new ApiError(ctx.caller.role === 'public' ? 401 : 403, 'forbidden_detail',
    `${what} needs a token that sees the areas' exact counts (ics for its own ICB, region, admin): published counts are weekly, and by group for London only`);
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

/** `asOf` on the public weekly grid: the last week end on or before the requested (or default) date. */
function publicAsOf(ctx: ServiceContext, campaign: Campaign, opens: string, requested: string | undefined): string {
  const asOf = lastWeekEnd(resolveAsOf(ctx, campaign, opens, requested), campaign.weekEndsOn);
  if (asOf < opens) {
    const first = lastPublicWeekEnd(ctx.release, campaign);
    throw new ApiError(422, 'campaign_not_started', `campaign ${campaign.id} has no published week ending by ${requested ?? 'the end of its data'}: published weeks end on a ${campaign.weekEndsOn}, the first after the opening (${opens})${first < opens ? ', after the data ends' : ''}`);
  }
  return asOf;
}

/** Whether any of an area's children can be eligible: the campaign runs in (part of) it. */
function inCampaign(campaign: Campaign, area: DirectoryArea): boolean {
  if (campaign.areas === LONDON.code || area.type === 'region') return true;
  if (area.type === 'icb') return BOROUGHS.some((b) => b.parent === area.code && campaignCoversBorough(campaign, b.code));
  return area.boroughCode !== null && campaignCoversBorough(campaign, area.boroughCode);
}

function rowBase(area: { code: string; name: string; type: DirectoryArea['type']; parent: string | null }, group: string | null, note: string | null, start: string) {
  return { areaCode: area.code, areaName: area.name, areaType: area.type, parentCode: area.parent, group, groupLabel: group === null ? null : breakdownGroupLabel(group), note, start };
}

/** Rows of areas the caller sees unrounded: exact counts from the campaign's cube, on the answer's intervals. */
async function exactProgressRows(ctx: ServiceContext, campaign: Campaign, areas: readonly DirectoryArea[], req: CampaignProgressRequest & { asOf: string; intervalDays: number; intervals: readonly CampaignInterval[]; opens: string }): Promise<CampaignAreaProgress[]> {
  if (areas.length === 0) return [];
  const raw = await ctx.release.runner.all<CampaignProgressRow>(campaignProgressSql({
    ...campaignCube(campaign),
    asOf: req.asOf,
    areaLevel: req.areaType,
    areaCodes: areas.map((a) => a.code),
    intervalDays: req.intervalDays,
    breakdown: req.breakdown ?? null,
  }, await campaignCubeTable(ctx.release, campaign)));
  const groupOf = (r: CampaignProgressRow) => (req.breakdown ? breakdownKey(req.breakdown, r.group_value ?? 'unknown') : null);
  const cells = groupBy(raw, (r) => `${r.area_code}|${groupOf(r)}`);
  const groups = req.breakdown ? [...new Set(raw.map(groupOf) as string[])].sort(compareBreakdownGroups) : [null];
  const cellsOfArea = await mapInSlices(areas, (area) => groups.map((group) => {
    const rows = cells.get(`${area.code}|${group}`) ?? [];
    const eligible = new Map<string, number>();
    const firstDoses = new Map<string, number>();
    for (const r of rows) {
      eligible.set(r.start_date, (eligible.get(r.start_date) ?? 0) + r.children);
      if (r.interval_end !== null) firstDoses.set(r.interval_end, (firstDoses.get(r.interval_end) ?? 0) + r.children);
    }
    const eligibleByStart = [...eligible].map(([start, n]) => ({ start, eligible: n })).sort((a, b) => a.start.localeCompare(b.start));
    const eligibleChildren = eligibleByStart.reduce((sum, g) => sum + g.eligible, 0);
    // One object per point, built once: a region's daily answer by group has about 20,000.
    let cumulative = 0;
    const series = req.intervals.map(({ from, date }) => {
      const doses = firstDoses.get(date) ?? 0;
      cumulative += doses;
      return { from, date, doses, cumulative, uptake: eligibleChildren > 0 ? (100 * cumulative) / eligibleChildren : null, suppressed: false };
    });
    const start = eligibleByStart[0]?.start ?? (area.boroughCode ? boroughStart(campaign, area.boroughCode) : req.opens);
    const measures = campaignMeasures({ eligibleByStart, series, asOf: req.asOf, target: campaign.target });
    return { ...rowBase(area, group, null, start), ...measures, suppressed: false, series };
  }));
  return cellsOfArea.flat();
}

/** Rows read from the public table: the first `weeks` weeks of its grid, and measures from its published counts. */
function publicProgressRows(campaign: Campaign, table: PublicCampaignTable, areas: readonly DirectoryArea[], breakdown: CampaignBreakdown | undefined, weeks: number, asOf: string): CampaignAreaProgress[] {
  return areas.flatMap((area) => {
    const rows = [...table.rows.values()].filter((r) => r.areaCode === area.code && (breakdown ? r.group?.startsWith(`${breakdown}:`) : r.group === null));
    return rows.map((row) => {
      const { measures, series } = publicCampaignMeasures({
        eligible: row.eligible,
        series: table.weeks.slice(0, weeks).map((w, i) => ({ ...w, cumulative: row.cumulative[i]! })),
        starts: row.starts,
        asOf,
        target: campaign.target,
      });
      return { ...rowBase(area, row.group, row.note, row.start), ...measures, suppressed: measures.eligible === null || measures.vaccinated === null, series };
    });
  });
}
