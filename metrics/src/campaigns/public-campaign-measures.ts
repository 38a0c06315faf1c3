import { suppressCount } from '../disclosure/suppress-count.ts';
import { isoDateOf, parseIsoDate } from '../periods/calendar-days.ts';
import type { CampaignMeasures } from './campaign-measures.ts';
import { recentDays } from './campaign-measures.ts';
import { trajectoryUptake } from './campaign-trajectory.ts';

const DAYS_PER_WEEK = 7;

export interface PublicCampaignInput {
  /** Published eligible children; null when hidden. */
  readonly eligible: number | null;
  /** Published running counts on the public weekly grid up to `asOf`, oldest first; null when hidden. */
  readonly series: readonly { readonly from: string; readonly date: string; readonly cumulative: number | null }[];
  /** Start dates of the area's parts, weighted by their published eligible children (for the trajectory). */
  readonly starts: readonly { readonly start: string; readonly weight: number }[];
  readonly asOf: string;
  readonly target: { readonly uptake: number; readonly by: string };
}

export interface PublicSeriesPoint {
  readonly from: string;
  readonly date: string;
  readonly doses: number | null;
  readonly cumulative: number | null;
  readonly uptake: number | null;
  readonly suppressed: boolean;
}

type Nullable<T> = { [K in keyof T]: T[K] | null };

/** Uptake in % from published counts, to one decimal: more digits would only repeat the rounding of the counts. */
const uptakeOf = (cumulative: number | null, eligible: number | null) =>
  cumulative === null || eligible === null || eligible === 0 ? null : Math.round((1000 * cumulative) / eligible) / 10;

/** A count derived from published counts, itself published as counts are (1–7 hidden, others to 5). */
const asCount = (n: number) => suppressCount(n).shown;

/**
 * Campaign progress for the public, computed from published counts only (no exact count reaches it):
 * - weekly doses: the difference of two consecutive published running counts (null if either is hidden);
 * - uptake: published running count over published eligible, to one decimal;
 * - trajectory: the straight-line trajectories of the area's start dates, weighted by published eligible;
 * - behind by, gap to target ("still to vaccinate"): from the published counts, published as counts;
 * - rates and the projected date: from the published weekly doses and gap.
 * @example
 * publicCampaignMeasures({ eligible: 1000, series: [{ from: '2022-09-12', date: '2022-09-18', cumulative: 30 }, { from: '2022-09-19', date: '2022-09-25', cumulative: 70 }],
 *   starts: [{ start: '2022-09-12', weight: 1000 }], asOf: '2022-09-25', target: { uptake: 50, by: '2023-03-31' } })
 * // uptake 7, doses [30, 40], gapToTarget 430, currentRatePerWeek 35, projectedDate '2022-12-20'
 */
export function publicCampaignMeasures(input: PublicCampaignInput): { measures: Nullable<CampaignMeasures>; series: PublicSeriesPoint[] } {
  const { eligible } = input;
  const series = input.series.map((p, i) => {
    const before = i === 0 ? 0 : input.series[i - 1]!.cumulative;
    const doses = p.cumulative === null || before === null ? null : p.cumulative - before;
    const uptake = uptakeOf(p.cumulative, eligible);
    return { from: p.from, date: p.date, doses, cumulative: p.cumulative, uptake, suppressed: uptake === null && eligible !== 0 };
  });
  const last = series.at(-1);
  const vaccinated = last?.cumulative ?? (series.length === 0 ? 0 : null);
  const [dosesLatest, dosesPrevious] = [last?.doses ?? (series.length === 0 ? 0 : null), series.length > 1 ? series.at(-2)!.doses : 0];
  const days = recentDays(series);
  const dailyRate = dosesLatest === null || dosesPrevious === null || days === 0 ? null : (dosesLatest + dosesPrevious) / days;
  const weight = input.starts.reduce((s, g) => s + g.weight, 0);
  const trajectory = weight > 0 ? input.starts.reduce((s, g) => s + g.weight * trajectoryUptake(input.target, g.start, input.asOf), 0) / weight : null;
  const common = { eligible, vaccinated, dosesLatest, dosesPrevious, trajectory, currentRatePerWeek: dailyRate === null ? null : dailyRate * DAYS_PER_WEEK };
  if (eligible === null || vaccinated === null || eligible === 0) {
    return { series, measures: { ...common, uptake: null, behindTrajectory: null, behindBy: null, gapToTarget: null, runRateNeededPerWeek: null, projectedDate: null } };
  }
  const trajectoryChildren = trajectory === null ? null : (trajectory * eligible) / 100;
  const targetChildren = Math.ceil((input.target.uptake * eligible) / 100);
  const gapToTarget = asCount(Math.max(0, targetChildren - vaccinated));
  const daysLeft = parseIsoDate(input.target.by) - parseIsoDate(input.asOf);
  const reachedOn = () => series.find((p) => p.cumulative !== null && p.cumulative >= targetChildren)?.date ?? input.asOf;
  return {
    series,
    measures: {
      ...common,
      uptake: uptakeOf(vaccinated, eligible),
      behindTrajectory: trajectoryChildren === null ? null : vaccinated < trajectoryChildren,
      behindBy: trajectoryChildren === null ? null : asCount(Math.max(0, Math.ceil(trajectoryChildren - vaccinated))),
      gapToTarget,
      runRateNeededPerWeek: gapToTarget === null ? null : gapToTarget === 0 ? 0 : daysLeft > 0 ? gapToTarget / (daysLeft / DAYS_PER_WEEK) : null,
      projectedDate: gapToTarget === null ? null : gapToTarget === 0 ? reachedOn() : !dailyRate || dailyRate <= 0 ? null : isoDateOf(parseIsoDate(input.asOf) + Math.ceil(gapToTarget / dailyRate)),
    },
  };
}
