import { describe, expect, it } from 'vitest';
import type { FunnelSignificance } from '@pathfinder/metrics';
import { funnelSummary } from './practice-funnel-summary.ts';

const times = (s: FunnelSignificance, n: number): FunnelSignificance[] => Array(n).fill(s);

describe('funnelSummary', () => {
  it('counts each practice once, in groups that cannot be read as nested (the issue’s 16 and 21)', () => {
    const lines = funnelSummary([...times('low-99.8', 16), ...times('low-95', 21), ...times('none', 90), ...times('high-95', 3), ...times('high-99.8', 2)], 'higher-better', 'London');
    expect(lines).toEqual([
      '37 practices below the funnel (worse than London): 16 below the 99.8% limit and 21 more between the 95% and 99.8% limits',
      '5 practices above the funnel (better than London): 2 above the 99.8% limit and 3 more between the 95% and 99.8% limits',
      '90 practices within the 95% limits',
    ]);
  });
  it('says “all” when a side has one kind, and leaves out empty groups', () => {
    expect(funnelSummary([...times('low-95', 4), 'high-99.8'], 'higher-better', 'the 95% target')).toEqual([
      '4 practices below the funnel (worse than the 95% target), all between the 95% and 99.8% limits',
      '1 practice above the funnel (better than the 95% target), above the 99.8% limit',
    ]);
  });
  it('judges by polarity: below is better when lower is better, and only lower without a judgement', () => {
    expect(funnelSummary(['low-95'], 'lower-better', 'London')[0]).toBe('1 practice below the funnel (better than London), between the 95% and 99.8% limits');
    expect(funnelSummary(['low-95'], 'no-judgement', 'London')[0]).toBe('1 practice below the funnel (lower than London), between the 95% and 99.8% limits');
  });
});
