import { describe, expect, it } from 'vitest';
import type { ReleaseSummary } from '@pathfinder/metrics';
import { dataSourceOptions } from './data-source-options.ts';
import { searchForRelease } from './search-for-release.ts';

const release = (id: string, kind: ReleaseSummary['kind'], indicators: string[], createdAt = '2025-06-30T00:00:00.000Z'): ReleaseSummary => ({
  id, kind, synthetic: kind === 'synthetic', current: false, createdAt, dataAsAt: '2025-03-31', sources: [], disclosure: null, hasEvents: kind === 'synthetic',
  coverage: { indicators, domains: [], firstPeriod: null, lastPeriod: null },
});
const published = release('published-abc', 'published', ['imm-mmr1-24m']);

describe('switching the data source', () => {
  it('sets the release and keeps areas, comparator and presentation, but not periods or campaign dates', () => {
    expect(searchForRelease({ period: '2023/24 Q4', area: 'E09000012', comparator: 'england', sort: 'name', asOf: '2022-10-02', release: 'synthetic-42' }, published))
      .toEqual({ area: 'E09000012', comparator: 'england', sort: 'name', release: 'published-abc' });
  });

  it('drops a domain or indicator the new release does not have, and keeps those it has', () => {
    expect(searchForRelease({ domain: 'hypertension', indicator: 'htn-prevalence' }, published)).toEqual({ release: 'published-abc' });
    expect(searchForRelease({ domain: 'immunisation', indicator: 'imm-mmr1-24m' }, published)).toEqual({ domain: 'immunisation', indicator: 'imm-mmr1-24m', release: 'published-abc' });
  });

  it('lists published figures first, then the synthetic London, then imports, telling apart releases of one name', () => {
    const options = dataSourceOptions([
      release('fingertips-1', 'imported', []),
      release('synthetic-1', 'synthetic', [], '2025-01-01T00:00:00.000Z'),
      published,
      release('synthetic-2', 'synthetic', [], '2025-02-01T00:00:00.000Z'),
    ]);
    expect(options).toEqual([
      { value: 'published-abc', label: 'Published figures (UKHSA COVER)' },
      { value: 'synthetic-2', label: 'Synthetic London (demo): synthetic-2' },
      { value: 'synthetic-1', label: 'Synthetic London (demo): synthetic-1' },
      { value: 'fingertips-1', label: 'Imported: fingertips-1' },
    ]);
  });
});
