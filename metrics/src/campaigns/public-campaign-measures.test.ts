import { describe, expect, it } from 'vitest';
import { publicCampaignMeasures } from './public-campaign-measures.ts';

const target = { uptake: 50, by: '2023-03-31' };

describe('publicCampaignMeasures', () => {
  it('computes every figure from the published counts (worked by hand)', () => {
    const { measures, series } = publicCampaignMeasures({
      eligible: 1000,
      series: [{ from: '2022-09-12', date: '2022-09-18', cumulative: 30 }, { from: '2022-09-19', date: '2022-09-25', cumulative: 70 }],
      starts: [{ start: '2022-09-12', weight: 1000 }],
      asOf: '2022-09-25',
      target,
    });
    expect(series.map((p) => [p.doses, p.uptake])).toEqual([[30, 3], [40, 7]]);
    // trajectory: 50% × 13 of 200 days = 3.25%, i.e. 32.5 children: 70 is ahead. Gap: 500 − 70 = 430.
    // Rate: 70 doses in 14 days = 5 a day = 35 a week; 430 / 5 = 86 days after 25 September is 20 December.
    expect(measures).toMatchObject({ eligible: 1000, vaccinated: 70, uptake: 7, trajectory: 3.25, behindTrajectory: false, behindBy: 0, gapToTarget: 430, currentRatePerWeek: 35, projectedDate: '2022-12-20' });
    expect(measures.runRateNeededPerWeek!).toBeCloseTo(430 / (187 / 7), 9);
  });

  it('gives uptake to one decimal, weights the trajectory by published eligible, and publishes derived counts as counts', () => {
    const { measures } = publicCampaignMeasures({
      eligible: 3000,
      series: [{ from: '2022-10-03', date: '2022-10-09', cumulative: 1010 }],
      starts: [{ start: '2022-08-16', weight: 1000 }, { start: '2022-09-12', weight: 2000 }],
      asOf: '2022-10-09',
      target,
    });
    expect(measures.uptake).toBe(33.7); // 1010 / 3000 = 33.666…%
    // 50 × 54/227 = 11.894…% and 50 × 27/200 = 6.75%, weighted 1:2: 8.4647…%
    expect(measures.trajectory!).toBeCloseTo((1000 * (50 * 54) / 227 + 2000 * 6.75) / 3000, 9);
    expect(measures.gapToTarget).toBe(490); // 1500 − 1010
    expect(measures.behindBy).toBe(0);
  });

  it('hides what depends on a hidden count and keeps the weeks around it', () => {
    const { measures, series } = publicCampaignMeasures({
      eligible: 400,
      series: [{ from: '2022-09-12', date: '2022-09-18', cumulative: 0 }, { from: '2022-09-19', date: '2022-09-25', cumulative: null }, { from: '2022-09-26', date: '2022-10-02', cumulative: 20 }],
      starts: [{ start: '2022-09-12', weight: 400 }],
      asOf: '2022-10-02',
      target,
    });
    expect(series.map((p) => p.doses)).toEqual([0, null, null]);
    expect(series.map((p) => p.suppressed)).toEqual([false, true, false]);
    expect(measures).toMatchObject({ vaccinated: 20, uptake: 5, dosesLatest: null, currentRatePerWeek: null, gapToTarget: 180, projectedDate: null });
  });
});
