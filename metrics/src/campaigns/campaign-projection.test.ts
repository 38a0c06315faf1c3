import { describe, expect, it } from 'vitest';
import { campaignMeasures } from './campaign-measures.ts';
import { projectTarget } from './campaign-projection.ts';

const target = { uptake: 50, by: '2023-03-31' };

describe('projectTarget', () => {
  // 2022-09-25 to 2023-03-31 is 187 days (5 + 31 + 30 + 31 + 31 + 28 + 31); 50% of 1,000 is 500 children.
  it.each([
    { case: '2 a day misses by 56: 70 + 374 = 444', rate: 14, vaccinated: 70, projectedUptake: 44.4, shortfall: 56, misses: true },
    { case: '5 a day passes 500 and stops at every eligible child: 70 + 935', rate: 35, vaccinated: 70, projectedUptake: 100, shortfall: 0, misses: false },
    { case: 'exactly enough: 430 / 187 a day reaches 500', rate: (430 / 187) * 7, vaccinated: 70, projectedUptake: 50, shortfall: 0, misses: false },
    { case: 'no rate: stays at 70, 430 short', rate: null, vaccinated: 70, projectedUptake: 7, shortfall: 430, misses: true },
    { case: 'already at the target', rate: 0, vaccinated: 500, projectedUptake: 50, shortfall: 0, misses: false },
  ])('$case', ({ rate, vaccinated, projectedUptake, shortfall }) => {
    const p = projectTarget({ eligible: 1000, vaccinated, currentRatePerWeek: rate, asOf: '2022-09-25', target })!;
    expect(p.projectedUptake).toBeCloseTo(projectedUptake, 9);
    expect(p.projectedShortfall).toBe(shortfall);
    expect(p.misses).toBe(shortfall > 0);
  });

  it('counts no more days once the target date has passed', () => {
    // 499 of 1,000 on 2 April 2023: the date has passed, one child short, whatever the rate.
    expect(projectTarget({ eligible: 1000, vaccinated: 499, currentRatePerWeek: 700, asOf: '2023-04-02', target })).toEqual({ projectedUptake: 49.9, projectedShortfall: 1, misses: true });
  });

  it('rounds the target up as the gap does: 50% of 999 is 500 children', () => {
    // 2023-03-24 is 7 days before the date: 493 + 1 a day × 7 = 500.
    expect(projectTarget({ eligible: 999, vaccinated: 493, currentRatePerWeek: 7, asOf: '2023-03-24', target })).toMatchObject({ projectedShortfall: 0, misses: false });
    expect(projectTarget({ eligible: 999, vaccinated: 492, currentRatePerWeek: 7, asOf: '2023-03-24', target })).toMatchObject({ projectedShortfall: 1, misses: true });
  });

  it('is null when the counts are hidden or nobody is eligible', () => {
    expect(projectTarget({ eligible: null, vaccinated: 10, currentRatePerWeek: 7, asOf: '2022-10-13', target })).toBeNull();
    expect(projectTarget({ eligible: 100, vaccinated: null, currentRatePerWeek: 7, asOf: '2022-10-13', target })).toBeNull();
    expect(projectTarget({ eligible: 0, vaccinated: 0, currentRatePerWeek: 0, asOf: '2022-10-13', target })).toBeNull();
  });

  it('misses exactly when the projected date of campaignMeasures falls after the target date, even for an area ahead of its trajectory', () => {
    // Ahead of the trajectory on 25 September (7% against 3.25%), but 2 a day reaches 500 on 19 April 2023.
    const measures = campaignMeasures({
      eligibleByStart: [{ start: '2022-09-12', eligible: 1000 }],
      series: [{ from: '2022-09-12', date: '2022-09-18', doses: 56, cumulative: 56 }, { from: '2022-09-19', date: '2022-09-25', doses: 14, cumulative: 70 }],
      asOf: '2022-09-25', target,
    });
    expect(measures.behindTrajectory).toBe(false);
    expect(measures.currentRatePerWeek).toBe(35);
    const slowed = { ...measures, currentRatePerWeek: 14 };
    expect(projectTarget({ ...slowed, asOf: '2022-09-25', target })!.misses).toBe(true);
    expect(projectTarget({ ...measures, asOf: '2022-09-25', target })!.misses).toBe(measures.projectedDate! > target.by);
  });
});
