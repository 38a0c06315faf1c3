import { OpenAPIHono } from '@hono/zod-openapi';
import type { BoundarySet } from '@pathfinder/metrics';
import { LONDON_BOUNDARIES } from '@pathfinder/metrics/london-boundaries';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './app-env.ts';
import { PUBLIC_CALLER } from './auth/caller.ts';
import { releaseForCaller } from './auth/caller-areas.ts';
import { TokenError, verifyToken } from './auth/verify-token.ts';
import type { OidcVerifier } from './auth/oidc-verifier.ts';
import { auditLog, type AuditEntry } from './audit/audit-log.ts';
import { corsPolicy } from './http/cors-policy.ts';
import { queryTimeout } from './http/query-timeout.ts';
import { rateLimit } from './http/rate-limit.ts';
import { requestLimits, type RequestLimits } from './http/request-limits.ts';
import { securityHeaders } from './http/security-headers.ts';
import { declaredQueries, declaresQuery, strictQuery } from './http/strict-query.ts';
import { releaseSelection } from './http/release-selection.ts';
import { ApiError, problemResponse } from './http/api-error.ts';
import { apiDocsPage, apiDocsScript } from './http/api-docs-page.ts';
import { answerSizeLimit } from './http/answer-size-limit.ts';
import { answerCache, responseCache } from './http/response-cache.ts';
import { areaRoutes } from './routes/area-routes.ts';
import { attentionRoutes } from './routes/attention-routes.ts';
import { campaignRoutes } from './routes/campaign-routes.ts';
import { cohortRoutes } from './routes/cohort-routes.ts';
import { exploreRoutes } from './routes/explore-routes.ts';
import { extractRoutes } from './routes/extract-routes.ts';
import { indicatorRoutes } from './routes/indicator-routes.ts';
import { releaseListRoutes, releaseRoutes, rootReleaseRoutes } from './routes/release-routes.ts';
import { sessionRoutes } from './routes/session-routes.ts';
import { boundaryRoutes } from './routes/boundary-routes.ts';
import { alertRoutes } from './routes/alert-routes.ts';
import { annotationRoutes } from './routes/annotation-routes.ts';
import { snapshotRedirect, snapshotRoutes } from './routes/snapshot-routes.ts';
import { manifestRoutes } from './routes/manifest-routes.ts';
import { sitrepRoutes } from './routes/sitrep-routes.ts';
import type { PdfPrinter } from './pdf/pdf-printer.ts';
import type { StatusTables } from './services/attention/release-alerts.ts';
import { statusTable } from './services/attention/status-table.ts';
import type { DataStore } from './store/data-store.ts';
import type { UserDataFile } from './user-data/user-data-file.ts';

export interface AppDeps {
  readonly store: DataStore;
  /** Boundaries the maps draw (`loadBoundaries`); default the bundled ONS files. */
  readonly boundaries?: BoundarySet;
  /** HS256 secret for bearer tokens; without one every token is refused and callers are public. */
  readonly tokenSecret?: string | null;
  /** RS256 verification against an OIDC provider's JWKS (PATHFINDER_JWKS). */
  readonly oidc?: OidcVerifier | null;
  /** Origins allowed to call the API from a browser (CORS_ORIGINS); none by default. */
  readonly corsOrigins?: readonly string[];
  /** Requests a minute per client address; absent or 0: no limit. */
  readonly rateLimitPerMinute?: number;
  /** Time one request may take, its database queries and the work of shaping their rows together; absent: none. */
  readonly queryTimeoutMs?: number;
  readonly requestLimits?: RequestLimits;
  /** Receives one entry per answer with practice- or PCN-level data or a CSV extract. */
  readonly audit?: (entry: AuditEntry) => void;
  /** Serves the built web app for non-API paths in production. */
  readonly webAssets?: MiddlewareHandler;
  readonly log?: (line: Record<string, unknown>) => void;
  /** Bytes the in-memory answer cache may hold, answers counted as kept (gzip-compressed when larger than 1 KiB; default 64 MiB). */
  readonly cacheBytes?: number;
  /** The status tables alerts compare; default `statusTable`, memoised per release and scope. */
  readonly statusTables?: StatusTables;
  /** The dashboard's public origin (PUBLIC_URL), for absolute links in the Atom feed; absent, the request's. */
  readonly publicUrl?: string;
  /** The data directory's user-data file (annotations, snapshots); absent or null, their routes answer 503. */
  readonly userData?: UserDataFile | null;
  /**
   * Prints the dashboard's print pages (the campaign sitrep) to PDF: `loopbackPdfPrinter` over this
   * app (its owner closes it, with the browser it may hold). Absent or null: reports answer 503.
   */
  readonly pdfPrinter?: PdfPrinter | null;
}

/** Printing a report waits for a browser and a whole page of answers, each of which has its own deadline. */
const UNTIMED = /\/sitrep\.pdf$/;

const DEFAULT_CACHE_BYTES = 64 * 1024 * 1024;

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
  const cache = answerCache(deps.cacheBytes ?? DEFAULT_CACHE_BYTES);
  let cachedRelease = deps.store.current().manifest.id;
  let cachedDegradation = deps.store.degradation?.() ?? null;
  const app = new OpenAPIHono<AppEnv>();

  app.use('*', async (c, next) => {
    const started = performance.now();
    const release = deps.store.current();
    const degradation = deps.store.degradation?.() ?? null;
    // Cached answers include /api/v1/healthz, which changes when the served release stops (or starts) being the current one.
    if (release.manifest.id !== cachedRelease || degradation !== cachedDegradation) {
      cache.clear();
      cachedRelease = release.manifest.id;
      cachedDegradation = degradation;
    }
    c.set('release', release);
    c.set('degradation', degradation);
    c.set('caller', PUBLIC_CALLER);
    await next();
    deps.log?.({ method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round((performance.now() - started) * 10) / 10, release: c.var.release.manifest.id, role: c.var.caller.role });
  });
  app.onError(problemResponse);
  app.use('*', securityHeaders());
  if (deps.rateLimitPerMinute) app.use('*', rateLimit({ perMinute: deps.rateLimitPerMinute }));
  app.use('*', requestLimits(deps.requestLimits));
  // Read once the routes below are declared: the OpenAPI registry is complete by the first request.
  let declared: ReturnType<typeof declaredQueries> | undefined;
  const declarations = () => (declared ??= declaredQueries(app.openAPIRegistry.definitions));
  app.use('*', strictQuery(declarations));
  app.use('/api/*', corsPolicy(deps.corsOrigins ?? []));
  // The release a request names replaces the current one before anything reads it (the deadline, the token's view, the cache key).
  app.use('*', releaseSelection(deps.store, (c) => declaresQuery(c, declarations(), 'release')));
  if (deps.queryTimeoutMs) {
    const deadline = queryTimeout(deps.queryTimeoutMs);
    app.use('*', (c, next) => (UNTIMED.test(c.req.path) ? next() : deadline(c, next)));
  }
  if (deps.audit) app.use('/api/*', auditLog(deps.audit));

  app.use('/api/*', async (c, next) => {
    const header = c.req.header('Authorization');
    if (header) {
      const [scheme, token] = header.split(' ');
      if (scheme !== 'Bearer' || !token) throw new ApiError(401, 'invalid_token', 'Authorization must be "Bearer <token>"');
      if (!deps.tokenSecret && !deps.oidc) throw new ApiError(401, 'invalid_token', 'this server does not accept tokens (no secret or JWKS configured)');
      try {
        const caller = await verifyToken(token, { secret: deps.tokenSecret, oidc: deps.oidc });
        c.set('caller', caller);
        c.set('release', releaseForCaller(c.var.release, caller));
      } catch (error) {
        if (error instanceof TokenError) throw new ApiError(401, 'invalid_token', error.message);
        throw error;
      }
    }
    await next();
  });
  const cached = responseCache(cache);
  // The list of releases changes when one is published, which no cache key knows: it is read each time.
  // Without PUBLIC_URL the feed's links take the request's Host, which is not in the cache key: a forged Host must not be kept and served to others.
  // Annotations change with every write, which no cache key knows either: a note written is in the next read.
  const uncached = (path: string) => path === '/api/v1/releases' || path.startsWith('/api/v1/annotations') || (deps.publicUrl === undefined && path === '/api/v1/alerts.atom');
  app.use('/api/v1/*', (c, next) => (uncached(c.req.path) ? next() : cached(c, next)));
  app.use('/api/v1/*', answerSizeLimit());

  const api = new OpenAPIHono<AppEnv>().route('/', indicatorRoutes).route('/', areaRoutes).route('/', releaseRoutes).route('/', releaseListRoutes(deps.store)).route('/', campaignRoutes).route('/', sitrepRoutes(deps.pdfPrinter ?? null)).route('/', manifestRoutes).route('/', cohortRoutes).route('/', extractRoutes).route('/', exploreRoutes).route('/', boundaryRoutes(deps.boundaries ?? LONDON_BOUNDARIES)).route('/', sessionRoutes).route('/', attentionRoutes).route('/', alertRoutes({ store: deps.store, statusTables: deps.statusTables ?? statusTable, ...(deps.publicUrl ? { publicUrl: deps.publicUrl } : {}) })).route('/', annotationRoutes(deps.userData ?? null)).route('/', snapshotRoutes(deps.userData ?? null, deps.store));
  const routes = app.route('/api/v1', api).route('/', rootReleaseRoutes);

  app.doc31('/api/v1/openapi.json', OPENAPI_INFO);
  app.get('/api/v1/docs', (c) => c.html(apiDocsPage()));
  app.get('/api/v1/docs.js', (c) => c.body(apiDocsScript(), 200, { 'Content-Type': 'text/javascript; charset=utf-8' }));
  app.get('/s/:id', snapshotRedirect(deps.userData ?? null));
  app.all('/api/*', (c) => problemResponse(new ApiError(404, 'route_not_found', `no route for ${c.req.method} ${c.req.path}`), c));
  if (deps.webAssets) app.get('*', deps.webAssets);
  app.notFound((c) => problemResponse(new ApiError(404, 'route_not_found', `no route for ${c.req.method} ${c.req.path}`), c));
  return routes;
}

export type AppType = ReturnType<typeof createApp>;
