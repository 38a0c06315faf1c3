import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { ApiError } from './api-error.ts';

/** Largest JSON or CSV answer, in bytes: far above what the dashboard asks for, far below what exhausts memory. */
const ANSWER_BYTE_LIMIT = { public: 4 * 1024 * 1024, token: 32 * 1024 * 1024 } as const;

const SHAPED = /^(application\/json|text\/csv)\b/;

/**
 * Refuses a JSON or CSV answer larger than the caller's limit (422 `answer_too_large`), a safety
 * net behind the routes' own up-front budgets: whatever a route builds, no larger answer is sent
 * or cached. Parquet extracts are files with a known length and are left alone.
 */
export function answerSizeLimit(limits: { readonly public: number; readonly token: number } = ANSWER_BYTE_LIMIT): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    if (c.res.status !== 200 || !SHAPED.test(c.res.headers.get('Content-Type') ?? '')) return;
    const limit = c.var.caller.role === 'public' ? limits.public : limits.token;
    // JSON and CSV answers are built in memory, so reading them back costs no more memory than they already hold.
    const body = await c.res.arrayBuffer();
    if (body.byteLength > limit) {
      throw new ApiError(422, 'answer_too_large', `this answer is ${(body.byteLength / 1048576).toFixed(1)} MiB; answers ${c.var.caller.role === 'public' ? 'to the public ' : ''}are at most ${(limit / 1048576).toFixed(1)} MiB: ask for less (a parent area, a coarser interval or fewer periods, no breakdown), or use the Parquet extracts`);
    }
    const res = c.res;
    c.res = undefined;
    c.res = new Response(body, res);
  };
}
