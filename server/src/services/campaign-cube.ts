import { LONDON, campaignCubeSql, campaignOpens, type Campaign, type CampaignCubeFilter } from '@pathfinder/metrics';
import type { OpenRelease } from '../store/data-store.ts';

/** What fixes a campaign's cube: its definition, nothing of the request. */
export function campaignCube(campaign: Campaign): CampaignCubeFilter {
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
export function campaignCubeTable(release: OpenRelease, campaign: Campaign): Promise<string> {
  const cube = campaignCube(campaign);
  return release.tables.table(`campaign-cube ${JSON.stringify(cube)}`, campaignCubeSql(cube));
}
