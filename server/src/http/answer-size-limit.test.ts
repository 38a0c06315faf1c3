import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from '../app-env.ts';
import { PUBLIC_CALLER, type Caller } from '../auth/caller.ts';
import { problemResponse } from './api-error.ts';
import { answerSizeLimit } from './answer-size-limit.ts';

/** An app answering `bytes` of JSON, CSV or Parquet to `caller`, behind a 1,000-byte public and 5,000-byte token limit. */
function appAnswering(caller: Caller) {
  const app = new Hono<AppEnv>();
  app.onError(problemResponse);
  app.use('*', async (c, next) => {
    c.set('caller', caller);
    await next();
  });
  app.use('*', answerSizeLimit({ public: 1_000, token: 5_000 }));
  app.get('/json/:bytes', (c) => c.json({ text: 'x'.repeat(Number(c.req.param('bytes')) - 11) }));
  app.get('/csv/:bytes', (c) => c.body('x'.repeat(Number(c.req.param('bytes'))), 200, { 'Content-Type': 'text/csv; charset=utf-8' }));
  app.get('/parquet/:bytes', (c) => c.body(new Uint8Array(Number(c.req.param('bytes'))), 200, { 'Content-Type': 'application/vnd.apache.parquet' }));
  return app;
}

const REGION: Caller = { role: 'region', icb: null, subject: 'analyst' };

describe('answerSizeLimit', () => {
  it('sends JSON and CSV answers up to the limit unchanged', async () => {
    const res = await appAnswering(PUBLIC_CALLER).request('/json/1000');
    expect(res.status).toBe(200);
    expect((await res.text()).length).toBe(1_000);
    expect((await appAnswering(PUBLIC_CALLER).request('/csv/1000')).status).toBe(200);
  });

  it.each(['/json/1001', '/csv/1001'])('refuses %s to the public with 422 answer_too_large saying how to ask for less', async (path) => {
    const res = await appAnswering(PUBLIC_CALLER).request(path);
    expect(res.status).toBe(422);
    const problem = (await res.json()) as { code: string; detail: string };
    expect(problem.code).toBe('answer_too_large');
    expect(problem.detail).toMatch(/ask for less \(a parent area, a coarser interval/);
  });

  it('gives a token its own, larger limit', async () => {
    expect((await appAnswering(REGION).request('/json/5000')).status).toBe(200);
    expect((await appAnswering(REGION).request('/json/5001')).status).toBe(422);
  });

  it('leaves Parquet extracts alone', async () => {
    expect((await appAnswering(PUBLIC_CALLER).request('/parquet/20000')).status).toBe(200);
  });
});
