import { describe, expect, it } from 'vitest';
import { itsOverSeries } from '@pathfinder/metrics';
import { itsChartLines } from './its-chart-lines.ts';

describe('itsChartLines', () => {
  it('draws each segment’s fitted values, and the counterfactual from the last period before the intervention on', () => {
    // 10 + t before P4, then 16 + 2(t − 4) from it, t counting the periods with a value (P6 has none).
    const points = [10, 11, 12, 13, 16, 18, null, 20].map((value, t) => ({ period: `P${t}`, value }));
    const its = itsOverSeries(points, 'P4', 0);
    if (!its.fitted) throw new Error(its.reason);
    const { intervention, lines } = itsChartLines(its, 'P4');
    expect(intervention).toBe('P4');
    expect([...lines.keys()]).toEqual(['P0', 'P1', 'P2', 'P3', 'P4', 'P5', 'P7']);
    const round = (v: number | null) => (v === null ? null : Math.round(v * 1e9) / 1e9);
    expect([...lines.values()].map((l) => [round(l.fittedBefore), round(l.fittedAfter), round(l.counterfactual)])).toEqual([
      [10, null, null], [11, null, null], [12, null, null], [13, null, 13],
      // t counts periods with a value: P7 is the 7th (t = 6), so its counterfactual is 10 + 6.
      [null, 16, 14], [null, 18, 15], [null, 20, 16],
    ]);
  });
});
