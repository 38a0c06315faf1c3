import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '@pathfinder/server';
import { openTestRelease } from '../support/test-release.ts';

let release: Awaited<ReturnType<typeof openTestRelease>>;
const NEL = 'E54000029';

beforeAll(async () => {
  release = await openTestRelease({ scale: 0.02 });
}, 120_000);
afterAll(() => release.dispose());

const auditedApp = () => {
  const entries: AuditEntry[] = [];
  return { entries, app: release.app({ audit: (e) => entries.push(e) }) };
};

describe('audit log', () => {
  it('records who received practice-level values, with path, query, status and release', async () => {
    const { app, entries } = auditedApp();
    const path = `/api/v1/indicators/imm-mmr1-24m/values?areaType=practice&parent=${NEL}`;
    expect((await app.request(path, { headers: await release.auth('ics', NEL) })).status).toBe(200);
    expect(entries).toEqual([
      { time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), subject: 'local-ics', role: 'ics', icb: NEL, method: 'GET', path, status: 200, release: release.manifest.id, level: 'practice', extract: false },
    ]);
  });

  it('records PCN-level answers as pcn, and a trend, profile or inequality of one practice as practice', async () => {
    const { app, entries } = auditedApp();
    const headers = await release.auth('region');
    const practice = release.store.current().areas.list('practice', NEL)[0]!.code;
    for (const path of [`/api/v1/areas?type=pcn&parent=${NEL}`, `/api/v1/indicators/imm-mmr1-24m/trend?area=${practice}`, `/api/v1/areas/${practice}/profile`, `/api/v1/indicators/imm-mmr1-24m/inequality?area=${practice}&by=sex`]) {
      expect((await app.request(path, { headers })).status, path).toBe(200);
    }
    expect(entries.map((e) => e.level)).toEqual(['pcn', 'practice', 'practice', 'practice']);
  });

  it('records an answer replayed from the response cache as well', async () => {
    const { app, entries } = auditedApp();
    const path = `/api/v1/indicators/imm-mmr1-24m/funnel?parent=${NEL}`;
    const headers = await release.auth('region');
    await app.request(path, { headers });
    const again = await app.request(path, { headers });
    expect(again.headers.get('x-cache')).toBe('hit');
    expect(entries.map((e) => e.level)).toEqual(['practice', 'practice']);
  });

  it('records CSV extracts of aggregate data, and nothing for aggregate JSON or refusals', async () => {
    const { app, entries } = auditedApp();
    await app.request('/api/v1/indicators/imm-mmr1-24m/values?areaType=borough');
    await app.request('/api/v1/overview');
    await app.request(`/api/v1/indicators/imm-mmr1-24m/values?areaType=practice&parent=${NEL}`);
    expect(entries).toEqual([]);
    await app.request('/api/v1/indicators/imm-mmr1-24m/values?areaType=borough&format=csv');
    expect(entries).toEqual([expect.objectContaining({ role: 'public', subject: null, level: null, extract: true, path: '/api/v1/indicators/imm-mmr1-24m/values?areaType=borough&format=csv' })]);
  });
});
