import { describe, expect, it } from 'vitest';
import type { Session } from '@pathfinder/metrics';
import { behindTrajectory } from './behind-trajectory.ts';
import { mayAskDaily, seesExactCampaignCounts } from './sees-exact-campaign-counts.ts';
import { groupGap } from './group-gap.ts';
import { mapMeasureValue } from './map-measure.ts';
import { intervalIndex, plottedIntervals } from './series-intervals.ts';

describe('campaign view helpers', () => {
  it('gives the map uptake, or eligible children not yet vaccinated, and nothing for hidden counts', () => {
    const point = { cumulative: 300, uptake: 30, suppressed: false };
    expect(mapMeasureValue({ eligible: 1000 }, point, 'uptake')).toBe(30);
    expect(mapMeasureValue({ eligible: 1000 }, point, 'unvaccinated')).toBe(700);
    expect(mapMeasureValue({ eligible: 1000 }, { ...point, suppressed: true }, 'uptake')).toBeNull();
    expect(mapMeasureValue({ eligible: null }, point, 'unvaccinated')).toBeNull();
    expect(mapMeasureValue({ eligible: 1000 }, undefined, 'uptake')).toBeNull();
  });

  it('lists areas behind trajectory furthest behind first, ties by name, hidden shortfalls last', () => {
    const row = (areaName: string, behindBy: number | null, behind = true) => ({ areaName, behindBy, behindTrajectory: behind });
    expect(behindTrajectory([row('Brent', 10), row('Ahead', 0, false), row('Hidden', null), row('Camden', 50), row('Barnet', 10)]).map((r) => r.areaName))
      .toEqual(['Camden', 'Barnet', 'Brent', 'Hidden']);
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
