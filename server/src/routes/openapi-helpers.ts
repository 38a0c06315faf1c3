import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { RouteConfig } from '@hono/zod-openapi';
import { problemSchema } from '@pathfinder/metrics';
import type { ZodType } from 'zod';
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
  413: problem('The request declares a body (Content-Length) larger than the limit; the API reads none (body_too_large)'),
  414: problem('The path or the query string is longer than the limit (path_too_long, query_too_long)'),
  422: problem('The answer would be larger than the caller’s limit (answer_too_large: ask for less, or use the Parquet extracts)'),
  429: problem('More requests a minute from this address than the server allows (rate_limited; see Retry-After)'),
  431: problem('The request’s header fields are larger than the server accepts (headers_too_large)'),
  500: problem('The server could not answer (internal_error); no detail is leaked'),
  503: problem('The answer took longer than the server’s deadline and was given up (query_timeout)'),
} as const;

export type MiddlewareStatus = keyof typeof MIDDLEWARE_RESPONSES;

/**
 * `createRoute` with the responses every route can give from the middleware in front of it, so each
 * route declares only its own (its 200, and the 403/404/422 its service raises, which override the
 * shared wording). `without` leaves out what cannot happen on a route (the rate limit exempts
 * /healthz; a Parquet file is not measured as an answer).
 */
export function apiRoute<P extends string, R extends Omit<RouteConfig, 'path'> & { path: P }, const W extends MiddlewareStatus = never>(config: R, without: readonly W[] = []) {
  const shared = Object.fromEntries(Object.entries(MIDDLEWARE_RESPONSES).filter(([status]) => !without.some((w) => String(w) === status))) as Omit<typeof MIDDLEWARE_RESPONSES, W>;
  return createRoute({ ...config, responses: { ...shared, ...config.responses } as Omit<typeof MIDDLEWARE_RESPONSES, W | keyof R['responses']> & R['responses'] });
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
