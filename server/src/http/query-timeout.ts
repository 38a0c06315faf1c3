import type { MiddlewareHandler } from 'hono';
import type { SqlQuery } from '@pathfinder/metrics';
import type { AppEnv } from '../app-env.ts';
import type { CancellableRunner } from '../store/cancellable-runner.ts';
import { ApiError } from './api-error.ts';

const timedOut = (ms: number) =>
  new ApiError(503, 'query_timeout', `the answer took longer than ${ms} ms (its database queries and the work of shaping it) and was given up; ask for less (one area level, fewer periods) or try again later`);

/**
 * Gives each request `ms` milliseconds in all, its database queries and the JavaScript that shapes
 * their rows alike (503 `query_timeout`): each query is cancelled when the request's time is up, a
 * query is not started after it, and an answer finished after it is refused. Work that runs
 * without awaiting cannot be interrupted, which is why the routes bound their answers up front.
 */
export function queryTimeout(ms: number): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const deadline = performance.now() + ms;
    const release = c.var.release;
    // Aborts the queries still running when the request's time is up, so none outlives the answer.
    const expiry = new AbortController();
    c.set('release', { ...release, runner: withDeadline(release.runner, deadline, ms, expiry.signal) });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        const error = timedOut(ms);
        expiry.abort(error);
        reject(error);
      }, ms);
    });
    try {
      await Promise.race([next(), late]);
    } finally {
      clearTimeout(timer);
    }
    if (performance.now() > deadline && c.res.status < 400) throw timedOut(ms);
  };
}

/** Runs each query with a deadline: past it the query is aborted (DuckDB interrupts the connection) and an ApiError 503 is thrown at once. */
export function withQueryTimeout(runner: CancellableRunner, ms: number): CancellableRunner {
  return withDeadline(runner, () => performance.now() + ms, ms);
}

function withDeadline(runner: CancellableRunner, deadline: number | (() => number), ms: number, expiry?: AbortSignal): CancellableRunner {
  return {
    async all<Row extends Record<string, unknown>>(query: SqlQuery, options: { signal?: AbortSignal } = {}): Promise<Row[]> {
      const remaining = (typeof deadline === 'number' ? deadline : deadline()) - performance.now();
      if (remaining <= 0) throw timedOut(ms);
      const controller = new AbortController();
      const abortFromCaller = () => controller.abort(options.signal?.reason);
      const abortAtExpiry = () => controller.abort(expiry?.reason);
      options.signal?.addEventListener('abort', abortFromCaller, { once: true });
      expiry?.addEventListener('abort', abortAtExpiry, { once: true });
      let timer: ReturnType<typeof setTimeout> | undefined;
      const expired = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          const error = timedOut(ms);
          controller.abort(error);
          reject(error);
        }, remaining);
      });
      try {
        return await Promise.race([runner.all<Row>(query, { signal: controller.signal }), expired]);
      } finally {
        clearTimeout(timer);
        options.signal?.removeEventListener('abort', abortFromCaller);
        expiry?.removeEventListener('abort', abortAtExpiry);
      }
    },
  };
}
