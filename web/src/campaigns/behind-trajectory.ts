import type { CampaignProgressRow } from '../api/api-types.ts';

/**
 * Areas behind their trajectory, furthest behind (in children) first, ties by name; areas whose
 * shortfall disclosure control hides come last.
 * @example behindTrajectory(boroughs).slice(0, 3) // the three boroughs furthest behind
 */
export function behindTrajectory<R extends Pick<CampaignProgressRow, 'areaName' | 'behindTrajectory' | 'behindBy'>>(rows: readonly R[]): R[] {
  return rows
    .filter((r) => r.behindTrajectory === true)
    .sort((a, b) => (b.behindBy ?? -1) - (a.behindBy ?? -1) || a.areaName.localeCompare(b.areaName));
}
