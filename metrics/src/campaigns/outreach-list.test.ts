import { describe, expect, it } from 'vitest';
import { rankOutreach, type OutreachInput } from './outreach-list.ts';

const at = { asOf: '2022-09-25', target: { uptake: 50, by: '2023-03-31' } };
const row = (areaName: string, over: Partial<OutreachInput>): OutreachInput => ({
  areaCode: areaName.toUpperCase(), areaName, boroughCode: 'E09000012', boroughName: 'Hackney', icbCode: 'E54000029', icbName: 'North East London', note: null,
  eligible: 1000, vaccinated: 70, uptake: 7, trajectory: 3.25, gapToTarget: 430, behindBy: 0, runRateNeededPerWeek: 430 / (187 / 7), currentRatePerWeek: 14, suppressed: false, ...over,
});

describe('rankOutreach', () => {
  it('ranks by children still needed for the target, ties by name, hidden counts last', () => {
    const ranked = rankOutreach([row('b', {}), row('hidden', { gapToTarget: null, eligible: null, vaccinated: null, uptake: null, runRateNeededPerWeek: null, suppressed: true }), row('a', {}), row('c', { gapToTarget: 431 })], at);
    expect(ranked.map((r) => [r.rank, r.areaName])).toEqual([[1, 'c'], [2, 'a'], [3, 'b'], [4, 'hidden']]);
    expect(ranked[3]).toMatchObject({ uptake: null, projectedUptake: null, projectedShortfall: null, runRateNeededPerWeek: null });
  });

  it('rounds percentages to one decimal and the weekly rate needed up to a whole child, and projects the target date', () => {
    // 430 children over 187 days is 16.096… a week; at 2 a day, 70 + 374 = 444 of 500 by 31 March 2023.
    const [r] = rankOutreach([row('a', { uptake: 8.858895705521473, trajectory: 7.749999 })], at);
    expect(r).toMatchObject({ uptake: 8.9, trajectory: 7.7, runRateNeededPerWeek: 17, projectedUptake: 44.4, projectedShortfall: 56, boroughName: 'Hackney', icbName: 'North East London' });
  });
});
