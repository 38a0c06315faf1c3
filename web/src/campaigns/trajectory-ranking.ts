import { projectTarget, type TargetProjection } from '@pathfinder/metrics';
import type { CampaignProgressRow } from '../api/api-types.ts';

type RankedFields = Pick<CampaignProgressRow, 'areaName' | 'uptake' | 'trajectory' | 'eligible' | 'vaccinated' | 'currentRatePerWeek' | 'behindTrajectory'>;

export interface TrajectoryRank<R> {
  readonly row: R;
  /** Uptake minus the trajectory, in percentage points: below 0 behind it. Null when hidden. */
  readonly margin: number | null;
  /** Where the area stands on the target date at its current rate; null when hidden. */
  readonly projection: TargetProjection | null;
}

/**
 * Every area ordered by its margin to the trajectory, furthest behind first, ties by name, hidden
 * figures last, each with its projection to the target date, so the list shows even when nobody is
 * behind, and says who is ahead today but will miss the target date at the current rate.
 * @example rankByTrajectoryMargin(boroughs.rows, { asOf: boroughs.asOf, target })[0].row.areaName // the borough furthest behind
 */
export function rankByTrajectoryMargin<R extends RankedFields>(rows: readonly R[], at: { readonly asOf: string; readonly target: { readonly uptake: number; readonly by: string } }): TrajectoryRank<R>[] {
  return rows
    .map((row) => ({
      row,
      margin: row.uptake === null || row.trajectory === null ? null : row.uptake - row.trajectory,
      projection: projectTarget({ ...row, asOf: at.asOf, target: at.target }),
    }))
    .sort((a, b) => (a.margin ?? Number.POSITIVE_INFINITY) - (b.margin ?? Number.POSITIVE_INFINITY) || a.row.areaName.localeCompare(b.row.areaName));
}

/** The areas behind their trajectory today, and those ahead of it that miss the target date at their current rate. */
export function trajectoryCounts<R extends RankedFields>(ranked: readonly TrajectoryRank<R>[]): { behind: TrajectoryRank<R>[]; aheadButMissing: TrajectoryRank<R>[] } {
  return {
    behind: ranked.filter((r) => r.row.behindTrajectory === true),
    aheadButMissing: ranked.filter((r) => r.row.behindTrajectory === false && r.projection?.misses === true),
  };
}
