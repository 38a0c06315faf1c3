import { describe, expect, it } from 'vitest';
import { itsOverSeries } from '@pathfinder/metrics';
import { itsChartLines } from './its-chart-lines.ts';

describe('itsChartLines', () => {
  it('draws each segment’s fitted values, and the counterfactual from the last period before the intervention on', () => {
    // About 10 + t before P4, then 16 + 2(t − 4), t counting the periods with a value (P6 has none).
    const points = [10.2, 10.9, 12.1, 12.8, 16.1, 17.9, null, 20.1].map((value, t) => ({ period: `P${t}`, value }));
    const its = itsOverSeries(points, 'P4', 0);
    if (!its.fitted) throw new Error(its.reason);
    const { intervention, lines } = itsChartLines(its, 'P4');
    expect(intervention).toBe('P4');
    expect([...lines.keys()]).toEqual(['P0', 'P1', 'P2', 'P3', 'P4', 'P5', 'P7']);
    const { fitted, counterfactual } = its.fit;
    expect([...lines.values()]).toEqual([
      { fittedBefore: fitted[0], fittedAfter: null, counterfactual: null },
      { fittedBefore: fitted[1], fittedAfter: null, counterfactual: null },
      { fittedBefore: fitted[2], fittedAfter: null, counterfactual: null },
      { fittedBefore: fitted[3], fittedAfter: null, counterfactual: counterfactual[3] },
      { fittedBefore: null, fittedAfter: fitted[4], counterfactual: counterfactual[4] },
      { fittedBefore: null, fittedAfter: fitted[5], counterfactual: counterfactual[5] },
      { fittedBefore: null, fittedAfter: fitted[6], counterfactual: counterfactual[6] },
    ]);
    // The counterfactual continues the line before: at P7 (t = 6) about 10 + 6, where the fitted line is about 20.
    expect(counterfactual[6]).toBeCloseTo(16, 0);
    expect(fitted[6]).toBeCloseTo(20, 0);
  });
});
