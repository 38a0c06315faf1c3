import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOROUGHS, isMergedForPublic } from '@pathfinder/metrics';
import type { DataStore } from '@pathfinder/server';
import { openTestRelease } from '../support/test-release.ts';

let release: Awaited<ReturnType<typeof openTestRelease>>;

beforeAll(async () => {
  release = await openTestRelease({ scale: 0.02 });
}, 120_000);
afterAll(() => release.dispose());

const ALLOWED = 'https://dashboard.example.org';
const fromAddress = (address: string) => ({ incoming: { socket: { remoteAddress: address } } });
const problemOf = async (res: Response) => {
  expect(res.headers.get('content-type')).toBe('application/problem+json');
  return (await res.json()) as { code: string; status: number; detail: string };
};

describe('security headers', () => {
  it.each(['/', '/api/v1/indicators', '/api/v1/docs', '/api/v1/nope'])('sends CSP, HSTS, nosniff, no referrer and no framing on %s', async (path) => {
    const app = release.app({ webAssets: async (c) => c.html('<!doctype html><title>Pathfinder Monitor</title>') });
    const res = await app.request(path);
    const csp = res.headers.get('content-security-policy') ?? '';
    const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(directives.get('worker-src')).toEqual(["'self'", 'blob:']);
    expect(directives.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(directives.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'self'"]);
    expect(res.headers.get('strict-transport-security')).toMatch(/^max-age=\d{8,}; includeSubDomains$/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
  });

  it('serves an API reference page with no inline script, so the CSP needs no unsafe-inline for scripts', async () => {
    const html = await (await release.app().request('/api/v1/docs')).text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toMatch(/\bsrc="\/api\/v1\/docs\.js"/);
    expect(html).not.toMatch(/<script\b[^>]*>(?!<\/script>)/);
  });
});

describe('CORS allow-list', () => {
  const app = () => release.app({ corsOrigins: [ALLOWED] });

  it('echoes an allowed origin and never allows credentials', async () => {
    const res = await app().request('/api/v1/indicators', { headers: { Origin: ALLOWED } });
    expect(res.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    expect(res.headers.get('vary')).toMatch(/Origin/);
  });

  it('sends no CORS headers to another origin, even when the answer comes from the cache', async () => {
    const shared = app();
    await shared.request('/api/v1/indicators', { headers: { Origin: ALLOWED } });
    const res = await shared.request('/api/v1/indicators', { headers: { Origin: 'https://evil.example' } });
    expect(res.headers.get('x-cache')).toBe('hit');
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers a preflight from an allowed origin with methods and headers, and one from another origin without', async () => {
    const preflight = (origin: string) => app().request('/api/v1/indicators/imm-mmr1-24m/values', { method: 'OPTIONS', headers: { Origin: origin, 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'authorization' } });
    const allowed = await preflight(ALLOWED);
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(allowed.headers.get('access-control-allow-headers')).toMatch(/Authorization/);
    expect(allowed.headers.get('access-control-allow-methods')).toMatch(/GET/);
    const other = await preflight('https://evil.example');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('allows no origin at all by default', async () => {
    const res = await release.app().request('/api/v1/indicators', { headers: { Origin: ALLOWED } });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('rate limiting', () => {
  it('answers 429 problem+json with Retry-After once an address has used its requests, and counts addresses apart', async () => {
    const app = release.app({ rateLimitPerMinute: 3 });
    for (let i = 0; i < 3; i++) expect((await app.request('/api/v1/indicators', {}, fromAddress('203.0.113.7'))).status).toBe(200);
    const limited = await app.request('/api/v1/indicators', {}, fromAddress('203.0.113.7'));
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(20);
    expect((await problemOf(limited)).code).toBe('rate_limited');
    expect(limited.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await app.request('/api/v1/indicators', {}, fromAddress('198.51.100.4'))).status).toBe(200);
  });

  it('never limits /healthz', async () => {
    const app = release.app({ rateLimitPerMinute: 1 });
    for (let i = 0; i < 5; i++) expect((await app.request('/healthz', {}, fromAddress('203.0.113.8'))).status).toBe(200);
  });

  it('ignores X-Forwarded-For, which any client can set', async () => {
    const app = release.app({ rateLimitPerMinute: 1 });
    expect((await app.request('/api/v1/indicators', { headers: { 'X-Forwarded-For': '1.1.1.1' } }, fromAddress('203.0.113.9'))).status).toBe(200);
    expect((await app.request('/api/v1/indicators', { headers: { 'X-Forwarded-For': '2.2.2.2' } }, fromAddress('203.0.113.9'))).status).toBe(429);
  });
});

describe('request size limits', () => {
  it.each([
    ['a 20 KB body', () => new Request('http://localhost/api/v1/indicators', { method: 'POST', body: 'x'.repeat(20_000) }), 413, 'body_too_large'],
    ['a 20 KB streamed body without Content-Length', () => new Request('http://localhost/api/v1/indicators', { method: 'POST', body: new Blob(['x'.repeat(20_000)]).stream(), duplex: 'half' } as RequestInit), 413, 'body_too_large'],
    ['a 3,000-character query string', () => new Request(`http://localhost/api/v1/indicators/imm-mmr1-24m/values?parent=${'E'.repeat(3_000)}`), 414, 'query_too_long'],
    ['a 2,000-character path', () => new Request(`http://localhost/api/v1/indicators/${'a'.repeat(2_000)}`), 414, 'path_too_long'],
    ['40 query parameters', () => new Request(`http://localhost/api/v1/indicators?${Array.from({ length: 40 }, (_, i) => `p${i}=1`).join('&')}`), 400, 'too_many_parameters'],
  ])('refuses %s with %i %s', async (_name, make, status, code) => {
    const res = await release.app().request(make());
    expect(res.status).toBe(status);
    expect((await problemOf(res)).code).toBe(code);
  });

  it('accepts an ordinary request with a small query', async () => {
    expect((await release.app().request('/api/v1/indicators/imm-mmr1-24m/values?areaType=icb&period=latest')).status).toBe(200);
  });
});

describe('unknown query parameters', () => {
  /** Every GET the OpenAPI document lists, path parameters filled with a placeholder: the parameter check comes before them. */
  const documentedGets = async (app: ReturnType<typeof release.app>) => {
    const doc = (await (await app.request('/api/v1/openapi.json')).json()) as { paths: Record<string, Record<string, { parameters?: { in: string; name: string }[] }>> };
    return Object.entries(doc.paths).flatMap(([path, operations]) => (operations.get ? [{ path: path.replaceAll(/\{[^}]+\}/g, 'x'), query: (operations.get.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name) }] : []));
  };

  it('answers 400 unknown_parameter naming the parameter on every documented route and the documentation itself', async () => {
    const app = release.app();
    const routes = await documentedGets(app);
    expect(routes.length).toBeGreaterThan(15);
    for (const path of [...routes.map((r) => r.path), '/api/v1/openapi.json', '/api/v1/docs', '/api/v1/docs.js']) {
      const res = await app.request(`${path}?junk=1`);
      expect(res.status, path).toBe(400);
      const problem = await problemOf(res);
      expect(problem.code, path).toBe('unknown_parameter');
      expect(problem.detail, path).toMatch(/^unknown parameter "junk"/);
    }
  });

  it('lists the parameters the route accepts, from its declaration', async () => {
    const app = release.app();
    const values = (await documentedGets(app)).find((r) => r.path === '/api/v1/indicators/x/values')!;
    expect(values.query).toContain('areaType');
    const problem = await problemOf(await app.request('/api/v1/indicators/imm-mmr1-24m/values?areaType=icb&areatype=icb'));
    expect(problem.detail).toBe(`unknown parameter "areatype": /api/v1/indicators/{id}/values accepts ${values.query.join(', ')}`);
    expect((await problemOf(await app.request('/api/v1/indicators?format=csv'))).detail).toBe('unknown parameter "format": /api/v1/indicators accepts release');
    expect((await problemOf(await app.request('/api/v1/session?release=x'))).detail).toBe('unknown parameter "release": /api/v1/session accepts no parameters');
  });

  it('still answers declared parameters, unknown routes with 404, and leaves the web app’s own URLs alone', async () => {
    const app = release.app({ webAssets: async (c) => c.html('<!doctype html><title>Pathfinder Monitor</title>') });
    expect((await app.request('/api/v1/indicators/imm-mmr1-24m/values?areaType=icb&period=latest&format=csv')).status).toBe(200);
    expect((await app.request('/api/v1/nope?junk=1')).status).toBe(404);
    expect((await app.request('/indicators/imm-mmr1-24m?area=E09000012&tab=trend')).status).toBe(200);
  });

  it('keeps no cache entry for a refused request: the next identical one is refused again, not replayed', async () => {
    const app = release.app();
    for (let i = 0; i < 2; i++) {
      const res = await app.request('/api/v1/indicators?junk=1');
      expect(res.status).toBe(400);
      expect(res.headers.get('x-cache')).toBeNull();
    }
  });
});

describe('answer cache bounded by bytes', () => {
  const cached = async (app: ReturnType<typeof release.app>, path: string) => (await app.request(path)).headers.get('x-cache') === 'hit';

  it('keeps the most recent answers within its budget in bytes and evicts the oldest', async () => {
    const boroughs = BOROUGHS.filter((b) => !isMergedForPublic(b.code)).slice(0, 20).map((b) => b.code);
    const paths = ['imm-mmr1-24m', 'imm-dtap-ipv-hib3-12m', 'imm-pcv-booster-24m', 'imm-mmr2-5y', 'imm-hib-menc-booster-24m'].flatMap((id) => boroughs.map((code) => `/api/v1/indicators/${id}/trend?area=${code}`));
    const measure = release.app();
    const sizes = await Promise.all(paths.map(async (path) => {
      const [plain, gzipped] = await Promise.all([measure.request(path), measure.request(path, { headers: { 'Accept-Encoding': 'gzip' } })]);
      return { plain: (await plain.arrayBuffer()).byteLength, kept: (await gzipped.arrayBuffer()).byteLength };
    }));
    // Every answer small enough to keep (at most an eighth of the budget), and kept compressed, so
    // that more than 8 fit but not all 100.
    const budget = 8 * Math.max(...sizes.map((s) => s.plain));
    const held = sizes.reduce((n, s) => n + s.kept + 2048, 0);
    expect(held).toBeGreaterThan(budget);
    const app = release.app({ cacheBytes: budget });
    for (const path of paths) expect((await app.request(path)).status).toBe(200);
    expect(await cached(app, paths.at(-1)!)).toBe(true);
    expect(await cached(app, paths.at(-9)!)).toBe(true);
    expect(await cached(app, paths[0]!)).toBe(false);
  });

  it('does not keep an answer over an eighth of the budget, and still sends it whole although it has no Content-Length', async () => {
    const path = '/api/v1/indicators/imm-mmr1-24m/values?areaType=borough';
    const whole = await (await release.app().request(path)).text();
    const app = release.app({ cacheBytes: whole.length * 4 });
    const first = await app.request(path);
    expect(first.status).toBe(200);
    expect(await first.text()).toBe(whole);
    expect(await cached(app, path)).toBe(false);
  });
});

describe('answer budgets', () => {
  const progress = (query: string) => `/api/v1/campaigns/polio-ipv-2022/progress?${query}`;

  it('refuses the public a campaign answer over its budget before any work, with 422 answer_too_large naming what makes it smaller', async () => {
    const res = await release.app().request(progress('interval=day&breakdown=deprivation'));
    expect(res.status).toBe(422);
    const problem = await problemOf(res);
    expect(problem.code).toBe('answer_too_large');
    expect(problem.detail).toMatch(/at most 40,000: ask for less with parent \(an ICB or borough code\), or interval=week, or no breakdown, or an earlier asOf$/);
  });

  it('answers the same request narrowed as the refusal says (daily and by group below London for a token, as for every campaign answer)', async () => {
    const app = release.app();
    expect((await app.request(progress('interval=week'))).status).toBe(200);
    const region = { headers: await release.auth('region') };
    expect((await app.request(progress('interval=week&breakdown=deprivation'), region)).status).toBe(200);
    expect((await app.request(progress(`interval=day&breakdown=deprivation&parent=${BOROUGHS[0]!.parent}`), region)).status).toBe(200);
  });

  it('gives a token a larger budget, still bounded', async () => {
    const app = release.app();
    const region = await release.auth('region');
    expect((await app.request(progress('interval=day&breakdown=deprivation'), { headers: region })).status).toBe(200);
    const practices = await app.request(progress('areaType=practice&interval=day&breakdown=deprivation'), { headers: region });
    expect(practices.status).toBe(422);
    expect((await problemOf(practices)).detail).toMatch(/answers hold at most 150,000/);
  });
});

describe('bearer token refusals', () => {
  it('answers 401 invalid_token without echoing any part of the submitted token', async () => {
    const app = release.app();
    const good = await release.token('region');
    const [header, payload, signature] = good.split('.') as [string, string, string];
    const expired = await release.token('region', undefined, -60);
    const tokens = [expired, `${header}.${payload}.${signature}=`, `${header}.${payload}x.${signature}`, `${header}.${payload}`, `${payload}.${header}.${signature}`, 'not-a-token-at-all-but-long-enough'];
    for (const token of tokens) {
      const res = await app.request('/api/v1/session', { headers: { Authorization: `Bearer ${token}` } });
      expect(res.status, token).toBe(401);
      const problem = await problemOf(res);
      expect(problem.code).toBe('invalid_token');
      for (const part of token.split('.')) expect(problem.detail, token).not.toContain(part);
    }
    expect((await app.request('/api/v1/session', { headers: { Authorization: `Bearer ${good}` } })).status).toBe(200);
  });
});

describe('another ICB’s practices and PCNs to an ics token', () => {
  const OWN = 'E54000029';
  const OTHER = 'E54000028';
  const UNKNOWN_PRACTICE = 'Z99999';
  const urls = (code: string) => [
    `/api/v1/indicators/imm-mmr1-24m/trend?area=${code}`,
    `/api/v1/indicators/imm-mmr1-24m/inequality?area=${code}`,
    `/api/v1/areas/${code}/profile`,
    `/api/v1/cohorts/imm-mmr1-24m/curve?area=${code}`,
    `/api/v1/indicators/imm-mmr1-24m/values?areaType=practice&parent=${code}`,
    `/api/v1/indicators/imm-mmr1-24m/funnel?parent=${code}`,
    `/api/v1/campaigns/polio-ipv-2022/progress?areaType=practice&parent=${code}`,
    `/api/v1/areas?type=practice&parent=${code}`,
  ];

  it('answer exactly as unknown codes do (404, the same problem), on every route that takes an area', async () => {
    const app = release.app();
    const ics = await release.auth('ics', OWN);
    const areas = release.store.current().areas;
    const hidden = [areas.list('practice', OTHER)[0]!.code, areas.list('pcn', OTHER)[0]!.code];
    const answer = async (url: string, code: string) => {
      const res = await app.request(url, { headers: ics });
      return { status: res.status, body: (await res.text()).replaceAll(code, 'CODE') };
    };
    for (const code of hidden) {
      for (const [i, url] of urls(code).entries()) {
        const unknown = await answer(urls(UNKNOWN_PRACTICE)[i]!, UNKNOWN_PRACTICE);
        expect(unknown.status, url).toBe(404);
        expect(await answer(url, code), url).toEqual(unknown);
      }
    }
  });

  it('still answers the token’s own practices, and refuses another ICB’s practice level (403) without naming a practice', async () => {
    const app = release.app();
    const ics = await release.auth('ics', OWN);
    const own = release.store.current().areas.list('practice', OWN)[0]!.code;
    expect((await app.request(`/api/v1/indicators/imm-mmr1-24m/trend?area=${own}`, { headers: ics })).status).toBe(200);
    expect((await app.request(`/api/v1/indicators/imm-mmr1-24m/values?areaType=practice&parent=${OTHER}`, { headers: ics })).status).toBe(403);
  });
});

describe('query timeout', () => {
  /** The test release behind a runner that takes `delayMs` per query unless its signal aborts first. */
  const slowStore = (delayMs: number, aborted: unknown[]): DataStore => ({
    current: () => {
      const open = release.store.current();
      return {
        ...open,
        runner: {
          all: <Row extends Record<string, unknown>>(query: Parameters<typeof open.runner.all>[0], options: { signal?: AbortSignal } = {}) =>
            new Promise<Row[]>((resolve, reject) => {
              const timer = setTimeout(() => open.runner.all<Row>(query).then(resolve, reject), delayMs);
              options.signal?.addEventListener('abort', () => {
                clearTimeout(timer);
                aborted.push(options.signal!.reason);
                reject(options.signal!.reason);
              });
            }),
        },
      };
    },
    refresh: async () => false,
    close: async () => {},
  });

  it('answers 503 query_timeout and cancels the query when it runs past QUERY_TIMEOUT_MS', async () => {
    const aborted: unknown[] = [];
    const app = release.app({ store: slowStore(2_000, aborted), queryTimeoutMs: 50 });
    const started = performance.now();
    const res = await app.request('/api/v1/indicators/imm-mmr1-24m/values?areaType=borough');
    expect(performance.now() - started).toBeLessThan(1_500);
    expect(res.status).toBe(503);
    const problem = await problemOf(res);
    expect(problem.code).toBe('query_timeout');
    expect(problem.detail).toContain('50 ms');
    expect(aborted.length).toBeGreaterThan(0);
  });

  it('counts the whole request, not each query: queries that each finish in time but whose work in all runs past the deadline answer 503', async () => {
    const open = release.store.current();
    /** Every query answers in time but then holds the event loop for 80 ms, as shaping a large answer does. */
    const busyStore: DataStore = {
      current: () => ({ ...open, runner: { all: (query, options) => open.runner.all(query, options).then((rows) => { const until = performance.now() + 80; while (performance.now() < until); return rows as never; }) } }),
      refresh: async () => false,
      close: async () => {},
    };
    const res = await release.app({ store: busyStore, queryTimeoutMs: 50 }).request('/api/v1/indicators/imm-mmr1-24m/values?areaType=borough');
    expect(res.status).toBe(503);
    expect((await problemOf(res)).detail).toMatch(/longer than 50 ms \(its database queries and the work of shaping it\)/);
  });

  it('answers normally when queries finish in time', async () => {
    const app = release.app({ store: slowStore(5, []), queryTimeoutMs: 5_000 });
    expect((await app.request('/api/v1/indicators/imm-mmr1-24m/values?areaType=borough')).status).toBe(200);
  });
});
