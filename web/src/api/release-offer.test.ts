import { describe, expect, it } from 'vitest';
import type { ReleaseSummary } from '@pathfinder/metrics';
import { releaseLabel, releaseOffer, resolveRelease } from './release-offer.ts';

const makeRelease = (overrides: Partial<ReleaseSummary> & Pick<ReleaseSummary, 'id' | 'kind'>): ReleaseSummary => ({
  synthetic: overrides.kind === 'synthetic',
  current: false,
  createdAt: '2025-06-30T00:00:00.000Z',
  dataAsAt: '2025-03-31',
  sources: [],
  disclosure: null,
  coverage: { indicators: [], domains: [], firstPeriod: null, lastPeriod: null },
  hasEvents: false,
  ...overrides,
});

const published = makeRelease({ id: 'published-abc', kind: 'published', coverage: { indicators: ['imm-mmr1-24m', 'imm-pcv1-12m'], domains: ['immunisation'], firstPeriod: '2018/19 Q1', lastPeriod: '2024/25 Q4' } });
const synthetic = makeRelease({ id: 'synthetic-42', kind: 'synthetic', current: true, hasEvents: true, coverage: { indicators: ['imm-mmr1-24m', 'htn-prevalence'], domains: ['immunisation', 'hypertension'], firstPeriod: null, lastPeriod: null } });

describe('what a release offers', () => {
  it('offers only the catalogue indicators and domains the release covers', () => {
    const offer = releaseOffer(published);
    expect(offer.indicators.map((i) => i.id).sort()).toEqual(['imm-mmr1-24m', 'imm-pcv1-12m']);
    expect(offer.domains).toEqual(['immunisation']);
    expect(offer.hasIndicator('imm-mmr1-24m')).toBe(true);
    expect(offer.hasIndicator('htn-prevalence')).toBe(false);
  });

  it('leaves ids the catalogue does not know out of the indicators offered', () => {
    expect(releaseOffer(makeRelease({ id: 'x', kind: 'imported', coverage: { indicators: ['not-in-catalogue'], domains: [], firstPeriod: null, lastPeriod: null } })).indicators).toEqual([]);
  });

  it('without stated area levels or breakdowns, offers practices and breakdowns only with event data', () => {
    expect(releaseOffer(published)).toMatchObject({ practices: false, events: false });
    expect(releaseOffer(published).hasBreakdown('deprivation')).toBe(false);
    expect(releaseOffer(published).hasAreaType('icb')).toBe(true);
    expect(releaseOffer(synthetic)).toMatchObject({ practices: true, events: true });
    expect(releaseOffer(synthetic).hasBreakdown('ethnicity')).toBe(true);
  });

  it('follows the area levels and breakdowns a release states', () => {
    const imported = makeRelease({ id: 'fingertips-1', kind: 'imported', coverage: { indicators: ['imm-mmr1-24m'], domains: ['immunisation'], firstPeriod: null, lastPeriod: null, areaTypes: ['practice', 'borough'], breakdowns: ['deprivation'] } });
    const offer = releaseOffer(imported);
    expect(offer.practices).toBe(true);
    expect(offer.hasAreaType('icb')).toBe(false);
    expect(offer.hasBreakdown('deprivation')).toBe(true);
    expect(offer.hasBreakdown('sex')).toBe(false);
  });
});

describe('the release a page shows', () => {
  it('is the one the URL names, or the current one when it names none; none when it names one not served', () => {
    expect(resolveRelease([published, synthetic], 'published-abc')).toBe(published);
    expect(resolveRelease([published, synthetic], undefined)).toBe(synthetic);
    expect(resolveRelease([published, synthetic], 'gone-1')).toBeNull();
    expect(resolveRelease([published], undefined)).toBeNull();
  });

  it('is named by kind in the data-source switch', () => {
    expect(releaseLabel(published)).toBe('Published figures (UKHSA COVER)');
    expect(releaseLabel(synthetic)).toBe('Synthetic London (demo)');
    expect(releaseLabel({ id: 'fingertips-2024', kind: 'imported' })).toBe('Imported: fingertips-2024');
  });
});
