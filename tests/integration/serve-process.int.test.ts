import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReleaseStore, generateSyntheticRelease } from '@pathfinder/fixtures';
import { ICBS } from '@pathfinder/metrics';
import { eventually, runPathfinder, startServe, type ServeProcess } from '../support/cli-process.ts';

const NEL = 'E54000029';
let dataDir: string;
let first: string;
let second: string;
let server: ServeProcess;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'pf-serve-'));
  first = (await generateSyntheticRelease(dataDir, { seed: 7, scale: 0.02 })).id;
  second = (await generateSyntheticRelease(dataDir, { seed: 8, scale: 0.02 })).id;
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

const releaseId = async () => ((await (await fetch(`${server.url}/healthz`)).json()) as { releaseId: string }).releaseId;

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

  it('on SIGTERM finishes the request in flight, then exits 0', async () => {
    const inFlight = fetch(`${server.url}/api/v1/areas/E09000012/profile`);
    await new Promise((r) => setTimeout(r, 50));
    server.signal('SIGTERM');
    expect((await inFlight).status).toBe(200);
    expect(await server.exited).toBe(0);
    expect(server.output()).toContain('SIGTERM: finishing requests in flight');
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
  }, 30_000);
});
