import {
  BOROUGHS, CAMPAIGN_BREAKDOWNS, LONDON, MERGED_AREA_NOTE, boroughStart, campaignCoversBorough, campaignIntervals, campaignOpens, campaignProgressSql, discloseCumulativeSeries,
  breakdownKey, isMergedForPublic, lastWeekEnd, parseBreakdownKey, publicAreaOf,
  type Campaign, type CampaignInterval, type CampaignProgressRow, type CumulativeSeries,
} from '@pathfinder/metrics';
import { perReleaseMemo } from '../store/per-release-memo.ts';
import type { OpenRelease } from '../store/data-store.ts';
import { campaignCube, campaignCubeTable } from './campaign-cube.ts';

/** One public row of a campaign: an area (or London and a group) on the public weekly grid, after disclosure control. */
interface PublicCampaignRow {
  readonly areaCode: string;
  /** "deprivation:1", "ethnicity:Asian"…; null for the area's total. */
  readonly group: string | null;
  readonly start: string;
  readonly note: string | null;
  /** Published eligible children; null when hidden. */
  readonly eligible: number | null;
  /** Published running count at the end of each week of the grid; null when hidden. */
  readonly cumulative: readonly (number | null)[];
  /** Start dates of the area's public boroughs weighted by their published eligible children (its trajectory). */
  readonly starts: readonly { readonly start: string; readonly weight: number }[];
}

/** A campaign's public table in one release: every public cell, disclosure-controlled once. */
export interface PublicCampaignTable {
  /** The public weekly grid: weeks end on the campaign's weekday, from its opening to the last week end the campaign and the data allow. */
  readonly weeks: readonly CampaignInterval[];
  /** By `${areaCode}|${group}`. */
  readonly rows: ReadonlyMap<string, PublicCampaignRow>;
}

export const publicRowKey = (areaCode: string, group: string | null) => `${areaCode}|${group}`;

/**
 * A campaign's public table, built once per release (by `prepareCampaignCubes`, or on first use)
 * and shared by every answer, so a public cell has one published value in every answer.
 */
export const publicCampaignTable: (release: OpenRelease, campaign: Campaign) => Promise<PublicCampaignTable> = perReleaseMemo(buildTable);

/** The last week end of the public grid: on the campaign's weekday, on or before its end and the data's as-at date. */
export function lastPublicWeekEnd(release: Pick<OpenRelease, 'manifest'>, campaign: Campaign): string {
  const lastDay = [campaign.end, release.manifest.dataAsAt].sort()[0]!;
  return lastWeekEnd(lastDay, campaign.weekEndsOn);
}

interface Exact {
  eligible: number;
  weekly: number[];
  /** Whether merged areas' counts are in it. */
  merged: boolean;
}

async function buildTable(release: OpenRelease, campaign: Campaign): Promise<PublicCampaignTable> {
  const opens = campaignOpens(campaign);
  const last = lastPublicWeekEnd(release, campaign);
  const weeks = last < opens ? [] : campaignIntervals(opens, last, 7);
  const asOf = weeks.at(-1)?.date ?? opens;
  const cubeTable = await campaignCubeTable(release, campaign);
  const query = (areaLevel: 'borough' | 'region', breakdown: (typeof CAMPAIGN_BREAKDOWNS)[number] | null) =>
    release.runner.all<CampaignProgressRow>(campaignProgressSql({ ...campaignCube(campaign), asOf, areaLevel, areaCodes: null, intervalDays: 7, breakdown }, cubeTable));
  const weekIndex = new Map(weeks.map((w, i) => [w.date, i]));
  const exact = new Map<string, Exact>();
  const add = (key: string, r: CampaignProgressRow, merged = false) => {
    const e = exact.get(key) ?? { eligible: 0, weekly: weeks.map(() => 0), merged: false };
    exact.set(key, e);
    e.eligible += r.children;
    e.merged ||= merged;
    const week = r.interval_end === null ? undefined : weekIndex.get(r.interval_end);
    if (week !== undefined) e.weekly[week]! += r.children;
  };
  const icbOf = new Map(BOROUGHS.map((b) => [b.code, b.parent]));
  for (const r of await query('borough', null)) {
    const borough = publicAreaOf(r.area_code);
    add(publicRowKey(borough, null), r, isMergedForPublic(r.area_code));
    add(publicRowKey(icbOf.get(r.area_code)!, null), r);
    add(publicRowKey(LONDON.code, null), r);
  }
  for (const breakdown of CAMPAIGN_BREAKDOWNS) {
    for (const r of await query('region', breakdown)) add(publicRowKey(LONDON.code, breakdownKey(breakdown, r.group_value ?? 'unknown')), r);
  }

  const series: (CumulativeSeries & { areaCode: string; group: string | null; merged: boolean })[] = [...exact].map(([key, e]) => {
    const [areaCode, groupText] = key.split('|') as [string, string];
    const group = groupText === 'null' ? null : groupText;
    const icb = icbOf.get(areaCode);
    const families = group !== null ? [null, `${areaCode} ${parseBreakdownKey(group)?.dimension}`] : icb ? [icb, null] : areaCode === LONDON.code ? [null, null] : [LONDON.code, null];
    let running = 0;
    return { id: key, areaCode, group, merged: e.merged, families, total: e.eligible, cumulative: e.weekly.map((n) => (running += n)) };
  });
  const published = new Map(discloseCumulativeSeries(series).map((p) => [p.id, p]));

  // Trajectories weight start dates by published eligible only: exact weights would give away the exact shares.
  const boroughStarts = BOROUGHS.filter((b) => !isMergedForPublic(b.code) && exact.has(publicRowKey(b.code, null)))
    .map((b) => ({ icb: b.parent, start: boroughStart(campaign, b.code), weight: published.get(publicRowKey(b.code, null))!.total ?? 0 }));
  const startsOf = (areaCode: string) => {
    const icb = icbOf.get(areaCode);
    if (icb) return [{ start: boroughStart(campaign, areaCode), weight: published.get(publicRowKey(areaCode, null))!.total ?? 0 }];
    return boroughStarts.filter((b) => areaCode === LONDON.code || b.icb === areaCode).map(({ start, weight }) => ({ start, weight }));
  };
  const rows = new Map<string, PublicCampaignRow>();
  for (const s of series) {
    const starts = startsOf(s.areaCode);
    const p = published.get(s.id)!;
    const start = starts.map((x) => x.start).sort()[0] ?? (icbOf.has(s.areaCode) && campaignCoversBorough(campaign, s.areaCode) ? boroughStart(campaign, s.areaCode) : opens);
    rows.set(s.id, { areaCode: s.areaCode, group: s.group, start, note: s.merged ? MERGED_AREA_NOTE : null, eligible: p.total, cumulative: p.cumulative, starts });
  }
  return { weeks, rows };
}
