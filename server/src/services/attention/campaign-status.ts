import { attentionLink, attentionStatus, type AttentionItem, type Campaign, type CampaignProgress, type StatusInputs } from '@pathfinder/metrics';
import type { Caller } from '../../auth/caller.ts';
import { ApiError } from '../../http/api-error.ts';
import type { DirectoryArea } from '../../store/area-directory.ts';
import type { OpenRelease } from '../../store/data-store.ts';
import { campaignProgress } from '../campaign-progress.ts';
import { releaseCampaigns } from '../release-campaigns.ts';
import type { StatusRow } from './status-scope.ts';

const SPARKLINE_POINTS = 12;

/**
 * A status per borough of the scope for every campaign running at the release's data date (it has
 * started and not ended), from the campaign progress answer the caller's role gets (exact counts
 * where it sees them, the campaign's public table elsewhere): behind its trajectory, and by how
 * many children. A release without event data has none.
 * @param boroughs the scope's boroughs, the only ones given a status
 */
export async function campaignStatusRows(release: OpenRelease, caller: Caller, boroughs: readonly DirectoryArea[]): Promise<StatusRow[]> {
  if (!release.hasEvents || boroughs.length === 0) return [];
  const asAt = release.manifest.dataAsAt;
  const inScope = new Map(boroughs.map((b) => [b.code, b]));
  const out: StatusRow[] = [];
  for (const campaign of await releaseCampaigns(release)) {
    if (campaign.start > asAt || asAt > campaign.end) continue;
    let progress: Awaited<ReturnType<typeof campaignProgress>>;
    try {
      progress = await campaignProgress({ release, caller }, campaign, { areaType: 'borough', interval: 'week' });
    } catch (error) {
      // Opened after its data: no week of it to judge yet.
      if (error instanceof ApiError && error.code === 'campaign_not_started') continue;
      throw error;
    }
    for (const row of progress.rows) {
      const area = inScope.get(row.areaCode);
      if (area) out.push({ item: campaignItem(campaign, area, progress.asOf, row), area, indicator: null });
    }
  }
  return out;
}

function campaignItem(campaign: Campaign, area: DirectoryArea, asOf: string, row: CampaignProgress['rows'][number]): AttentionItem {
  const inputs: StatusInputs = {
    indicator: { id: campaign.id, shortName: campaign.name, unit: '%', polarity: 'higher-better', frequency: 'weekly' },
    area: { code: area.code, name: area.name, type: area.type },
    period: asOf,
    value: row.uptake,
    denominator: row.eligible,
    benchmark: null,
    recentTrend: 'cannot-be-calculated',
    spc: null,
    assurance: null,
    target: null,
    targetRag: null,
    valueNote: row.note,
    // The public table leaves out a shortfall too small to publish (behindBy null): the signal needs the number, so it is not raised.
    campaign: { behindTrajectory: row.behindBy === null ? null : row.behindTrajectory, behindBy: row.behindBy },
  };
  const status = attentionStatus(inputs);
  return {
    areaCode: area.code,
    areaName: area.name,
    areaType: area.type,
    indicatorId: campaign.id,
    kind: 'campaign',
    indicatorName: campaign.name,
    domain: 'immunisation',
    period: asOf,
    severity: status.severity,
    signals: status.signals.map((s) => ({ ...s })),
    summary: status.summary,
    value: row.uptake,
    unit: '%',
    denominator: row.eligible,
    benchmark: null,
    variation: null,
    assurance: null,
    recentTrend: 'cannot-be-calculated',
    sparkline: row.series.slice(-SPARKLINE_POINTS).map((p) => ({ period: p.date, value: p.uptake })),
    link: attentionLink({ kind: 'campaign', indicatorId: campaign.id, areaCode: area.code, areaType: area.type, period: asOf, signal: status.signals[0]?.rule ?? null, release: null }),
  };
}
