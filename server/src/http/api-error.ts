import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { Problem } from '@pathfinder/metrics';

/** The one error type routes throw: an HTTP status, a stable machine-readable code and a message for people. */
export class ApiError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 414 | 422 | 429 | 500 | 503,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }

  static notFound(what: string, id: string): ApiError {
    return new ApiError(404, `${what}_not_found`, `no ${what.replaceAll('_', ' ')} with id ${JSON.stringify(id)}`);
  }
}

const TITLES: Record<number, string> = { 400: 'Bad request', 401: 'Unauthorised', 403: 'Forbidden', 404: 'Not found', 405: 'Method not allowed', 409: 'Conflict', 413: 'Payload too large', 414: 'URI too long', 422: 'Unprocessable content', 429: 'Too many requests', 500: 'Internal server error', 503: 'Service unavailable' };

/** Renders any error as RFC 9457 problem+json; internal errors are logged, never leaked. */
export function problemResponse(error: unknown, c: Context): Response {
  let problem: Problem;
  if (error instanceof ApiError) {
    problem = { type: `about:blank`, title: TITLES[error.status] ?? 'Error', status: error.status, code: error.code, detail: error.message, instance: c.req.path };
  } else if (error instanceof HTTPException && error.status < 500) {
    problem = { type: 'about:blank', title: TITLES[error.status] ?? 'Error', status: error.status, code: 'http_error', detail: error.message || TITLES[error.status], instance: c.req.path };
  } else {
    console.error(JSON.stringify({ level: 'error', path: c.req.path, error: error instanceof Error ? error.stack : String(error) }));
    problem = { type: 'about:blank', title: TITLES[500]!, status: 500, code: 'internal_error', detail: 'The server could not answer this request.', instance: c.req.path };
  }
  // A refusal depends on the token, so a shared cache must not hand one caller's 401/403 to another; errors are never cached here.
  return c.body(JSON.stringify(problem), problem.status as 400, { 'content-type': 'application/problem+json', 'cache-control': 'no-store', vary: 'Authorization' });
}
