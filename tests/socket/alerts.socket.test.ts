import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findArea, findIndicator, type AlertItem, type AlertList, type AttentionList, type ReleaseManifest } from '@pathfinder/metrics';
import { issueToken } from '@pathfinder/server';
import { cachedSyntheticRelease } from '../../fixtures/test/cached-release.ts';
import { runPathfinder, startServe, stopServe, type ServeProcess } from '../support/cli-process.ts';
import { rawRequest } from '../support/raw-http.ts';
import { TEST_TOKEN_SECRET } from '../support/test-release.ts';
import { childrenNamed, parseXml } from '../support/xml-document.ts';
import { verifyWebhookSignature } from '../../server/src/alerts/webhook-signature.ts';

// The issue's "done means" sequence over real sockets: a data directory whose current release is
// the synthetic London as at 31 December 2024 (`generate --scale 0.05 --as-at 2024-12-31`), with a
// subscription for the North East London ICS; `pathfinder serve`; then the release as at 31 March
// 2025 becomes current (`pathfinder release activate`, one of the commands that move the pointer;
// the releases are the generator's bytes from the test cache, since each generation takes most of a
// minute on a CI machine); the webhook must receive a signed delivery naming only NEL areas, once,
// even across a restart.

const NEL = 'E54000029';
const SECRET = 'nel-webhook-secret-of-some-length';
const WEB_DIST = fileURLToPath(new URL('../../web/dist/index.html', import.meta.url));

interface Hook {
  readonly body: string;
  readonly signature: string;
  readonly key: string;
  readonly type: string;
}

let dataDir: string;
let server: ServeProcess;
let earlier: ReleaseManifest;
let later: ReleaseManifest;
const hooks: Hook[] = [];
const receiver = createServer((req, res) => {
  // Bytes first, decoded once: a character split across two chunks would be garbled (and its signature fail) if each chunk were decoded.
  const chunks: Buffer[] = [];
  req.on('data', (d: Buffer) => chunks.push(d));
  req.on('end', () => {
    const body = Buffer.concat(chunks).toString('utf8');
    hooks.push({ body, signature: String(req.headers['x-pathfinder-signature']), key: String(req.headers['idempotency-key']), type: String(req.headers['content-type']) });
    res.writeHead(202).end();
  });
});
const nelToken = () => issueToken(TEST_TOKEN_SECRET, { role: 'ics', icb: NEL, ttlSeconds: 600 });
const regionToken = () => issueToken(TEST_TOKEN_SECRET, { role: 'region', ttlSeconds: 600 });
// The request deadline is a guard against slow answers, measured by `pnpm bench`; here a loaded CI machine must not turn a first, cold comparison into a 503.
const SERVE_ENV = { LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: '0', PATHFINDER_TOKEN_SECRET: TEST_TOKEN_SECRET, QUERY_TIMEOUT_MS: '60000' };

async function getJson<T>(url: string, token?: string): Promise<T> {
  const res = await rawRequest(`${server.url}${url}`, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  expect(res.status, res.body.toString('utf8')).toBe(200);
  return JSON.parse(res.body.toString('utf8')) as T;
}

async function until(what: string, condition: () => boolean, ms: number): Promise<number> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > ms) throw new Error(`${what}: not within ${ms / 1000} s`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return Date.now() - started;
}

/** Every area code of the NEL ICS at every level, as the region's token lists them. */
async function nelAreas(): Promise<Set<string>> {
  const token = await regionToken();
  const codes = new Set([NEL]);
  for (const type of ['borough', 'pcn', 'practice']) {
    const { areas } = await getJson<{ areas: { code: string }[] }>(`/api/v1/areas?type=${type}&parent=${NEL}`, token);
    expect(areas.length).toBeGreaterThan(0);
    for (const a of areas) codes.add(a.code);
  }
  return codes;
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'pf-socket-alerts-'));
  later = await cachedSyntheticRelease(dataDir, { seed: 42, scale: 0.05 });
  earlier = await cachedSyntheticRelease(dataDir, { seed: 42, scale: 0.05, asAt: '2024-12-31' });
  expect(earlier.id).toBe(`${later.id}-asat2024-12-31`);
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/pathfinder`;
  await writeFile(path.join(dataDir, 'subscriptions.json'), JSON.stringify([{ id: 'nel-ics', role: 'ics', icb: NEL, webhook: { url, secret: SECRET } }], null, 2));
  server = await startServe(['--data', dataDir], SERVE_ENV);
}, 180_000);
afterAll(async () => {
  if (server) await stopServe(server);
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
  await rm(dataDir, { recursive: true, force: true });
});

describe('subscriptions.json at start', () => {
  it('stops the start with a message naming each bad field', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'pf-socket-subs-'));
    try {
      await writeFile(path.join(dir, 'subscriptions.json'), JSON.stringify([{ id: 'a', role: 'region', email: { to: 'lead@example.org' } }, { id: 'b', role: 'ics', webhook: { url: 'https://h.example.org/', secret: 'short' } }]));
      const run = await runPathfinder(['serve', '--port', '0', '--data', dir], SERVE_ENV);
      expect(run.code).not.toBe(0);
      expect(run.stderr).toContain('subscriptions.json[1].icb: an ics subscription needs its icb');
      expect(run.stderr).toContain('subscriptions.json[1].webhook.secret: at least 16 characters');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('alerts of a new release, end to end', () => {
  it('delivers nothing for the first release, then signed NEL-only alerts within 45 s of the next becoming current', async () => {
    await until('the server says the first release has nothing to compare with', () => server.output().includes('nothing to deliver'), 30_000);
    expect(hooks).toEqual([]);
    const activated = await runPathfinder(['release', 'activate', later.id, '--data', dataDir]);
    expect(activated.code, activated.stderr).toBe(0);
    const ms = await until('a webhook delivery', () => hooks.length > 0, 45_000);
    console.log(`webhook delivered ${(ms / 1000).toFixed(1)} s after release activate`);
    const [hook] = hooks;
    expect(hook!.type).toBe('application/json');
    expect(verifyWebhookSignature(hook!.body, SECRET, hook!.signature)).toBe(true);
    expect(verifyWebhookSignature(hook!.body, 'another-secret-entirely', hook!.signature)).toBe(false);
    expect(hook!.key).toBe(`nel-ics:${later.id}`);
    const payload = JSON.parse(hook!.body) as { subscription: string; release: string; previousRelease: string; alerts: AlertItem[] };
    expect(payload).toMatchObject({ subscription: 'nel-ics', release: later.id, previousRelease: earlier.id });
    expect(payload.alerts.length).toBeGreaterThan(0);
    const nel = await nelAreas();
    expect(payload.alerts.filter((a) => !nel.has(a.areaCode)).map((a) => a.areaCode)).toEqual([]);
    expect(payload.alerts.every((a) => a.link.startsWith(`${server.url.replace('127.0.0.1', 'localhost')}/`))).toBe(true);
    const attempts = server.output().split('\n').filter((l) => l.includes('"alert delivery attempt"'));
    expect(attempts.map((l) => JSON.parse(l) as Record<string, unknown>).map((l) => [l.subscription, l.release, l.channel, l.outcome])).toEqual([['nel-ics', later.id, 'webhook', 'delivered']]);
  }, 60_000);

  it('does not deliver again after a restart', async () => {
    await stopServe(server);
    server = await startServe(['--data', dataDir], SERVE_ENV);
    await until('the restarted server finds the delivery done', () => server.output().includes('already handled'), 30_000);
    // A retry would have gone out at once: wait a moment more for one that must not come.
    await new Promise((r) => setTimeout(r, 1000));
    expect(hooks).toHaveLength(1);
  }, 45_000);

  it('gives the NEL token an Atom feed whose entry links open on the dashboard', async () => {
    const res = await rawRequest(`${server.url}/api/v1/alerts.atom?limit=20`, { headers: { Authorization: `Bearer ${await nelToken()}` } });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    const entries = childrenNamed(parseXml(res.body.toString('utf8')), 'entry');
    expect(entries.length).toBeGreaterThan(0);
    const links = entries.map((e) => new URL(childrenNamed(e, 'link')[0]!.attributes.href!));
    for (const link of links) {
      expect(link.origin).toBe(server.url);
      const [, page, id] = link.pathname.split('/');
      // The web app's routes (web/src/routing/route-tree.tsx): /indicators/$id and /campaigns/$id.
      expect(page === 'indicators' ? findIndicator(decodeURIComponent(id!)) : page === 'campaigns' ? id : undefined).toBeDefined();
      if (existsSync(WEB_DIST)) {
        // The built app answers the link itself (the full test run builds it first).
        const page = await rawRequest(link.href);
        expect([page.status, page.headers['content-type']]).toEqual([200, 'text/html; charset=UTF-8']);
      } else {
        // Without the built app (a socket run on its own), the data the link opens must answer: the indicator's trend at the area, or the campaign.
        const api =
          page === 'indicators'
            ? `/api/v1/indicators/${id}/trend?area=${link.searchParams.get('area')}&release=${link.searchParams.get('release')}`
            : `/api/v1/campaigns?release=${link.searchParams.get('release')}`;
        const data = await rawRequest(`${server.url}${api}`, { headers: { Authorization: `Bearer ${await nelToken()}` } });
        expect(data.status, link.href).toBe(200);
        if (page === 'campaigns') expect(data.body.toString('utf8')).toContain(`"id":"${decodeURIComponent(id!)}"`);
      }
    }
  });

  it('lists only NEL areas in the NEL attention list, and no practice or PCN to the public', async () => {
    const nel = await nelAreas();
    const nelList = await getJson<AttentionList>('/api/v1/attention?limit=5000', await nelToken());
    expect(nelList.items.length).toBeGreaterThan(0);
    expect(nelList.items.filter((i) => !nel.has(i.areaCode)).map((i) => i.areaCode)).toEqual([]);
    const pub = await getJson<AttentionList>('/api/v1/attention?limit=5000');
    const pubAlerts = await getJson<AlertList>('/api/v1/alerts?limit=5000');
    expect(pub.items.length).toBeGreaterThan(0);
    expect(pubAlerts.items.length).toBeGreaterThan(0);
    for (const item of [...pub.items, ...pubAlerts.items]) {
      expect(['practice', 'pcn']).not.toContain(item.areaType);
      // A code of the fixed geography (London, ICBs, boroughs): no practice or PCN under another type.
      expect(findArea(item.areaCode), item.areaCode).toBeDefined();
    }
  });
});
