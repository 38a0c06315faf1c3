import type { MiddlewareHandler } from 'hono';
import type { SqlQuery } from '@pathfinder/metrics';
import type { AppEnv } from '../app-env.ts';
import type { CancellableRunner } from '../store/cancellable-runner.ts';
import { ApiError } from './api-error.ts';

/** Gives each request a release whose queries are cancelled after `ms` milliseconds (503 `query_timeout`). */
export function queryTimeout(ms: number): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const release = c.var.release;
    c.set('release', { ...release, runner: withQueryTimeout(release.runner, ms) });
    await next();
  };
}

/** Runs each query with a deadline: past it the query is aborted (DuckDB interrupts the connection) and an ApiError 503 is thrown at once. */
export function withQueryTimeout(runner: CancellableRunner, ms: number): CancellableRunner {
  return {
    async all<Row extends Record<string, unknown>>(query: SqlQuery, options: { signal?: AbortSignal } = {}): Promise<Row[]> {
      const controller = new AbortController();
      const abortFromCaller = () => controller.abort(options.signal?.reason);
      options.signal?.addEventListener('abort', abortFromCaller, { once: true });
      let timer: ReturnType<typeof setTimeout> | undefined;
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          const error = new ApiError(503, 'query_timeout', `a database query took longer than ${ms} ms and was cancelled; ask for less (one area level, fewer periods) or try again later`);
          controller.abort(error);
          reject(error);
        }, ms);
      });
      try {
        return await Promise.race([runner.all<Row>(query, { signal: controller.signal }), deadline]);
      } finally {
        clearTimeout(timer);
        options.signal?.removeEventListener('abort', abortFromCaller);
      }
    },
  };
}
