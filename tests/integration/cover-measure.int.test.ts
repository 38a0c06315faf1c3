import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COVER_MEASURES, INDICATORS } from '@pathfinder/metrics';
import { openTestRelease } from '../support/test-release.ts';

// Analysts join our answers to UKHSA COVER tables by the COVER measure name (24m_MMR1…).

let release: Awaited<ReturnType<typeof openTestRelease>>;
let app: ReturnType<typeof release.app>;

beforeAll(async () => {
  release = await openTestRelease({ scale: 0.02 });
  app = release.app();
}, 120_000);
afterAll(() => release.dispose());

describe('coverMeasure in the indicators API', () => {
  const withMeasure = INDICATORS.filter((i) => i.coverMeasure);

  it('names the COVER measure of every COVER indicator in the list and in the detail, and none on others', async () => {
    expect(withMeasure.length).toBeGreaterThan(5);
    const list = (await (await app.request('/api/v1/indicators')).json()) as { indicators: { id: string; coverMeasure?: string }[] };
    for (const indicator of list.indicators) expect(indicator.coverMeasure, indicator.id).toBe(INDICATORS.find((i) => i.id === indicator.id)!.coverMeasure);
    expect(list.indicators.find((i) => i.id === 'imm-mmr1-24m')!.coverMeasure).toBe('24m_MMR1');
    // Each of COVER's measures is one indicator of ours, and only those.
    expect(list.indicators.flatMap((i) => (i.coverMeasure ? [i.coverMeasure] : [])).sort()).toEqual(COVER_MEASURES.map((m) => m.measure).sort());
    for (const indicator of withMeasure) {
      const detail = (await (await app.request(`/api/v1/indicators/${indicator.id}`)).json()) as { meta: { releaseId: string }; indicator: { coverMeasure?: string } };
      expect(detail.indicator.coverMeasure, indicator.id).toBe(indicator.coverMeasure);
    }
  });
});
