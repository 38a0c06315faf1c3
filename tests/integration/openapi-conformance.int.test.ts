import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOROUGHS, ICBS, IMMUNISATION_EXTRACTS } from '@pathfinder/metrics';
import type { DataStore } from '@pathfinder/server';
import { ALL_CALLERS, authHeaders } from '../support/callers.ts';
import { OPENAPI_PATH } from '../support/contract-recorder.ts';
import { ContractChecker } from '../support/openapi-conformance.ts';
import { requestsFromOpenApi, type OpenApiDocument } from '../support/openapi-requests.ts';
import { openTestRelease } from '../support/test-release.ts';

// Every integration test's answers are checked against the document (openTestRelease records them);
// this file makes sure each route meets each status it declares at least once, and that the checker
// itself refuses what the document does not declare.

let release: Awaited<ReturnType<typeof openTestRelease>>;
let doc: OpenApiDocument;
let checker: ContractChecker;
const statuses = new Map<number, number>();

const INDICATOR = 'imm-mmr1-24m';
const fromAddress = (address: string) => ({ incoming: { socket: { remoteAddress: address } } });

beforeAll(async () => {
  release = await openTestRelease({ scale: 0.02 });
  doc = (await (await release.app().request(OPENAPI_PATH)).json()) as OpenApiDocument;
  checker = await ContractChecker.of(doc);
}, 120_000);
afterAll(() => release?.dispose());

/** Sends a request through `app` (recorded and checked by the test release) and counts its status. */
async function send(app: ReturnType<typeof release.app>, url: string, init: RequestInit = {}, env?: object) {
  const res = await app.request(url, init, env as never);
  statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
  await res.arrayBuffer();
  return res;
}

describe('the contract checker (openapi-backend)', () => {
  const ok = { method: 'GET', url: `/api/v1/indicators/${INDICATOR}/values`, headers: {}, status: 200, contentType: 'application/json' };

  it.each([
    ['an undeclared status', { ...ok, status: 418, contentType: 'application/problem+json', body: '{"type":"about:blank","title":"Teapot","status":418,"code":"teapot"}' }, 'status not declared'],
    ['an undeclared content type', { ...ok, contentType: 'text/html', body: '<p>hi</p>' }, 'content type text/html not declared'],
    ['a body that does not match its schema', { ...ok, body: '{"rows":"none"}' }, 'body does not match the application/json schema'],
    ['a problem without a code', { ...ok, status: 404, contentType: 'application/problem+json', body: '{"type":"about:blank","title":"Not found","status":404}' }, 'application/problem+json schema'],
    ['an undeclared parameter accepted', { ...ok, url: `${ok.url}?junk=1`, body: '{}' }, 'accepted a request the document refuses'],
    ['a body on a 304', { ...ok, status: 304, contentType: null, body: 'x' }, 'a body where the document declares none'],
  ])('refuses %s', (_case, exchange, message) => {
    expect(checker.violations(exchange).join('\n')).toContain(message);
  });

  it('passes an answer the document declares, and requests to no documented operation', () => {
    expect(checker.violations({ ...ok, url: '/api/v1/indicators', body: null })).toEqual([]);
    expect(checker.violations({ ...ok, url: '/api/v1/nope', status: 404, contentType: 'application/problem+json', body: '{}' })).toEqual([]);
  });
});

describe('every documented operation, answered as the document says', () => {
  it('for every caller, with JSON and CSV answers and bad parameters', async () => {
    const app = release.app();
    const areas = release.store.current().areas;
    const practices = ICBS.map((i) => areas.list('practice', i.code)[0]!.code);
    const campaigns = ((await (await app.request('/api/v1/campaigns')).json()) as { campaigns: { id: string }[] }).campaigns;
    const urls = requestsFromOpenApi(doc, {
      id: [INDICATOR, 'no-such-indicator'],
      indicator: [INDICATOR, 'no-such-indicator'],
      '/api/v1/campaigns/{id}/progress id': [campaigns[0]!.id, 'no-such-campaign'],
      '/api/v1/campaigns/{id}/outreach id': [campaigns[0]!.id, 'no-such-campaign'],
      '/api/v1/campaigns/{id}/outreach level': [undefined, 'borough', 'galaxy'],
      '/api/v1/cohorts/{id}/curve id': [INDICATOR, 'ast-review-12m'],
      file: [...IMMUNISATION_EXTRACTS.map((name) => `${name}.parquet`), 'nope.parquet'],
      '/api/v1/extracts/{file} borough': [undefined, BOROUGHS.find((b) => b.parent === ICBS[1]!.code)!.code],
      code: [BOROUGHS[0]!.code, practices[0], 'E99999999'],
      area: [BOROUGHS[0]!.code, practices[0], 'E99999999'],
      areaType: [undefined, 'practice', 'galaxy'],
      type: [undefined, 'practice'],
      parent: [undefined, ICBS[0]!.code, 'E99999999'],
      domain: [undefined],
      format: [undefined, 'csv', 'xml'],
      interval: [undefined, 'day'],
      breakdown: [undefined],
      intervention: ['2022/23 Q2', 'not-a-period'],
    }, new Set(['format']));
    expect(urls.length).toBeGreaterThan(60);
    // The public, and an ics caller whose ICB holds practices[0] and not the other ICB's borough.
    for (const caller of [ALL_CALLERS[0]!, ALL_CALLERS[1]!]) {
      const headers = await authHeaders(caller, release.token);
      for (const url of urls) await send(app, url, { headers });
    }
    for (const url of ['/api/v1/indicators?junk=1', `/api/v1/indicators/${INDICATOR}/values?areaType=borough&areaType=icb`, '/healthz', '/releases/current']) await send(app, url);
    await send(app, '/api/v1/indicators', { headers: { Authorization: 'Bearer not-a-token' } });
  }, 300_000);

  it('for the refusals of the middleware: 304, 413, 414, 422, 429, 500 and 503', async () => {
    const app = release.app();
    const etag = (await send(app, '/api/v1/indicators')).headers.get('etag')!;
    expect((await send(app, '/api/v1/indicators', { headers: { 'If-None-Match': etag } })).status).toBe(304);
    expect((await send(app, '/api/v1/indicators', { headers: { 'Content-Length': String(1 << 20) } })).status).toBe(413);
    expect((await send(app, `/api/v1/indicators/${'a'.repeat(2_000)}`)).status).toBe(414);
    expect((await send(app, `/api/v1/indicators/${INDICATOR}/values?parent=${'E'.repeat(3_000)}`)).status).toBe(414);
    expect((await send(app, '/api/v1/campaigns/polio-ipv-2022/progress?interval=day&breakdown=deprivation')).status).toBe(422);

    const limited = release.app({ rateLimitPerMinute: 1 });
    await send(limited, '/api/v1/indicators', {}, fromAddress('203.0.113.7'));
    expect((await send(limited, `/api/v1/indicators/${INDICATOR}/values`, {}, fromAddress('203.0.113.7'))).status).toBe(429);

    const campaignsFile = path.join(release.dataDir, 'campaigns.json');
    await writeFile(campaignsFile, '{ not json');
    try {
      expect((await send(release.app(), '/api/v1/campaigns')).status).toBe(500);
    } finally {
      await rm(campaignsFile);
    }

    const open = release.store.current();
    const slowStore: DataStore = {
      current: () => ({ ...open, runner: { all: (query, options) => new Promise((resolve) => setTimeout(resolve, 200)).then(() => open.runner.all(query, options)) } }),
      refresh: async () => false,
      close: async () => {},
    };
    expect((await send(release.app({ store: slowStore, queryTimeoutMs: 20 }), `/api/v1/indicators/${INDICATOR}/values`)).status).toBe(503);
  });

  it('met every status the document declares but 431 (Node’s HTTP parser answers it: the socket tier checks it), and broke none', async () => {
    const { checked, violations } = await release.contract.violations();
    expect(violations).toEqual([]);
    expect(checked).toBeGreaterThan(150);
    expect([...statuses.keys()].sort()).toEqual(expect.arrayContaining([200, 304, 400, 401, 403, 404, 413, 414, 422, 429, 500, 503]));
  });
});
