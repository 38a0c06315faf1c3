import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReleaseStore } from '@pathfinder/fixtures';
import { cachedSyntheticRelease } from '../../fixtures/test/cached-release.ts';
import { ICBS } from '@pathfinder/metrics';
import { damagedCopy } from '../../fixtures/test/damage-release.ts';
import { eventually, runPathfinder, startServe, stopServe, type ServeProcess } from '../support/cli-process.ts';

const NEL = 'E54000029';
let dataDir: string;
let first: string;
let second: string;
let server: ServeProcess;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'pf-serve-'));
  first = (await cachedSyntheticRelease(dataDir, { seed: 7, scale: 0.02 })).id;
  second = (await cachedSyntheticRelease(dataDir, { seed: 8, scale: 0.02 })).id;
  await new ReleaseStore(dataDir).activate(first);
  server = await startServe(['--data', dataDir], { LOG_LEVEL: 'info', RATE_LIMIT_PER_MINUTE: '0' });
}, 180_000);
afterAll(async () => {
  if (server) {
    server.signal('SIGKILL');
    await server.exited;
  }
  await rm(dataDir, { recursive: true, force: true });
});

type Health = { status: 'ok' | 'degraded'; releaseId: string; reason?: string };
const health = async (url = server.url) => (await (await fetch(`${url}/healthz`)).json()) as Health;
const releaseId = async () => (await health()).releaseId;
/** A copy of release `second`, the newest of the data directory, with one byte of observations.parquet flipped. */
const DAMAGED = 'damaged';

describe('pathfinder serve and pathfinder token, as separate processes', () => {
  it('creates the token secret (0600) at start, and `pathfinder token` signs tokens it accepts with the right scope', async () => {
    expect((await stat(path.join(dataDir, 'token-secret'))).mode & 0o777).toBe(0o600);
    const issued = await runPathfinder(['token', '--role', 'ics', '--icb', NEL, '--ttl', '1h', '--data', dataDir]);
    expect(issued.code, issued.stderr).toBe(0);
    const headers = { Authorization: `Bearer ${issued.stdout.trim()}` };
    const own = await fetch(`${server.url}/api/v1/indicators/imm-mmr1-24m/values?areaType=practice&parent=${NEL}`, { headers });
    expect(own.status).toBe(200);
    expect(((await own.json()) as { rows: unknown[] }).rows.length).toBeGreaterThan(10);
    expect((await fetch(`${server.url}/api/v1/indicators/imm-mmr1-24m/values?areaType=practice&parent=${ICBS[0]!.code}`, { headers })).status).toBe(403);
    expect((await fetch(`${server.url}/api/v1/indicators/imm-mmr1-24m/values?areaType=practice&parent=${NEL}`)).status).toBe(401);
  }, 60_000);

  it('serves the bundled ONS boundaries of boroughs and ICBs with no configuration', async () => {
    for (const [areaType, count] of [['borough', 33], ['icb', 5]] as const) {
      const res = await fetch(`${server.url}/api/v1/boundaries?areaType=${areaType}`);
      expect(res.status, areaType).toBe(200);
      expect(((await res.json()) as { features: unknown[] }).features, areaType).toHaveLength(count);
    }
  });

  it('appends practice-level answers to <data dir>/audit.log (0600) as JSON lines', async () => {
    const file = path.join(dataDir, 'audit.log');
    expect(await eventually(async () => (await readFile(file, 'utf8').catch(() => '')).includes('"level":"practice"'), 5_000)).toBe(true);
    const lines = (await readFile(file, 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines[0]).toMatchObject({ subject: 'local-ics', role: 'ics', icb: NEL, method: 'GET', status: 200, release: first, level: 'practice' });
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('switches to a release activated by another process within seconds, answering every request meanwhile', async () => {
    expect(await releaseId()).toBe(first);
    const statuses: number[] = [];
    let switching = true;
    const load = (async () => {
      while (switching) statuses.push((await fetch(`${server.url}/api/v1/indicators/imm-mmr1-24m/values?areaType=icb`)).status);
    })();
    const activated = await runPathfinder(['release', 'activate', second, '--data', dataDir]);
    expect(activated.code, activated.stderr).toBe(0);
    expect(await eventually(async () => (await releaseId()) === second, 10_000)).toBe(true);
    switching = false;
    await load;
    expect(statuses.length).toBeGreaterThan(5);
    expect(statuses.every((s) => s === 200)).toBe(true);
    const values = (await (await fetch(`${server.url}/api/v1/indicators/imm-mmr1-24m/values?areaType=icb`)).json()) as { meta: { releaseId: string } };
    expect(values.meta.releaseId).toBe(second);
  }, 60_000);

  it('re-reads the current release on SIGHUP', async () => {
    await new ReleaseStore(dataDir).activate(first);
    server.signal('SIGHUP');
    expect(await eventually(async () => (await releaseId()) === first, 10_000)).toBe(true);
    expect(await eventually(async () => /SIGHUP/.test(server.output()), 5_000)).toBe(true);
  }, 30_000);

  it('refuses to activate a release with a flipped byte (exit 2, naming the file); a pointer moved to it anyway leaves the served release, and /healthz says degraded', async () => {
    const store = new ReleaseStore(dataDir);
    await damagedCopy(store.releaseDir(second), store.releaseDir(DAMAGED), 'flipped byte', 'observations.parquet', { id: DAMAGED, createdAt: new Date().toISOString() });
    const refused = await runPathfinder(['release', 'activate', DAMAGED, '--data', dataDir]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^release damaged refused: its files do not match its manifest\n {2}observations\.parquet: SHA-256 [0-9a-f]{64}, the manifest says [0-9a-f]{64}\n/);
    expect(await store.currentId()).toBe(first);

    await writeFile(path.join(dataDir, 'current'), `${DAMAGED}\n`);
    server.signal('SIGHUP');
    expect(await eventually(async () => (await health()).status === 'degraded', 10_000)).toBe(true);
    expect(await health()).toEqual({ status: 'degraded', releaseId: first, reason: expect.stringMatching(/^release damaged failed verification: observations\.parquet: SHA-256 /) });
    expect(server.output()).toMatch(/"msg":"release switch on SIGHUP failed","serving":"[^"]+","error":"ReleaseVerificationError: release damaged failed verification: observations\.parquet/);
    expect((await fetch(`${server.url}/api/v1/indicators/imm-mmr1-24m/values?areaType=icb`)).status).toBe(200);

    await store.activate(first);
    server.signal('SIGHUP');
    expect(await eventually(async () => (await health()).status === 'ok', 10_000)).toBe(true);
    await writeFile(path.join(dataDir, 'current'), `${DAMAGED}\n`);
  }, 60_000);

  it('on SIGTERM finishes the request in flight, then exits 0', async () => {
    const inFlight = fetch(`${server.url}/api/v1/areas/E09000012/profile`);
    await new Promise((r) => setTimeout(r, 50));
    server.signal('SIGTERM');
    expect((await inFlight).status).toBe(200);
    expect(await server.exited).toBe(0);
    expect(server.output()).toContain('SIGTERM: finishing requests in flight');
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
  }, 30_000);

  it('on SIGTERM as soon as it says it is up, while it builds its cubes in the background, interrupts them and exits 0', async () => {
    // Closing a database under a build's query used to deadlock DuckDB, and the process never exited.
    const starting = await startServe(['--data', dataDir], { RATE_LIMIT_PER_MINUTE: '0', LOG_LEVEL: 'info' });
    starting.signal('SIGTERM');
    expect(await starting.exited).toBe(0);
    expect(starting.output()).not.toContain('"level":"error"');
  }, 30_000);

  it('restarted on a data directory whose current release fails verification, serves the newest release that passes, and /healthz says degraded', async () => {
    expect(await new ReleaseStore(dataDir).currentId()).toBe(DAMAGED);
    const restarted = await startServe(['--data', dataDir], { RATE_LIMIT_PER_MINUTE: '0' });
    try {
      expect(await health(restarted.url)).toEqual({ status: 'degraded', releaseId: second, reason: expect.stringMatching(/^release damaged failed verification: observations\.parquet: SHA-256 /) });
      expect(restarted.output()).toMatch(/"level":"warn","msg":"serving an older release: the current one cannot be served","release":"[^"]+","reason":"release damaged failed verification/);
      const values = (await (await fetch(`${restarted.url}/api/v1/indicators/imm-mmr1-24m/values?areaType=icb`)).json()) as { meta: { releaseId: string } };
      expect(values.meta.releaseId).toBe(second);
    } finally {
      await stopServe(restarted);
    }
  }, 60_000);

  it('refuses to start, naming each release and its bad file, when no release passes verification', async () => {
    const lonely = await mkdtemp(path.join(tmpdir(), 'pf-serve-bad-'));
    try {
      await mkdir(path.join(lonely, 'releases'));
      await damagedCopy(new ReleaseStore(dataDir).releaseDir(first), path.join(lonely, 'releases', 'only'), 'missing file', 'areas.parquet', { id: 'only' });
      await writeFile(path.join(lonely, 'current'), 'only\n');
      const run = await runPathfinder(['serve', '--data', lonely, '--port', '0', '--host', '127.0.0.1']);
      expect(run.code).toBe(1);
      expect(run.stderr).toBe(`error: no release in ${lonely} can be served:\n  release only failed verification: areas.parquet: missing\n`);
    } finally {
      await rm(lonely, { recursive: true, force: true });
    }
  }, 30_000);
});
