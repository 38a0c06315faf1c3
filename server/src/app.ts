import { OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './app-env.ts';
import { PUBLIC_CALLER } from './auth/caller.ts';
import { TokenError, verifyToken } from './auth/verify-token.ts';
import { ApiError, problemResponse } from './http/api-error.ts';
import { apiDocsPage, apiDocsScript } from './http/api-docs-page.ts';
import { LruCache, responseCache, type CachedResponse } from './http/response-cache.ts';
import { areaRoutes } from './routes/area-routes.ts';
import { indicatorRoutes } from './routes/indicator-routes.ts';
import { releaseRoutes } from './routes/release-routes.ts';
import type { DataStore } from './store/duckdb-store.ts';

export interface AppDeps {
  readonly store: DataStore;
  /** HS256 secret for bearer tokens; without one every token is refused and callers are public. */
  readonly tokenSecret?: string | null;
  /** Serves the built web app for non-API paths in production. */
  readonly webAssets?: MiddlewareHandler;
  readonly log?: (line: Record<string, unknown>) => void;
  /** Entries kept in the in-memory answer cache (default 2,000). */
  readonly cacheSize?: number;
}

const OPENAPI_INFO = {
  openapi: '3.1.0',
  info: {
    title: 'Pathfinder Monitor metrics API',
    version: '1.0.0',
    description: 'London Pathfinder indicators (immunisation, asthma, hypertension, cancer) with confidence intervals, comparisons, SPC and disclosure control. Every answer carries the release id and whether the data is synthetic.',
  },
};

/** Builds the whole HTTP app from its dependencies, so tests run it in-process with `app.request()`. */
export function createApp(deps: AppDeps) {
  const cache = new LruCache<CachedResponse>(deps.cacheSize ?? 2000);
  let cachedRelease = deps.store.current().manifest.id;
  const app = new OpenAPIHono<AppEnv>();

  app.use('*', async (c, next) => {
    const started = performance.now();
    const release = deps.store.current();
    if (release.manifest.id !== cachedRelease) {
      cache.clear();
      cachedRelease = release.manifest.id;
    }
    c.set('release', release);
    c.set('caller', PUBLIC_CALLER);
    await next();
    deps.log?.({ method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round((performance.now() - started) * 10) / 10, release: release.manifest.id, role: c.var.caller.role });
  });
  app.onError(problemResponse);

  app.use('/api/*', async (c, next) => {
    const header = c.req.header('Authorization');
    if (header) {
      const [scheme, token] = header.split(' ');
      if (scheme !== 'Bearer' || !token) throw new ApiError(401, 'invalid_token', 'Authorization must be "Bearer <token>"');
      if (!deps.tokenSecret) throw new ApiError(401, 'invalid_token', 'this server does not accept tokens (no secret configured)');
      try {
        c.set('caller', await verifyToken(token, deps.tokenSecret));
      } catch (error) {
        if (error instanceof TokenError) throw new ApiError(401, 'invalid_token', error.message);
        throw error;
      }
    }
    await next();
  });
  app.use('/api/v1/*', responseCache(cache));

  const api = new OpenAPIHono<AppEnv>().route('/', indicatorRoutes).route('/', areaRoutes).route('/', releaseRoutes);
  const routes = app.route('/api/v1', api).route('/', releaseRoutes);

  app.doc31('/api/v1/openapi.json', OPENAPI_INFO);
  app.get('/api/v1/docs', (c) => c.html(apiDocsPage()));
  app.get('/api/v1/docs.js', (c) => c.body(apiDocsScript(), 200, { 'Content-Type': 'text/javascript; charset=utf-8' }));
  app.all('/api/*', (c) => problemResponse(new ApiError(404, 'route_not_found', `no route for ${c.req.method} ${c.req.path}`), c));
  if (deps.webAssets) app.get('*', deps.webAssets);
  app.notFound((c) => problemResponse(new ApiError(404, 'route_not_found', `no route for ${c.req.method} ${c.req.path}`), c));
  return routes;
}

export type AppType = ReturnType<typeof createApp>;
