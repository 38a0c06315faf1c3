import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sign } from 'hono/jwt';
import { BOROUGHS, ENGLAND, ICBS, IMMUNISATION_EXTRACTS, LONDON } from '@pathfinder/metrics';
import { ALL_CALLERS, authHeaders } from '../support/callers.ts';
import { requestsFromOpenApi, type OpenApiDocument } from '../support/openapi-requests.ts';
import { disclosureViolations } from '../support/disclosure-check.ts';
import { leakedCodes, practiceAndPcnIcbs } from '../support/scope-check.ts';
import { openTestRelease, TEST_TOKEN_SECRET } from '../support/test-release.ts';

let release: Awaited<ReturnType<typeof openTestRelease>>;
let app: ReturnType<typeof release.app>;
let urls: string[];
let icbOf: ReadonlyMap<string, string>;

// Scope rules do not depend on the indicator; one with every area level and breakdown is enough.
const INDICATOR_ID = 'imm-mmr1-24m';

beforeAll(async () => {
  // Scope rules do not depend on volume: the smallest scale keeps the ~2,500 requests quick.
  release = await openTestRelease({ scale: 0.02 });
  app = release.app();
  icbOf = practiceAndPcnIcbs(release.store);
  const areas = release.store.current().areas;
  // One practice and one PCN in each ICB, so every ics caller meets others' codes in every position.
  const practices = ICBS.map((i) => areas.list('practice', i.code)[0]!.code);
  const pcns = ICBS.map((i) => areas.list('pcn', i.code)[0]!.code);
  const areaCodes = [BOROUGHS[0]!.code, ENGLAND.code, LONDON.code, ICBS[0]!.code, ...practices, ...pcns];
  const campaigns = ((await (await app.request('/api/v1/campaigns')).json()) as { campaigns?: { id: string }[] }).campaigns ?? [];
  const doc = (await (await app.request('/api/v1/openapi.json')).json()) as OpenApiDocument;
  urls = requestsFromOpenApi(
    doc,
    {
      id: [INDICATOR_ID],
      indicator: [INDICATOR_ID],
      '/api/v1/campaigns/{id}/progress id': campaigns.slice(0, 1).map((c) => c.id),
      // The outreach list: all London (an ics token's own ICB) and each ICB, at every level.
      '/api/v1/campaigns/{id}/outreach id': campaigns.slice(0, 1).map((c) => c.id),
      '/api/v1/campaigns/{id}/outreach level': [undefined, 'pcn', 'borough'],
      '/api/v1/campaigns/{id}/outreach icb': [undefined, ...ICBS.map((i) => i.code)],
      // The overview has borough and ICB rows only and is the slowest answer: one parent is enough.
      '/api/v1/overview parent': [undefined, ICBS[0]!.code],
      domain: [undefined],
      file: IMMUNISATION_EXTRACTS.map((name) => `${name}.parquet`),
      // One borough of each ICB, so every ics caller asks for its own and for others'.
      '/api/v1/extracts/{file} borough': [undefined, ...ICBS.map((i) => BOROUGHS.find((b) => b.parent === i.code)!.code)],
      // A profile runs a query per indicator; one own and several foreign codes for every ics caller suffice.
      code: [BOROUGHS[0]!.code, practices[0], practices[1], pcns[2], pcns[3], practices[4]],
      area: areaCodes,
      areaType: [undefined, 'practice', 'pcn', 'borough', 'icb', 'region'],
      type: [undefined, 'practice', 'pcn', 'borough', 'icb', 'region'],
      parent: [undefined, ...ICBS.map((i) => i.code)],
      comparator: [undefined, 'parent', practices[0], pcns[1]],
      by: [undefined, 'deprivation', 'sex'],
      // The interrupted time series needs an intervention: a quarter with periods on both sides.
      intervention: ['2022/23 Q2'],
      // It fits every area of the level asked for (all London's practices for region and admin): practices, all and one ICB's, are what scope is about (PCNs go through the same visibleLevelAreas).
      '/api/v1/indicators/{id}/its areaType': ['practice'],
      '/api/v1/indicators/{id}/its parent': [undefined, ICBS[0]!.code],
      format: [undefined, 'csv'],
      // The attention list filters one status table: another ICB's practice and PCN, as area or parent, and the fine levels are what scope is about.
      '/api/v1/attention area': [undefined, practices[0], pcns[1], practices[2]],
      '/api/v1/attention areaType': [undefined, 'practice', 'pcn', 'region'],
      '/api/v1/attention parent': [undefined, ICBS[0]!.code, pcns[3]],
    },
    new Set(['areaType', 'type', 'parent', 'area']),
  );
}, 120_000);
afterAll(() => release.dispose());

describe('leak matrix: every OpenAPI operation × every role', () => {
  it('covers every documented path with scope-relevant parameter values', () => {
    expect(urls.length).toBeGreaterThan(150);
    for (const path of ['/api/v1/indicators/imm-mmr1-24m/values?areaType=practice&parent=', '/api/v1/areas?type=pcn&parent=', '/api/v1/areas/SYN', '/api/v1/indicators/imm-mmr1-24m/funnel?areaType=practice&parent=', '/api/v1/indicators/imm-mmr1-24m/its?areaType=practice&parent=']) {
      expect(urls.some((u) => u.startsWith(path)), path).toBe(true);
    }
  });

  it.each(ALL_CALLERS.map((c) => [c.name, c] as const))('returns %s no practice or PCN row outside its scope (and the public no undisclosed count), and problem+json for every refusal', async (_name, caller) => {
    const headers = await authHeaders(caller, release.token);
    const leaks: string[] = [];
    const statuses = new Map<number, number>();
    let ownPracticeAnswers = 0;
    const disclosure: string[] = [];
    for (let i = 0; i < urls.length; i += 8) {
      await Promise.all(urls.slice(i, i + 8).map(async (url) => {
        const res = await app.request(url, { headers });
        const body = await res.text();
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        expect(res.status, `${url}: ${body.slice(0, 200)}`).toBeLessThan(500);
        if (res.status >= 400) expect(res.headers.get('content-type'), url).toBe('application/problem+json');
        // Parquet extracts are compressed, so this finds nothing in them: extracts.int.test.ts reads them back and checks their scope.
        const outside = leakedCodes(url, res.status, body, caller, icbOf);
        if (outside.length > 0) leaks.push(`${url} → ${res.status}: ${outside.slice(0, 5).join(', ')}`);
        if (res.status === 200 && [...icbOf.keys()].some((code) => body.includes(code))) ownPracticeAnswers++;
        if (caller.role === 'public' && res.status === 200 && res.headers.get('content-type')?.startsWith('application/json')) disclosure.push(...disclosureViolations(JSON.parse(body)).map((v) => `${url} ${v}`));
      }));
    }
    expect(leaks).toEqual([]);
    expect(disclosure).toEqual([]);
    // The matrix is not vacuous: callers allowed practice data got some, the public none.
    if (caller.role === 'public') expect(ownPracticeAnswers).toBe(0);
    else expect(ownPracticeAnswers).toBeGreaterThan(20);
    expect(statuses.get(200)).toBeGreaterThan(100);
  });
});

describe('tokens that must be refused', () => {
  const claims = { sub: 'attacker', role: 'admin', exp: Math.floor(Date.now() / 1000) + 3600 };
  const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const madeUpRsaKey = () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    return { ...privateKey.export({ format: 'jwk' }), alg: 'RS256', kid: 'made-up' };
  };

  it.each([
    ['tampered (payload changed, signature kept)', async () => {
      const [h, , s] = (await release.token('public')).split('.');
      return `${h}.${b64(claims)}.${s}`;
    }],
    ['tampered (signature changed)', async () => `${(await release.token('region')).slice(0, -3)}AAA`],
    ['expired', async () => release.token('region', undefined, -10)],
    ['signed with HS512 and the right secret', async () => sign(claims, TEST_TOKEN_SECRET, 'HS512')],
    ['alg none', async () => `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.`],
    ['unsigned (no signature part)', async () => `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(claims)}`],
    ['RS256 with a made-up key', async () => sign(claims, madeUpRsaKey() as never, 'RS256')],
    ['HS256 with another secret', async () => sign(claims, 'another-secret-of-at-least-32-characters', 'HS256')],
    ['without exp', async () => sign({ sub: 'x', role: 'admin' }, TEST_TOKEN_SECRET, 'HS256')],
    ['for an ics role without an ICB', async () => sign({ sub: 'x', role: 'ics', exp: claims.exp }, TEST_TOKEN_SECRET, 'HS256')],
    ['not a JWT', async () => 'hello'],
  ])('refuses a token %s with 401 invalid_token', async (_name, make) => {
    const token = await make();
    for (const path of ['/api/v1/indicators', `/api/v1/areas?type=practice&parent=${ICBS[0]!.code}`]) {
      const res = await app.request(path, { headers: { Authorization: `Bearer ${token}` } });
      expect(res.status, path).toBe(401);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      expect(((await res.json()) as { code: string }).code).toBe('invalid_token');
    }
  });
});

describe('GET /api/v1/session', () => {
  it.each([
    { role: 'public' as const, icb: undefined, expected: { role: 'public', icb: null, areaTypes: ['england', 'region', 'icb', 'borough'] } },
    { role: 'ics' as const, icb: 'E54000029', expected: { role: 'ics', icb: 'E54000029', areaTypes: ['england', 'region', 'icb', 'borough', 'pcn', 'practice'] } },
    { role: 'region' as const, icb: undefined, expected: { role: 'region', icb: null, areaTypes: ['england', 'region', 'icb', 'borough', 'pcn', 'practice'] } },
  ])('tells a $role caller its role and the area levels it may see', async ({ role, icb, expected }) => {
    const res = await app.request('/api/v1/session', { headers: role === 'public' ? {} : await release.auth(role, icb) });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(expected);
  });

  it('refuses a token it cannot verify with 401 invalid_token, not a public session', async () => {
    const res = await app.request('/api/v1/session', { headers: { Authorization: 'Bearer not-a-token' } });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ code: 'invalid_token' });
  });

  it('keeps the answers of different callers apart in the cache', async () => {
    const ics = await (await app.request('/api/v1/session', { headers: await release.auth('ics', 'E54000027') })).json();
    const anonymous = await (await app.request('/api/v1/session')).json();
    expect(ics).toMatchObject({ role: 'ics', icb: 'E54000027' });
    expect(anonymous).toMatchObject({ role: 'public', icb: null });
  });
});
