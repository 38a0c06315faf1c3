import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readlink, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cachedSyntheticRelease } from '../../fixtures/test/cached-release.ts';
import { ICBS } from '@pathfinder/metrics';
import { eventually, runPathfinder, startServe, stopServe, type ServeProcess } from '../support/cli-process.ts';
import { rawRequest, type RawAnswer } from '../support/raw-http.ts';

// What users get from `pathfinder serve`: headers set by middleware once went missing between Hono
// and @hono/node-server while the in-process tests (`app.request`) passed.

const NEL = 'E54000029';
const HACKNEY = 'E09000012';
/** README: answers of 1 KiB or more are sent gzip-compressed to clients that accept it. */
const GZIP_FROM_BYTES = 1024;

/** The values SECURITY.md ("Hardening") promises on every answer. */
const SECURITY_HEADERS = {
  'content-security-policy': "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self' blob:; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; font-src 'self'; frame-ancestors 'none'; object-src 'none'; base-uri 'self'; form-action 'self'",
  'strict-transport-security': 'max-age=63072000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
};

const FAMILIES = [
  ['values', '/api/v1/indicators/imm-mmr1-24m/values?areaType=borough'],
  ['trend', `/api/v1/indicators/imm-mmr1-24m/trend?area=${HACKNEY}`],
  ['overview', '/api/v1/overview?areaType=borough'],
  ['indicator list', '/api/v1/indicators'],
  ['one indicator', '/api/v1/indicators/imm-mmr1-24m'],
  ['areas', '/api/v1/areas?type=borough'],
  ['campaign progress', '/api/v1/campaigns/polio-ipv-2022/progress?areaType=borough'],
] as const;

let dataDir: string;
let server: ServeProcess;
let releaseId: string;
let token: string;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'pf-socket-'));
  // Scale 0.05: the region's weekly extract is then over the 1 MiB above which extracts stream from disk.
  releaseId = (await cachedSyntheticRelease(dataDir, { seed: 42, scale: 0.05 })).id;
  server = await startServe(['--data', dataDir], { LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: '0' });
  // Issued after the server started: its first start writes the token secret into the data directory.
  const issued = await runPathfinder(['token', '--role', 'ics', '--icb', NEL, '--ttl', '1h', '--data', dataDir]);
  if (issued.code !== 0) throw new Error(`pathfinder token failed: ${issued.stderr}`);
  token = issued.stdout.trim();
}, 180_000);
afterAll(async () => {
  if (server) await stopServe(server);
  await rm(dataDir, { recursive: true, force: true });
});

const CALLERS = [
  { caller: 'the public', auth: (): Record<string, string> => ({}), cacheControl: /^public, max-age=\d+/ },
  { caller: 'an ics token', auth: (): Record<string, string> => ({ Authorization: `Bearer ${token}` }), cacheControl: /^private, max-age=\d+$/ },
];

function expectSecurityHeaders(answer: RawAnswer): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(answer.headers[name], name).toBe(value);
}

const varyOf = (answer: RawAnswer) => new Set(String(answer.headers.vary ?? '').split(',').map((v) => v.trim().toLowerCase()));

function expectCachingHeaders(answer: RawAnswer, etag: string, cacheControl: RegExp): void {
  expect(answer.headers.etag).toBe(etag);
  expect(answer.headers['cache-control']).toMatch(cacheControl);
  expect([...varyOf(answer)]).toEqual(expect.arrayContaining(['accept-encoding', 'authorization', 'origin']));
  expectSecurityHeaders(answer);
}

describe.each(CALLERS)('answers to $caller over a real socket', ({ auth, cacheControl }) => {
  it.each(FAMILIES)('%s: the first answer and its replay carry ETag, Cache-Control, Vary and security headers, gzip-compressed when accepted', async (_family, p) => {
    const url = server.url + p;
    const first = await rawRequest(url, { headers: { ...auth(), 'Accept-Encoding': 'gzip, br' } });
    expect(first.status).toBe(200);
    expect(first.headers['x-cache'], 'the first request of this URL should be a cache miss').toBeUndefined();
    const etag = String(first.headers.etag);
    expect(etag).toMatch(new RegExp(`^"${releaseId.replaceAll('.', '\\.')}\\.[0-9a-z]+"$`));
    expectCachingHeaders(first, etag, cacheControl);

    const plain = await rawRequest(url, { headers: auth() });
    expect(plain.status).toBe(200);
    expect(plain.headers['x-cache']).toBe('hit');
    expectCachingHeaders(plain, etag, cacheControl);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(Number(plain.headers['content-length'])).toBe(plain.body.length);
    expect(plain.body.length, `answers under ${GZIP_FROM_BYTES} bytes are sent uncompressed: pick a larger one`).toBeGreaterThanOrEqual(GZIP_FROM_BYTES);

    expect(first.headers['content-encoding']).toBe('gzip');
    expect(Number(first.headers['content-length'])).toBe(first.body.length);
    expect(first.body.length).toBeLessThan(plain.body.length);
    expect(gunzipSync(first.body).equals(plain.body)).toBe(true);

    const zippedHit = await rawRequest(url, { headers: { ...auth(), 'Accept-Encoding': 'gzip' } });
    expect(zippedHit.headers['x-cache']).toBe('hit');
    expect(zippedHit.headers['content-encoding']).toBe('gzip');
    expectCachingHeaders(zippedHit, etag, cacheControl);
    expect(zippedHit.body.equals(first.body)).toBe(true);
  });

  it.each(FAMILIES)('%s: HEAD carries the headers of the GET, without the body', async (_family, p) => {
    const url = server.url + p;
    const get = await rawRequest(url, { headers: auth() });
    const zipped = await rawRequest(url, { headers: { ...auth(), 'Accept-Encoding': 'gzip' } });
    const etag = String(get.headers.etag);
    for (const [accept, expected] of [[{}, get], [{ 'Accept-Encoding': 'gzip' }, zipped]] as const) {
      const head = await rawRequest(url, { method: 'HEAD', headers: { ...auth(), ...accept } });
      expect(head.status).toBe(200);
      expect(head.body.length).toBe(0);
      expectCachingHeaders(head, etag, cacheControl);
      expect(head.headers['content-type']).toBe(expected.headers['content-type']);
      expect(head.headers['content-encoding']).toBe(expected.headers['content-encoding']);
      expect(head.headers['content-length']).toBe(String(expected.body.length));
    }
  });

  it.each(FAMILIES)('%s: If-None-Match with the ETag gets 304 with the same headers, to GET and HEAD', async (_family, p) => {
    const url = server.url + p;
    const etag = String((await rawRequest(url, { method: 'HEAD', headers: auth() })).headers.etag);
    for (const method of ['GET', 'HEAD'] as const) {
      for (const validator of [etag, `W/${etag}`, `"other", ${etag}`]) {
        const notModified = await rawRequest(url, { method, headers: { ...auth(), 'Accept-Encoding': 'gzip', 'If-None-Match': validator } });
        expect(notModified.status, `${method} If-None-Match: ${validator}`).toBe(304);
        expect(notModified.body.length).toBe(0);
        expectCachingHeaders(notModified, etag, cacheControl);
      }
    }
    expect((await rawRequest(url, { headers: { ...auth(), 'If-None-Match': `"${releaseId}.stale"` } })).status).toBe(200);
  });
});

describe('caching across callers and requests, over a real socket', () => {
  it('answers a HEAD of a URL nobody asked before with the headers its GET then gets', async () => {
    const url = `${server.url}/api/v1/indicators/imm-mmr1-24m/values?areaType=icb`;
    const head = await rawRequest(url, { method: 'HEAD', headers: { 'Accept-Encoding': 'gzip' } });
    const get = await rawRequest(url, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(head.status).toBe(200);
    expect(get.headers['x-cache']).toBe('hit');
    expectCachingHeaders(head, String(get.headers.etag), /^public, /);
    expect(head.headers['content-encoding']).toBe('gzip');
    expect(head.headers['content-length']).toBe(String(get.body.length));
  });

  it("does not validate a token caller's answer with the public's ETag", async () => {
    const url = `${server.url}/api/v1/indicators/imm-mmr1-24m/values?areaType=region`;
    const publicEtag = String((await rawRequest(url)).headers.etag);
    const scoped = await rawRequest(url, { headers: { Authorization: `Bearer ${token}`, 'If-None-Match': publicEtag } });
    expect(scoped.status).toBe(200);
    expect(scoped.headers.etag).not.toBe(publicEtag);
    expect(scoped.headers['cache-control']).toMatch(/^private/);
  });
});

describe('error answers over a real socket', () => {
  const ERRORS = [
    ['an unknown indicator', '/api/v1/indicators/no-such-indicator/values?areaType=borough', {}, 404],
    ['a bad parameter', '/api/v1/indicators/imm-mmr1-24m/values?areaType=galaxy', {}, 400],
    ['an unknown route', '/api/v1/nope', {}, 404],
    ['practice data without a token', `/api/v1/indicators/imm-mmr1-24m/values?areaType=practice&parent=${NEL}`, {}, 401],
    ['a malformed token', '/api/v1/indicators', { Authorization: 'Bearer not-a-token' }, 401],
  ] as const;

  it.each(ERRORS)('%s: GET and HEAD carry the security headers', async (_case, p, headers, status) => {
    for (const method of ['GET', 'HEAD'] as const) {
      const answer = await rawRequest(server.url + p, { method, headers: { ...headers, 'Accept-Encoding': 'gzip' } });
      expect(answer.status, method).toBe(status);
      expectSecurityHeaders(answer);
      expect(answer.headers['content-type']).toBe('application/problem+json');
      expect(varyOf(answer).has('origin')).toBe(true);
      expect(varyOf(answer).has('authorization'), 'a refusal depends on the token').toBe(true);
      expect(answer.headers['cache-control']).toBe('no-store');
    }
  });

  it('header fields over the HTTP parser’s limit: 431 problem+json, as the OpenAPI document declares', async () => {
    const answer = await rawRequest(`${server.url}/api/v1/indicators`, { headers: { 'X-Padding': 'x'.repeat(20_000) } });
    expect(answer.status).toBe(431);
    expect(answer.headers['content-type']).toBe('application/problem+json');
    expect(JSON.parse(answer.body.toString('utf8'))).toMatchObject({ status: 431, code: 'headers_too_large' });
  });

  it('a GET carrying a body over the limit: 413 problem+json, as the OpenAPI document declares', async () => {
    const body = 'x'.repeat(20_000);
    const answer = await rawRequest(`${server.url}/api/v1/indicators`, { headers: { 'Content-Type': 'text/plain', 'Content-Length': String(body.length) }, body });
    expect(answer.status).toBe(413);
    expect(answer.headers['content-type']).toBe('application/problem+json');
    expect(JSON.parse(answer.body.toString('utf8'))).toMatchObject({ status: 413, code: 'body_too_large' });
  });

  it("another ICB's practices for an ics token: 403 with the security headers", async () => {
    const other = ICBS.find((icb) => icb.code !== NEL)!.code;
    for (const method of ['GET', 'HEAD'] as const) {
      const answer = await rawRequest(`${server.url}/api/v1/indicators/imm-mmr1-24m/values?areaType=practice&parent=${other}`, { method, headers: { Authorization: `Bearer ${token}` } });
      expect(answer.status, method).toBe(403);
      expectSecurityHeaders(answer);
    }
  });
});

describe('HEAD of a Parquet extract streamed from disk, over a real socket', () => {
  /** Files of the server process open in the extracts folder ($TMPDIR/pathfinder-extracts). */
  const openExtracts = async () => {
    const dir = `/proc/${server.pid}/fd`;
    const targets = await Promise.all((await readdir(dir)).map((fd) => readlink(path.join(dir, fd)).catch(() => '')));
    return targets.filter((t) => t.includes('pathfinder-extracts')).length;
  };

  it.skipIf(!existsSync('/proc/self/fd'))('carries the GET headers and leaves no file open', async () => {
    const issued = await runPathfinder(['token', '--role', 'region', '--ttl', '1h', '--data', dataDir]);
    expect(issued.code, issued.stderr).toBe(0);
    const auth = { Authorization: `Bearer ${issued.stdout.trim()}` };
    const url = `${server.url}/api/v1/extracts/immunisation-weekly.parquet`;
    const head = await rawRequest(url, { method: 'HEAD', headers: auth });
    expect(head.status).toBe(200);
    expect(Number(head.headers['content-length']), 'extracts of 1 MiB or less are kept in memory, not streamed').toBeGreaterThan(1024 * 1024);
    expectCachingHeaders(head, String(head.headers.etag), /^private, /);
    for (let i = 0; i < 20; i++) expect((await rawRequest(url, { method: 'HEAD', headers: auth })).status).toBe(200);
    expect(await eventually(async () => (await openExtracts()) === 0, 3_000), `${await openExtracts()} extract files still open`).toBe(true);
    const get = await rawRequest(url, { headers: auth });
    expect(get.body.length).toBe(Number(head.headers['content-length']));
    expect(get.body.subarray(0, 4).toString()).toBe('PAR1');
  });
});
