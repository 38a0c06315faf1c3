import { OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './app-env.ts';
import { ApiError, problemResponse } from './http/api-error.ts';
import { healthRoutes } from './routes/health-routes.ts';
import { indicatorRoutes } from './routes/indicator-routes.ts';
import type { DataStore } from './store/duckdb-store.ts';

export interface AppDeps {
  readonly store: DataStore;
  /** Folder of the built web app; when set, `/` and unknown non-API paths serve it. */
  readonly webAssets?: MiddlewareHandler;
  readonly log?: (line: Record<string, unknown>) => void;
}

/** Builds the whole HTTP app from its dependencies, so tests run it in-process with `app.request()`. */
export function createApp(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        const issue = result.error.issues[0];
        const name = issue?.path.join('.') || 'request';
        throw new ApiError(400, 'invalid_parameter', `invalid parameter ${name}: ${issue?.message ?? 'invalid'}`);
      }
    },
  });

  app.use('*', async (c, next) => {
    const started = performance.now();
    c.set('release', deps.store.current());
    await next();
    deps.log?.({ method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round((performance.now() - started) * 10) / 10, release: c.var.release.manifest.id });
  });
  app.onError(problemResponse);

  const routes = app.route('/', healthRoutes).route('/api/v1', indicatorRoutes);

  app.notFound((c) => problemResponse(new ApiError(404, 'route_not_found', `no route for ${c.req.method} ${c.req.path}`), c));
  if (deps.webAssets) app.get('*', deps.webAssets);
  return routes;
}

export type AppType = ReturnType<typeof createApp>;
