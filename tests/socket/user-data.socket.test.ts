import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Annotation, AnnotationList, ReleaseManifest } from '@pathfinder/metrics';
import { issueToken } from '@pathfinder/server';
import { importRelease } from '@pathfinder/fixtures';
import { eventually, startServe, stopServe, type ServeProcess } from '../support/cli-process.ts';
import { rawRequest } from '../support/raw-http.ts';
import { TEST_TOKEN_SECRET } from '../support/test-release.ts';
import { csvText } from '../support/valid-import-files.ts';

// User-written data over real sockets against `pathfinder serve`: an annotation acknowledged with
// 201 is in the data directory's file even when the server is then killed with SIGKILL (no
// shutdown, no checkpoint), and so is every one of a burst of writes; a restarted server reads them
// back; /s/{id} redirects a browser to the view with its release; a second server on the same data
// directory goes on without the file (DuckDB lets one process write it).

const NEL = 'E54000029';
const HACKNEY = 'E09000012';
const SERVE_ENV = { LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: '0', PATHFINDER_TOKEN_SECRET: TEST_TOKEN_SECRET };

let dataDir: string;
let manifest: ReleaseManifest;
let server: ServeProcess;
const nelToken = () => issueToken(TEST_TOKEN_SECRET, { role: 'ics', icb: NEL, ttlSeconds: 600 });

async function postJson(url: string, body: unknown, token?: string) {
  const res = await rawRequest(url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
  return { status: res.status, body: JSON.parse(res.body.toString('utf8')) as Record<string, unknown>, headers: res.headers };
}

async function annotations(base: string): Promise<Annotation[]> {
  const res = await rawRequest(`${base}/api/v1/annotations?area=${HACKNEY}`, { headers: { Authorization: `Bearer ${await nelToken()}` } });
  expect(res.status, res.body.toString('utf8')).toBe(200);
  return (JSON.parse(res.body.toString('utf8')) as AnnotationList).annotations;
}

async function kill(serve: ServeProcess): Promise<void> {
  serve.signal('SIGKILL');
  await serve.exited;
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'pf-socket-user-data-'));
  // A hand-made release of one row: what is tested is the user-data file, and a small release starts the server in seconds.
  const file = path.join(dataDir, 'one-row.csv');
  await writeFile(file, csvText({ header: ['indicator', 'area_code', 'period', 'numerator', 'denominator'], rows: [['24m_MMR1', HACKNEY, '2023/24 Q4', '700', '900']] }));
  manifest = (await importRelease(dataDir, [file], 'tidy', { releaseName: 'one-row' })).manifest;
  server = await startServe(['--data', dataDir], SERVE_ENV);
}, 180_000);
afterAll(async () => {
  if (server) await stopServe(server);
  await rm(dataDir, { recursive: true, force: true });
});

describe('user-written data and the process', () => {
  it('keeps an acknowledged annotation through kill -9 and a restart', async () => {
    const written = await postJson(`${server.url}/api/v1/annotations`, { indicatorId: 'imm-mmr1-24m', areaCode: HACKNEY, date: '2024-03-01', text: 'Outreach clinic opened' }, await nelToken());
    expect(written.status).toBe(201);
    await kill(server);
    server = await startServe(['--data', dataDir], SERVE_ENV);
    expect((await annotations(server.url)).map((a) => [a.id, a.text])).toEqual([[written.body.id, 'Outreach clinic opened']]);
  }, 60_000);

  it('keeps every write of a burst acknowledged just before kill -9', async () => {
    const token = await nelToken();
    const burst = await Promise.all(Array.from({ length: 20 }, (_, i) => postJson(`${server.url}/api/v1/annotations`, { indicatorId: 'imm-mmr1-24m', areaCode: HACKNEY, date: '2024-04-01', text: `burst note ${i}` }, token)));
    expect(burst.map((r) => r.status)).toEqual(Array(20).fill(201));
    await kill(server);
    server = await startServe(['--data', dataDir], SERVE_ENV);
    const ids = new Set((await annotations(server.url)).map((a) => a.id));
    expect(burst.filter((r) => !ids.has(r.body.id as string))).toEqual([]);
    expect(ids.size).toBe(21);
  }, 60_000);

  it('redirects /s/{id} to the view with its release pinned, after a restart too', async () => {
    const made = await postJson(`${server.url}/api/v1/snapshots`, { view: `/indicators/imm-mmr1-24m?area=${HACKNEY}`, release: manifest.id });
    expect(made.status).toBe(201);
    await stopServe(server);
    server = await startServe(['--data', dataDir], SERVE_ENV);
    const res = await rawRequest(`${server.url}/s/${made.body.id}`);
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe(`/indicators/imm-mmr1-24m?area=${HACKNEY}&release=${manifest.id}`);
    // The security headers are on the redirect as on every answer.
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect((await rawRequest(`${server.url}/s/AAAAAAAAAA`)).status).toBe(404);
  }, 60_000);

  it('lets a second server on the same data directory serve without the file, saying so', async () => {
    const second = await startServe(['--data', dataDir], SERVE_ENV);
    try {
      expect(await eventually(async () => second.output().includes('user-data.duckdb cannot be opened'), 10_000)).toBe(true);
      expect((await rawRequest(`${second.url}/healthz`)).status).toBe(200);
      const refused = await postJson(`${second.url}/api/v1/annotations`, { indicatorId: 'imm-mmr1-24m', areaCode: HACKNEY, date: '2024-03-01', text: 'from the second' }, await nelToken());
      expect([refused.status, refused.body.code]).toEqual([503, 'user_data_unavailable']);
      // The first server still writes.
      expect((await postJson(`${server.url}/api/v1/annotations`, { indicatorId: 'imm-mmr1-24m', areaCode: HACKNEY, date: '2024-03-02', text: 'from the first' }, await nelToken())).status).toBe(201);
    } finally {
      await stopServe(second);
    }
  }, 60_000);
});
