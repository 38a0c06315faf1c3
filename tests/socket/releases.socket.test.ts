import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cachedSyntheticRelease } from '../../fixtures/test/cached-release.ts';
import { importRelease } from '@pathfinder/fixtures';
import { startServe, stopServe, type ServeProcess } from '../support/cli-process.ts';
import { rawRequest } from '../support/raw-http.ts';
import { csvText } from '../support/valid-import-files.ts';

// `pathfinder serve` with two releases in its data directory, and a third published while it runs.

const VALUES = '/api/v1/indicators/imm-mmr1-24m/values?areaType=borough&period=2023%2F24%20Q4';
const tidy = (numerator: number) => csvText({ header: ['indicator', 'area_code', 'period', 'numerator', 'denominator'], rows: [['24m_MMR1', 'E09000007', '2023/24 Q4', String(numerator), '800']] });

let dataDir: string;
let server: ServeProcess;
let synthetic: string;

async function publishTidy(name: string, numerator: number): Promise<void> {
  const file = path.join(dataDir, `${name}.csv`);
  await writeFile(file, tidy(numerator));
  await importRelease(dataDir, [file], 'tidy', { releaseName: name, activate: false });
}

const json = async (url: string, headers: Record<string, string> = {}) => {
  const res = await rawRequest(`${server.url}${url}`, { headers });
  return { status: res.status, etag: res.headers.etag, body: res.body.length > 0 ? (JSON.parse(res.body.toString('utf8')) as Record<string, unknown>) : null };
};

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'pf-socket-releases-'));
  synthetic = (await cachedSyntheticRelease(dataDir, { seed: 42, scale: 0.02 })).id;
  await publishTidy('import-b', 612);
  server = await startServe(['--data', dataDir], { LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: '0' });
}, 180_000);
afterAll(async () => {
  if (server) await stopServe(server);
  await rm(dataDir, { recursive: true, force: true });
});

describe('two releases over a real socket', () => {
  it('answers each release named, with its id and its own ETag', async () => {
    const a = await json(`${VALUES}&release=${synthetic}`);
    const b = await json(`${VALUES}&release=import-b`);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect((a.body!.meta as { releaseId: string }).releaseId).toBe(synthetic);
    expect((b.body!.meta as { releaseId: string }).releaseId).toBe('import-b');
    expect(a.etag).toMatch(new RegExp(`^"${synthetic}\\.`));
    expect(b.etag).toMatch(/^"import-b\./);
    expect((await json(`${VALUES}&release=import-b`, { 'If-None-Match': a.etag! })).status).toBe(200);
    expect((await json(`${VALUES}&release=import-b`, { 'If-None-Match': b.etag! })).status).toBe(304);
  });

  it('lists and serves a release published while it runs, without a restart', async () => {
    await publishTidy('import-c', 640);
    const list = await json('/api/v1/releases');
    expect((list.body!.releases as { id: string; current: boolean }[]).map((r) => [r.id, r.current])).toEqual([[synthetic, true], ['import-c', false], ['import-b', false]]);
    const c = await json(`${VALUES}&release=import-c`);
    expect(c.status).toBe(200);
    expect((c.body!.meta as { releaseId: string }).releaseId).toBe('import-c');
  });
});
