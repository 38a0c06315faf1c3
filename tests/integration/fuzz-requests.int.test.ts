import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ICBS } from '@pathfinder/metrics';
import { ALL_CALLERS, authHeaders, type TestCaller } from '../support/callers.ts';
import { disclosureViolations } from '../support/disclosure-check.ts';
import { requestsFromOpenApi, type OpenApiDocument } from '../support/openapi-requests.ts';
import { invalidRequest, type FuzzRequest } from '../support/request-arbitraries.ts';
import { leakedCodes, practiceAndPcnIcbs } from '../support/scope-check.ts';
import { openTestRelease } from '../support/test-release.ts';

/** Fixed, so a failure reproduces; set FUZZ_SEED to explore other inputs. */
const SEED = Number(process.env.FUZZ_SEED ?? 20_250_331);

let release: Awaited<ReturnType<typeof openTestRelease>>;
let app: ReturnType<typeof release.app>;
let validUrls: string[];
let icbOf: ReadonlyMap<string, string>;
const callerHeaders = new Map<TestCaller, Record<string, string>>();

beforeAll(async () => {
  release = await openTestRelease({ scale: 0.02 });
  app = release.app({ corsOrigins: ['https://dashboard.example.org'], queryTimeoutMs: 20_000, audit: () => {} });
  icbOf = practiceAndPcnIcbs(release.store);
  for (const caller of ALL_CALLERS) callerHeaders.set(caller, await authHeaders(caller, release.token));
  const areas = release.store.current().areas;
  const doc = (await (await app.request('/api/v1/openapi.json')).json()) as OpenApiDocument;
  const practices = ICBS.map((i) => areas.list('practice', i.code)[0]!.code);
  validUrls = requestsFromOpenApi(doc, {
    id: ['imm-mmr1-24m', 'ast-review-12m'],
    indicator: ['imm-mmr1-24m', 'htn-ttt-79'],
    code: ['E09000012', practices[0], practices[3]],
    area: ['E09000012', 'E54000028', practices[1]],
    areaType: [undefined, 'practice', 'borough', 'icb'],
    type: [undefined, 'practice', 'pcn', 'borough'],
    parent: [undefined, ICBS[0]!.code, ICBS[2]!.code],
    period: [undefined, '2023/24'],
    format: [undefined, 'csv'],
    by: [undefined, 'sex'],
  }, new Set(['areaType', 'type', 'parent']));
}, 120_000);
afterAll(() => release.dispose());

async function send(request: FuzzRequest, headers: Record<string, string> = {}) {
  const res = await app.request(new Request(`http://localhost${request.url}`, { method: request.method, headers: { ...request.headers, ...headers }, ...(request.body !== undefined ? { body: request.body } : {}) }));
  return { res, text: await res.text() };
}

/** No 5xx, and every 4xx is problem+json whose `code` names the problem. */
function expectWellFormed(request: FuzzRequest, res: Response, text: string) {
  const where = `${request.method} ${request.url.slice(0, 300)} → ${res.status} ${text.slice(0, 300)}`;
  expect(res.status, where).toBeLessThan(500);
  if (res.status >= 400) {
    expect(res.headers.get('content-type'), where).toBe('application/problem+json');
    if (request.method !== 'HEAD') {
      const problem = JSON.parse(text) as { code?: unknown; status?: unknown };
      expect(typeof problem.code === 'string' && problem.code.length > 0, where).toBe(true);
      expect(problem.status, where).toBe(res.status);
    }
  }
}

describe('property-based fuzzing of the HTTP API', () => {
  it('answers 1,000 random invalid requests without a 5xx, every 4xx as problem+json with a code', async () => {
    const started = performance.now();
    const codes = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(invalidRequest, async (request) => {
        const { res, text } = await send(request);
        expectWellFormed(request, res, text);
        const code = `${res.status} ${res.status >= 400 && request.method !== 'HEAD' ? (JSON.parse(text) as { code: string }).code : ''}`;
        codes.set(code, (codes.get(code) ?? 0) + 1);
      }),
      { numRuns: 1_000, seed: SEED },
    );
    // The inputs reach validation, limits and auth, not only the router's 404.
    expect([...codes.keys()].filter((c) => !c.startsWith('404')).length).toBeGreaterThanOrEqual(5);
    console.info(`1,000 invalid requests in ${Math.round(performance.now() - started)} ms:`, Object.fromEntries([...codes].sort((a, b) => b[1] - a[1])));
  });

  it('answers 2,000 mixed valid and invalid requests from every role within scope, without a 5xx', async () => {
    const started = performance.now();
    const mixed = fc.oneof(
      fc.record({ kind: fc.constant('invalid' as const), request: invalidRequest, caller: fc.constantFrom(...ALL_CALLERS) }),
      fc.record({ kind: fc.constant('valid' as const), request: fc.constantFrom(...validUrls).map((url): FuzzRequest => ({ method: 'GET', url, headers: {} })), caller: fc.constantFrom(...ALL_CALLERS) }),
    );
    const samples = fc.sample(mixed, { numRuns: 2_000, seed: SEED + 1 });
    let ok = 0;
    for (let i = 0; i < samples.length; i += 16) {
      await Promise.all(samples.slice(i, i + 16).map(async ({ kind, request, caller }) => {
        // Invalid requests bring their own Authorization header (mostly junk); valid ones the caller's token.
        const { res, text } = await send(request, kind === 'valid' ? callerHeaders.get(caller) : {});
        expectWellFormed(request, res, text);
        if (kind !== 'valid') return;
        if (res.status === 200) ok++;
        expect(leakedCodes(request.url, res.status, text, caller, icbOf), `${caller.name} ${request.url}`).toEqual([]);
        if (caller.role === 'public' && res.headers.get('content-type')?.startsWith('application/json')) expect(disclosureViolations(JSON.parse(text)), request.url).toEqual([]);
      }));
    }
    expect(ok).toBeGreaterThan(400);
    console.info(`2,000 mixed requests (${validUrls.length} distinct valid URLs) in ${Math.round(performance.now() - started)} ms`);
  }, 600_000);
});
