import { describe, expect, it } from 'vitest';
import type { Session } from '@pathfinder/metrics';
import { shiftDate } from './as-of-date.ts';
import { mayAskDaily, seesExactCampaignCounts } from './sees-exact-campaign-counts.ts';
import { groupGap } from './group-gap.ts';
import { mapMeasureValue } from './map-measure.ts';
import { intervalIndex, plottedIntervals } from './series-intervals.ts';
import { rankByTrajectoryMargin, trajectoryCounts } from './trajectory-ranking.ts';

describe('campaign view helpers', () => {
  it('gives the map uptake, or the children still to vaccinate to reach the target as the summary counts them, and nothing for hidden counts', () => {
    const point = { cumulative: 300, uptake: 30, suppressed: false };
    expect(mapMeasureValue({ eligible: 1000 }, point, 'uptake', 50)).toBe(30);
    expect(mapMeasureValue({ eligible: 1000 }, point, 'unvaccinated', 50)).toBe(200);
    expect(mapMeasureValue({ eligible: 999 }, point, 'unvaccinated', 50)).toBe(200); // ⌈499.5⌉ − 300
    expect(mapMeasureValue({ eligible: 1000 }, { ...point, cumulative: 600 }, 'unvaccinated', 50)).toBe(0);
    expect(mapMeasureValue({ eligible: 1000 }, { ...point, suppressed: true }, 'uptake', 50)).toBeNull();
    expect(mapMeasureValue({ eligible: null }, point, 'unvaccinated', 50)).toBeNull();
    expect(mapMeasureValue({ eligible: 1000 }, undefined, 'uptake', 50)).toBeNull();
  });

  it('ranks every area by margin to trajectory, furthest behind first, hidden last, and finds those ahead that miss the target date', () => {
    const at = { asOf: '2022-09-25', target: { uptake: 50, by: '2023-03-31' } };
    // 187 days left: 14 a week (2 a day) takes 70 to 444 of the 500 needed; 35 a week passes 500.
    const row = (areaName: string, uptake: number | null, trajectory: number | null, currentRatePerWeek: number) =>
      ({ areaName, uptake, trajectory, eligible: uptake === null ? null : 1000, vaccinated: uptake === null ? null : uptake * 10, currentRatePerWeek, behindTrajectory: uptake === null ? null : uptake < trajectory! });
    const ranked = rankByTrajectoryMargin([row('Slow but ahead', 7, 3.25, 14), row('Hidden', null, 3.25, 0), row('Behind', 2, 3.25, 35), row('Fast', 7, 3.25, 35)], at);
    expect(ranked.map((r) => [r.row.areaName, r.margin])).toEqual([['Behind', -1.25], ['Fast', 3.75], ['Slow but ahead', 3.75], ['Hidden', null]]);
    const { behind, aheadButMissing } = trajectoryCounts(ranked);
    expect(behind.map((r) => r.row.areaName)).toEqual(['Behind']);
    expect(aheadButMissing.map((r) => [r.row.areaName, r.projection!.projectedShortfall])).toEqual([['Slow but ahead', 56]]);
  });

  it('moves the as-of date a week at a time within the campaign', () => {
    expect(shiftDate('2022-10-13', -7, '2022-08-16', '2023-03-31')).toBe('2022-10-06');
    expect(shiftDate('2022-10-13', 7, '2022-08-16', '2023-03-31')).toBe('2022-10-20');
    expect(shiftDate('2022-08-20', -7, '2022-08-16', '2023-03-31')).toBe('2022-08-16');
    expect(shiftDate('2023-03-28', 7, '2022-08-16', '2023-03-31')).toBe('2023-03-31');
  });

  it('thins long series to a point budget, always keeping the last interval', () => {
    expect(plottedIntervals(33, 34, 1500)).toEqual(Array.from({ length: 33 }, (_, i) => i));
    const daily = plottedIntervals(230, 34, 1500);
    expect(daily.at(-1)).toBe(229);
    expect(daily[1]! - daily[0]!).toBe(6);
    expect(daily.length * 34).toBeLessThanOrEqual(1500);
  });

  it('finds the interval a date falls in, defaulting to the latest', () => {
    const dates = ['2022-08-17', '2022-08-24', '2022-08-31'];
    expect(intervalIndex(dates, undefined)).toBe(2);
    expect(intervalIndex(dates, '2022-08-24')).toBe(1);
    expect(intervalIndex(dates, '2022-08-20')).toBe(1);
    expect(intervalIndex(dates, '2023-01-01')).toBe(2);
    expect(intervalIndex([], '2023-01-01')).toBe(0);
  });

  it('measures the deprivation gap between the least and most deprived, and otherwise between the highest and lowest group', () => {
    const q = (label: string, uptake: number | null, recorded = true) => ({ label, uptake, recorded });
    const quintiles = [q('Most deprived 20%', 20), q('Quintile 2', 24), q('Quintile 3', 40), q('Quintile 4', 30), q('Least deprived 20%', 35), q('Not recorded', 90, false)];
    expect(groupGap(quintiles, 'deprivation')).toEqual({ high: { label: 'Least deprived 20%', uptake: 35 }, low: { label: 'Most deprived 20%', uptake: 20 }, points: 15 });
    expect(groupGap([q('Most deprived 20%', null), ...quintiles.slice(1)], 'deprivation')).toBeNull();
    const ethnic = [q('White', 40), q('Mixed', null), q('Asian', 31), q('Black', 22.5), q('Other', 30), q('Not recorded', 5, false)];
    expect(groupGap(ethnic, 'ethnicity')).toEqual({ high: { label: 'White', uptake: 40 }, low: { label: 'Black', uptake: 22.5 }, points: 17.5 });
    expect(groupGap([q('White', 40)], 'ethnicity')).toBeNull();
  });

  it('asks for groups below London and daily intervals only where the caller sees exact counts', () => {
    const ics: Session = { role: 'ics', icb: 'E54000029', areaTypes: [] };
    const pub: Session = { role: 'public', icb: null, areaTypes: [] };
    const region: Session = { role: 'region', icb: null, areaTypes: [] };
    expect(seesExactCampaignCounts(ics, 'E09000012')).toBe(true); // Hackney, in North East London
    expect(seesExactCampaignCounts(ics, 'E54000029')).toBe(true);
    expect(seesExactCampaignCounts(ics, 'E09000003')).toBe(false); // Barnet, North Central London
    expect(seesExactCampaignCounts(ics, 'E12000007')).toBe(false);
    expect(seesExactCampaignCounts(pub, 'E09000012')).toBe(false);
    expect(seesExactCampaignCounts(undefined, 'E09000012')).toBe(false);
    expect([pub, ics, region].map(mayAskDaily)).toEqual([false, false, true]);
  });
});
