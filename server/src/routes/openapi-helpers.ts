import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { RouteConfig } from '@hono/zod-openapi';
import { problemSchema, releaseQuery } from '@pathfinder/metrics';
import { ZodObject, type ZodType } from 'zod';
import type { AppEnv } from '../app-env.ts';
import { ApiError } from '../http/api-error.ts';

/** A problem+json response entry for route declarations. */
export const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: problemSchema } } });

/** The 403 of a route whose data depends on the caller's role (the public gets the 401 that every route declares). */
export const forbidden = (what: string) => problem(`The token’s role does not reach ${what}`);

/** A JSON answer entry. */
export const jsonAnswer = <T extends ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });

/** The 200 entry of a route with `format`: the JSON answer, or with `format=csv` its rows as text/csv. */
export const jsonOrCsv = <T extends ZodType>(schema: T, description: string) => ({
  description: `${description}. With format=csv: the rows as text/csv with Fingertips-style column names, the release id and the synthetic flag in leading columns.`,
  content: { 'application/json': { schema }, 'text/csv': { schema: z.string() } },
});

/**
 * What the middleware in front of every route can answer (see `createApp`): strict query and
 * request limits, tokens, the response cache, the answer-size net, the rate limit, the request
 * deadline and the error handler. 431 comes from the HTTP server itself (`startServer`), before
 * the app sees the request.
 */
const MIDDLEWARE_RESPONSES = {
  304: { description: 'Not modified: the If-None-Match ETag is the answer’s (release, caller’s scope, URL)' },
  400: problem('A parameter is invalid, or not one the route declares, or there are too many (the problem names it)'),
  401: problem('The Authorization header is not a valid, unexpired bearer token, or the data needs a token'),
  413: problem('The request body is larger than the limit (body_too_large; only annotations and snapshots take a body)'),
  414: problem('The path or the query string is longer than the limit (path_too_long, query_too_long)'),
  422: problem('The answer would be larger than the caller’s limit (answer_too_large: ask for less, or use the Parquet extracts)'),
  429: problem('More requests a minute from this address than the server allows (rate_limited; see Retry-After)'),
  431: problem('The request’s header fields are larger than the server accepts (headers_too_large)'),
  500: problem('The server could not answer (internal_error); no detail is leaked'),
  503: problem('The answer took longer than the server’s deadline and was given up (query_timeout)'),
} as const;

export type MiddlewareStatus = keyof typeof MIDDLEWARE_RESPONSES;

/** The `release` query parameter, added to a route's own (or as its only one). */
type ReleaseShape = { release: typeof releaseQuery };
type QueryWithRelease<Q> = Q extends ZodObject<infer Shape, infer Config> ? ZodObject<Shape & ReleaseShape, Config> : ZodObject<ReleaseShape>;
type RequestWithRelease<Req> = (Req extends object ? Omit<Req, 'query'> : Record<never, never>) & { query: QueryWithRelease<Req extends { query?: infer Q } ? Q : undefined> };

/** What a route that takes `release` can answer besides its own: the release asked for is unknown, or cannot be served. */
const RELEASE_RESPONSES = {
  404: problem('No release with the id asked for (release_not_found: GET /api/v1/releases lists them)'),
  503: problem('The answer took longer than the server’s deadline (query_timeout), or the release asked for fails verification against its manifest and is not served (release_unavailable, naming each bad file)'),
} as const;

type Responses<R extends { responses: object }, W extends MiddlewareStatus, Scoped extends boolean> = Scoped extends true
  ? Omit<typeof MIDDLEWARE_RESPONSES, W | keyof R['responses'] | keyof typeof RELEASE_RESPONSES> & Omit<typeof RELEASE_RESPONSES, keyof R['responses']> & R['responses']
  : Omit<typeof MIDDLEWARE_RESPONSES, W | keyof R['responses']> & R['responses'];

interface ApiRouteOptions<W extends MiddlewareStatus, Scoped extends boolean> {
  /** Shared responses that cannot happen on this route (the rate limit exempts /healthz; a Parquet file is not measured as an answer). */
  readonly without?: readonly W[];
  /**
   * Whether the route answers from a release of the caller's choice (`release=ID`, default the
   * current one): every data route does; the release routes and the session do not.
   */
  readonly release?: Scoped;
}

/**
 * `createRoute` with what every route shares, so each route declares only its own: the responses
 * of the middleware in front of it (its 200, and the 403/404/422 its service raises, override the
 * shared wording), and on data routes the `release` query parameter with the 404 and 503 it can
 * bring (the middleware selecting the request's release answers those: see `createApp`).
 */
export function apiRoute<P extends string, R extends Omit<RouteConfig, 'path'> & { path: P }, const W extends MiddlewareStatus = never, const Scoped extends boolean = true>(config: R, options: ApiRouteOptions<W, Scoped> = {}) {
  const without = options.without ?? [];
  const scoped = options.release ?? true;
  const shared = Object.fromEntries(Object.entries(MIDDLEWARE_RESPONSES).filter(([status]) => !without.some((w) => String(w) === status)));
  const own404 = (config.responses as Record<string, { description: string } | undefined>)[404];
  // A route's own 404 (an unknown indicator, area…) says that the release may be unknown too.
  const release404 = own404 ? { 404: { ...own404, description: `${own404.description}; or no release with the id asked for (release_not_found)` } } : {};
  const responses = { ...shared, ...(scoped ? RELEASE_RESPONSES : {}), ...config.responses, ...(scoped ? release404 : {}) } as Responses<R, W, Scoped>;
  const query = config.request?.query;
  if (scoped && query !== undefined && !(query instanceof ZodObject)) throw new Error(`the query schema of ${config.path} must be a z.object to take \`release\``);
  const withRelease = query instanceof ZodObject ? query.extend({ release: releaseQuery }) : z.object({ release: releaseQuery });
  const request = scoped ? { request: { ...config.request, query: withRelease } } : {};
  type Declared = Scoped extends true ? Omit<R, 'responses' | 'request'> & { request: RequestWithRelease<R['request']>; responses: Responses<R, W, Scoped> } : Omit<R, 'responses'> & { responses: Responses<R, W, Scoped> };
  return createRoute({ ...config, ...request, responses } as unknown as Declared);
}

/** A Hono sub-app whose request validation failures become 400 problems naming the parameter. */
export const routesApp = () =>
  new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        const issue = result.error.issues[0];
        const name = issue?.path.join('.') || 'request';
        throw new ApiError(400, 'invalid_parameter', `invalid parameter ${name}: ${issue?.message ?? 'invalid'}`);
      }
    },
  });
