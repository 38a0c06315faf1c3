import { describe, expect, it } from 'vitest';
import { campaignMeasures, recentDays } from './campaign-measures.ts';

const target = { uptake: 50, by: '2023-03-31' };
const twoWeeks = [
  { from: '2022-09-12', date: '2022-09-18', doses: 30, cumulative: 30 },
  { from: '2022-09-19', date: '2022-09-25', doses: 40, cumulative: 70 },
];

describe('campaignMeasures', () => {
  // Hand computation: trajectory 50 × 13/200 = 3.25% (32.5 children); target 500 children;
  // 187 days (26.714 weeks) left; rate 70 children / 14 days = 5 a day; 430 / 5 = 86 days after 25 September.
  it('computes uptake, trajectory, gap, run rates and projected date from a series by hand', () => {
    const m = campaignMeasures({ eligibleByStart: [{ start: '2022-09-12', eligible: 1000 }], series: twoWeeks, asOf: '2022-09-25', target });
    expect(m).toMatchObject({ eligible: 1000, vaccinated: 70, dosesLatest: 40, dosesPrevious: 30, behindTrajectory: false, behindBy: 0, gapToTarget: 430, projectedDate: '2022-12-20' });
    expect(m.uptake).toBeCloseTo(7, 12);
    expect(m.trajectory).toBeCloseTo(3.25, 12);
    expect(m.runRateNeededPerWeek).toBeCloseTo(430 / (187 / 7), 12);
    expect(m.currentRatePerWeek).toBeCloseTo(35, 12);
  });

  it('weights the trajectory by eligible children of each start date and counts children behind it', () => {
    // 400 children from 2022-08-16 (40 of 227 days → 8.811%), 600 from 2022-09-12 (13 of 200 days → 3.25%).
    const m = campaignMeasures({ eligibleByStart: [{ start: '2022-08-16', eligible: 400 }, { start: '2022-09-12', eligible: 600 }], series: twoWeeks, asOf: '2022-09-25', target });
    const expected = (400 * ((50 * 40) / 227) + 600 * 3.25) / 1000;
    expect(m.trajectory).toBeCloseTo(expected, 12);
    expect(m.behindTrajectory).toBe(false);
    const behind = campaignMeasures({ eligibleByStart: [{ start: '2022-08-16', eligible: 1000 }], series: twoWeeks.map((p) => ({ ...p, doses: p.doses / 10, cumulative: p.cumulative / 10 })), asOf: '2022-09-25', target });
    expect(behind.behindTrajectory).toBe(true);
    expect(behind.behindBy).toBe(Math.ceil((1000 * ((50 * 40) / 227)) / 100 - 7));
  });

  it('uses the days the last two intervals span when the first is short', () => {
    const series = [{ from: '2022-09-12', date: '2022-09-13', doses: 6, cumulative: 6 }, { from: '2022-09-14', date: '2022-09-20', doses: 21, cumulative: 27 }];
    expect(recentDays(series)).toBe(9);
    expect(campaignMeasures({ eligibleByStart: [{ start: '2022-09-12', eligible: 100 }], series, asOf: '2022-09-20', target }).currentRatePerWeek).toBeCloseTo((27 / 9) * 7, 12);
  });

  it('projects no date at a rate of zero, needs no run rate once the target is met, and gives none after the target date', () => {
    const idle = campaignMeasures({ eligibleByStart: [{ start: '2022-09-12', eligible: 100 }], series: [{ from: '2022-09-12', date: '2022-09-18', doses: 0, cumulative: 0 }], asOf: '2022-09-18', target });
    expect(idle).toMatchObject({ projectedDate: null, gapToTarget: 50, currentRatePerWeek: 0 });
    const met = campaignMeasures({ eligibleByStart: [{ start: '2022-09-12', eligible: 100 }], series: [{ from: '2022-09-12', date: '2022-09-18', doses: 60, cumulative: 60 }, { from: '2022-09-19', date: '2022-09-25', doses: 1, cumulative: 61 }], asOf: '2022-09-25', target });
    expect(met).toMatchObject({ gapToTarget: 0, runRateNeededPerWeek: 0, projectedDate: '2022-09-18' });
    const late = campaignMeasures({ eligibleByStart: [{ start: '2022-09-12', eligible: 100 }], series: [{ from: '2023-03-27', date: '2023-04-02', doses: 1, cumulative: 10 }], asOf: '2023-04-02', target });
    expect(late.runRateNeededPerWeek).toBeNull();
  });

  it('has no rates or judgements without eligible children', () => {
    expect(campaignMeasures({ eligibleByStart: [], series: [], asOf: '2022-09-25', target })).toMatchObject({ eligible: 0, vaccinated: 0, uptake: null, trajectory: null, behindTrajectory: null, projectedDate: null });
  });
});
