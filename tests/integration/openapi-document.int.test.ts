import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import SwaggerParser from '@apidevtools/swagger-parser';
import { openTestRelease } from '../support/test-release.ts';

let release: Awaited<ReturnType<typeof openTestRelease>>;
let app: ReturnType<typeof release.app>;
let doc: { openapi: string; paths: Record<string, Record<string, unknown>> };

beforeAll(async () => {
  release = await openTestRelease({ scale: 0.02 });
  app = release.app();
  doc = (await (await app.request('/api/v1/openapi.json')).json()) as typeof doc;
}, 120_000);
afterAll(() => release.dispose());

/** Routes that describe the API rather than being part of it. */
const DOCUMENTATION_ROUTES = new Set(['GET /api/v1/openapi.json', 'GET /api/v1/docs', 'GET /api/v1/docs.js']);

describe('the OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document (swagger-parser, with $refs resolved)', async () => {
    expect(doc.openapi).toBe('3.1.0');
    // validate() dereferences in place, so it gets a copy.
    await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toBeDefined();
  });

  it('lists every route the app serves under /api/v1', () => {
    const documented = new Set(Object.entries(doc.paths).flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`)));
    const served = app.routes
      .filter((r) => r.path.startsWith('/api/v1/') && r.method !== 'ALL' && !r.path.includes('*'))
      .map((r) => `${r.method} ${r.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}')}`)
      .filter((route) => !DOCUMENTATION_ROUTES.has(route));
    expect(served.length).toBeGreaterThan(10);
    expect(served.filter((route) => !documented.has(route))).toEqual([]);
  });

  it('documents a problem+json answer for the errors of every data route', () => {
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(operations as Record<string, { parameters?: unknown[]; responses: Record<string, { content?: Record<string, unknown> }> }>)) {
        if (!operation.parameters?.length) continue;
        const errors = Object.entries(operation.responses).filter(([status]) => status.startsWith('4'));
        expect(errors.length, `${method} ${path}`).toBeGreaterThan(0);
        for (const [status, response] of errors) expect(Object.keys(response.content ?? {}), `${method} ${path} ${status}`).toContain('application/problem+json');
      }
    }
  });

  it('declares text/csv beside JSON for the 200 of every operation with a format parameter', () => {
    const withFormat = Object.entries(doc.paths).flatMap(([path, operations]) =>
      Object.entries(operations as Record<string, { parameters?: { name: string }[]; responses: Record<string, { content?: Record<string, unknown> }> }>)
        .filter(([, operation]) => operation.parameters?.some((p) => p.name === 'format'))
        .map(([method, operation]) => [`${method} ${path}`, Object.keys(operation.responses['200']?.content ?? {})] as const),
    );
    expect(withFormat.length).toBeGreaterThanOrEqual(8);
    for (const [operation, media] of withFormat) expect(media, operation).toEqual(['application/json', 'text/csv']);
  });

  it('declares what the middleware answers on every operation: 414, 429 (but on /healthz), 431, 500 and 503, and under /api/v1 304, 401 and 422', () => {
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/healthz', '/releases/current', '/api/v1/healthz']));
    for (const [path, operations] of Object.entries(doc.paths)) {
      const api = path.startsWith('/api/v1/');
      for (const [method, operation] of Object.entries(operations as Record<string, { responses: Record<string, unknown> }>)) {
        const statuses = Object.keys(operation.responses);
        expect(statuses, `${method} ${path}`).toEqual(expect.arrayContaining(['400', '414', '431', '500', '503', ...(api ? ['304', '401'] : [])]));
        expect(statuses.includes('429'), `${method} ${path} 429`).toBe(!path.endsWith('/healthz'));
        // At the root no token is read, and no answer is cached or measured.
        if (!api) expect(statuses.filter((s) => ['304', '401', '422'].includes(s)), `${method} ${path}`).toEqual([]);
      }
    }
  });

  it('declares `release` on every data route (with its 404), and not on the release routes, the session, user-written data or the documentation', () => {
    // Annotations and snapshots live in the data directory, not in a release: the same whatever release is shown.
    const userData = ['/api/v1/annotations', '/api/v1/annotations/{id}', '/api/v1/snapshots', '/api/v1/snapshots/{id}'];
    const withoutRelease = new Set(['/healthz', '/releases/current', '/api/v1/healthz', '/api/v1/releases/current', '/api/v1/releases', '/api/v1/session', ...userData]);
    const operations = Object.entries(doc.paths).flatMap(([path, ops]) => Object.values(ops as Record<string, { parameters?: { name: string; in: string }[]; responses: Record<string, unknown> }>).map((op) => ({ path, op })));
    expect(operations.length).toBeGreaterThan(withoutRelease.size + 10);
    for (const { path, op } of operations) {
      const declares = op.parameters?.some((p) => p.name === 'release' && p.in === 'query') ?? false;
      expect(declares, path).toBe(!withoutRelease.has(path));
      if (declares) expect(Object.keys(op.responses), path).toContain('404');
    }
  });

  it('documents the 400 problem on every operation, since every route refuses parameters it does not declare', () => {
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(operations as Record<string, { responses: Record<string, { content?: Record<string, unknown> }> }>)) {
        expect(Object.keys(operation.responses['400']?.content ?? {}), `${method} ${path}`).toContain('application/problem+json');
      }
    }
  });
});
