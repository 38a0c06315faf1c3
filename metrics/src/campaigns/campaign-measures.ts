import { isoDateOf, parseIsoDate } from '../periods/calendar-days.ts';
import { trajectoryUptake } from './campaign-trajectory.ts';

/** One interval of an area's campaign series: children first vaccinated in it, and the running total. */
export interface CampaignSeriesCounts {
  readonly from: string;
  readonly date: string;
  readonly doses: number;
  readonly cumulative: number;
}

export interface CampaignMeasuresInput {
  /** Eligible children by the start date that applies to them (one entry for an area inside one borough). */
  readonly eligibleByStart: readonly { readonly start: string; readonly eligible: number }[];
  /** The area's series up to `asOf`, oldest first (see `campaignIntervals`). */
  readonly series: readonly CampaignSeriesCounts[];
  readonly asOf: string;
  readonly target: { readonly uptake: number; readonly by: string };
}

/** Where an area stands in a campaign on `asOf`. Counts are children; rates children per week. */
export interface CampaignMeasures {
  readonly eligible: number;
  readonly vaccinated: number;
  /** % of eligible children vaccinated; null with no eligible children. */
  readonly uptake: number | null;
  readonly dosesLatest: number;
  readonly dosesPrevious: number;
  /** % the trajectory expects on `asOf`; eligible-weighted across start dates. Null with no eligible children. */
  readonly trajectory: number | null;
  readonly behindTrajectory: boolean | null;
  /** Children short of the trajectory (0 when on or ahead of it). */
  readonly behindBy: number | null;
  /** Children still to vaccinate to reach the target (0 once reached). */
  readonly gapToTarget: number | null;
  /** Children a week needed from `asOf` to reach the target on its date; null once the date has passed short of it. */
  readonly runRateNeededPerWeek: number | null;
  /** Children a week over the last two intervals. */
  readonly currentRatePerWeek: number | null;
  /** When the target is reached at the current rate (or was reached); null if never. */
  readonly projectedDate: string | null;
}

const DAYS_PER_WEEK = 7;

/**
 * Campaign progress of one area from its eligible count and series:
 * - trajectory: straight line from 0% on the area's start to the target on its date
 *   (`trajectoryUptake`), weighted by eligible children when the area has several start dates;
 * - behind by: children needed to be on the trajectory, ⌈trajectory × eligible / 100⌉ − vaccinated, at least 0;
 * - gap to target: ⌈target × eligible / 100⌉ − vaccinated, at least 0;
 * - run rate needed: the gap over the weeks left to the target date;
 * - current rate: children vaccinated in the last two intervals over the days they span (one interval
 *   when there is only one), per week;
 * - projected date: `asOf` plus ⌈gap / daily rate⌉ days; null at a rate of 0; when the target is
 *   already reached, the end of the first interval in which it was.
 * @example
 * campaignMeasures({
 *   eligibleByStart: [{ start: '2022-09-12', eligible: 1000 }],
 *   series: [{ from: '2022-09-12', date: '2022-09-18', doses: 30, cumulative: 30 }, { from: '2022-09-19', date: '2022-09-25', doses: 40, cumulative: 70 }],
 *   asOf: '2022-09-25', target: { uptake: 50, by: '2023-03-31' },
 * })
 * // { eligible: 1000, vaccinated: 70, uptake: 7, trajectory: 50 × 13 / 200 = 3.25, behindBy: 0, gapToTarget: 430,
 * //   runRateNeededPerWeek: 430 / (187 / 7) ≈ 16.1, currentRatePerWeek: 35, projectedDate: '2022-09-25' + ⌈430 / 5⌉ days = '2022-12-20' }
 */
export function campaignMeasures(input: CampaignMeasuresInput): CampaignMeasures {
  const eligible = input.eligibleByStart.reduce((s, g) => s + g.eligible, 0);
  const last = input.series.at(-1);
  const previous = input.series.at(-2);
  const vaccinated = last?.cumulative ?? 0;
  const asOf = parseIsoDate(input.asOf);
  const days = recentDays(input.series);
  const dailyRate = days > 0 ? input.series.slice(-2).reduce((s, p) => s + p.doses, 0) / days : null;
  const common = { eligible, vaccinated, dosesLatest: last?.doses ?? 0, dosesPrevious: previous?.doses ?? 0, currentRatePerWeek: dailyRate === null ? null : dailyRate * DAYS_PER_WEEK };
  if (eligible === 0) return { ...common, uptake: null, trajectory: null, behindTrajectory: null, behindBy: null, gapToTarget: null, runRateNeededPerWeek: null, projectedDate: null };

  const trajectory = input.eligibleByStart.reduce((s, g) => s + g.eligible * trajectoryUptake(input.target, g.start, input.asOf), 0) / eligible;
  const trajectoryChildren = (trajectory * eligible) / 100;
  const targetChildren = Math.ceil((input.target.uptake * eligible) / 100);
  const gapToTarget = Math.max(0, targetChildren - vaccinated);
  const daysLeft = parseIsoDate(input.target.by) - asOf;
  return {
    ...common,
    uptake: (100 * vaccinated) / eligible,
    trajectory,
    behindTrajectory: vaccinated < trajectoryChildren,
    behindBy: Math.max(0, Math.ceil(trajectoryChildren - vaccinated)),
    gapToTarget,
    runRateNeededPerWeek: gapToTarget === 0 ? 0 : daysLeft > 0 ? gapToTarget / (daysLeft / DAYS_PER_WEEK) : null,
    projectedDate: projectedDate(gapToTarget, dailyRate, asOf, () => input.series.find((p) => p.cumulative >= targetChildren)?.date ?? input.asOf),
  };
}

/**
 * Days spanned by the last two intervals of a series (the window of the current rate).
 * @example recentDays([{ from: '2022-08-16', date: '2022-08-17' }, { from: '2022-08-18', date: '2022-08-24' }]) // 9
 */
export function recentDays(series: readonly { readonly from: string; readonly date: string }[]): number {
  return series.slice(-2).reduce((s, p) => s + parseIsoDate(p.date) - parseIsoDate(p.from) + 1, 0);
}

/**
 * The date a gap closes at a daily rate: `asOf` plus ⌈gap / rate⌉ days; null at a rate of 0.
 * @example projectedDate(430, 5, parseIsoDate('2022-09-25'), () => null) // "2022-12-20"
 */
function projectedDate(gap: number, dailyRate: number | null, asOf: number, reachedOn: () => string | null): string | null {
  if (gap === 0) return reachedOn();
  if (!dailyRate || dailyRate <= 0) return null;
  return isoDateOf(asOf + Math.ceil(gap / dailyRate));
}
