import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testClient } from 'hono/testing';
import { BOROUGHS } from '@pathfinder/metrics';
import { openTestRelease } from '../support/test-release.ts';

let release: Awaited<ReturnType<typeof openTestRelease>>;
beforeAll(async () => {
  release = await openTestRelease();
});
afterAll(() => release.dispose());

describe('GET /api/v1/indicators/imm-mmr1-24m/values', () => {
  it('returns all 33 boroughs with a value inside its 95% CI for the latest quarter', async () => {
    const client = testClient(release.app());
    const res = await client.api.v1.indicators[':id'].values.$get({ param: { id: 'imm-mmr1-24m' }, query: { areaType: 'borough' } });
    if (!res.ok) throw new Error(`expected 200, got ${res.status}`);
    const body = await res.json();
    expect(body.meta).toEqual({ releaseId: release.manifest.id, synthetic: true, dataAsAt: '2025-03-31' });
    expect(body.period).toBe('2024/25 Q4');
    expect(body.rows.map((r) => r.areaCode).sort()).toEqual(BOROUGHS.map((b) => b.code).sort());
    for (const r of body.rows) {
      expect(r.value, r.areaName).not.toBeNull();
      expect(r.lower95!).toBeLessThan(r.value!);
      expect(r.upper95!).toBeGreaterThan(r.value!);
      expect(r.value).toBeCloseTo((r.numerator! / r.denominator!) * 100, 10);
    }
  });

  it('answers a named period', async () => {
    const res = await release.app().request('/api/v1/indicators/imm-mmr1-24m/values?areaType=borough&period=2019/20%20Q2');
    const body = (await res.json()) as { period: string; rows: unknown[] };
    expect(body.period).toBe('2019/20 Q2');
    expect(body.rows).toHaveLength(33);
  });

  it('rejects an unknown indicator with 404 problem+json', async () => {
    const res = await release.app().request('/api/v1/indicators/imm-nope/values');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(await res.json()).toMatchObject({ status: 404, code: 'indicator_not_found' });
  });

  it('rejects an unknown area type with 400 naming the parameter', async () => {
    const res = await release.app().request('/api/v1/indicators/imm-mmr1-24m/values?areaType=galaxy');
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 'invalid_parameter', detail: expect.stringContaining('areaType') });
  });
});

describe('GET /healthz and /api/v1/indicators', () => {
  it('reports the release being served', async () => {
    const res = await release.app().request('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', releaseId: release.manifest.id });
  });

  it('lists the catalogue with MMR1 at 24 months and the synthetic flag', async () => {
    const res = await release.app().request('/api/v1/indicators');
    const body = (await res.json()) as { meta: { synthetic: boolean }; indicators: { id: string }[] };
    expect(body.meta.synthetic).toBe(true);
    expect(body.indicators.map((i) => i.id)).toContain('imm-mmr1-24m');
  });

  it('answers an unknown route with a 404 problem, not a stack trace', async () => {
    const res = await release.app().request('/api/v1/nothing-here');
    expect(res.status).toBe(404);
    expect(await res.text()).not.toMatch(/at .*\.ts/);
  });
});
