import { parseIsoDate } from '../periods/calendar-days.ts';

export interface ProjectionInput {
  readonly eligible: number | null;
  readonly vaccinated: number | null;
  /** Children a week over the last two intervals (`CampaignMeasures.currentRatePerWeek`); null counts as none. */
  readonly currentRatePerWeek: number | null;
  readonly asOf: string;
  readonly target: { readonly uptake: number; readonly by: string };
}

/** Where an area would stand on the target date if it kept its current rate. */
export interface TargetProjection {
  /** % of eligible children vaccinated on the target date at the current rate (at most 100). */
  readonly projectedUptake: number;
  /** Children short of the target on its date at the current rate (0 when it is met). */
  readonly projectedShortfall: number;
  /** Whether the area misses the target date at its current rate. */
  readonly misses: boolean;
}

const DAYS_PER_WEEK = 7;

/**
 * Whether an area reaches the target by its date if it keeps its current rate: the vaccinated
 * count plus the daily rate times the days from `asOf` to the target date (none once it has passed),
 * against ⌈target × eligible / 100⌉ children, as `campaignMeasures` counts the gap. An area can be
 * ahead of its straight-line trajectory today and still miss (its rate has slowed), so this is what
 * tells a lead who will miss when nobody is behind yet. It misses exactly when `projectedDate` falls
 * after the target date. Null when the counts are hidden or there are no eligible children.
 * @example
 * projectTarget({ eligible: 1000, vaccinated: 70, currentRatePerWeek: 14, asOf: '2022-09-25', target: { uptake: 50, by: '2023-03-31' } })
 * // 187 days left at 2 a day: 70 + 374 = 444 of the 500 needed
 * // { projectedUptake: 44.4, projectedShortfall: 56, misses: true }
 */
export function projectTarget(input: ProjectionInput): TargetProjection | null {
  const { eligible, vaccinated } = input;
  if (eligible === null || vaccinated === null || eligible <= 0) return null;
  const daysLeft = Math.max(0, parseIsoDate(input.target.by) - parseIsoDate(input.asOf));
  const dailyRate = Math.max(0, input.currentRatePerWeek ?? 0) / DAYS_PER_WEEK;
  const projected = Math.min(eligible, vaccinated + dailyRate * daysLeft);
  const targetChildren = Math.ceil((input.target.uptake * eligible) / 100);
  const projectedShortfall = Math.max(0, Math.ceil(targetChildren - projected - 1e-9));
  return { projectedUptake: (100 * projected) / eligible, projectedShortfall, misses: projectedShortfall > 0 };
}
