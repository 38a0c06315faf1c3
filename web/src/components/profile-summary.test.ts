import { describe, expect, it } from 'vitest';
import type { BenchmarkComparison } from '@pathfinder/metrics';
import { profileSummary, type SummaryRow } from './profile-summary.ts';

const rows = (spec: Partial<Record<BenchmarkComparison, number>>, extra: SummaryRow[] = []): SummaryRow[] => [
  ...Object.entries(spec).flatMap(([comparison, n]) => Array.from({ length: n }, () => ({ comparison: comparison as BenchmarkComparison, suppressed: false, value: 90 }))),
  ...extra,
];
const summary = (r: SummaryRow[]) => profileSummary({ area: 'Newham', comparator: 'London', topic: 'childhood vaccination', rows: r });

describe('a domain’s comparisons in plain words', () => {
  it('counts worse, similar and better from the rows’ comparisons, strong ones among the differences', () => {
    expect(summary(rows({ 'much-worse': 1, worse: 2, similar: 14, better: 2 }))).toEqual([
      'Newham is worse than London on 3 of 19 childhood vaccination measures, similar on 14 and better on 2.',
      'A difference is only counted when it is unlikely to be down to chance (95% confidence); for 1 of these 5 it is very unlikely (99.8% confidence).',
    ]);
  });

  it('counts suppressed and missing rows apart, with their reason, and leaves them out of the total compared', () => {
    const [first, , last] = summary(rows({ similar: 3 }, [
      { comparison: 'not-compared', suppressed: true, value: null },
      { comparison: 'not-compared', suppressed: false, value: null },
      { comparison: 'not-compared', suppressed: false, value: 80 },
    ]));
    expect(first).toBe('Newham is worse than London on 0 of the 3 childhood vaccination measures that could be compared, similar on 3 and better on 0.');
    expect(last).toBe('3 measures could not be compared: 1 because the numbers are too small to publish safely (suppressed), 1 because there is no figure for Newham and 1 because there is no figure for London.');
  });

  it('counts a suppressed row as not compared even if it carries a comparison', () => {
    expect(summary([{ comparison: 'worse', suppressed: true, value: null }, ...rows({ similar: 1 })])[0]).toMatch(/worse than London on 0 of the 1 /);
  });

  it('says "similar" means chance when nothing differs, and words higher and lower without judging them', () => {
    expect(summary(rows({ similar: 2 }))[1]).toBe('“Similar” means any difference could be down to chance.');
    expect(summary(rows({ similar: 1, 'much-higher': 1, lower: 1 }))[0]).toBe('Newham is worse than London on 0 of 3 childhood vaccination measures, similar on 1 and better on 0; where higher is neither better nor worse, it is higher on 1 and lower on 1.');
  });

  it('says so when nothing could be compared', () => {
    expect(summary([{ comparison: 'not-compared', suppressed: true, value: null }])).toEqual([
      'None of the 1 childhood vaccination measure for Newham could be compared with London.',
      'Of these, 1 because the numbers are too small to publish safely (suppressed).',
    ]);
  });
});
