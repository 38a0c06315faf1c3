import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ApiError, problemResponse } from './api-error.ts';

export interface RequestLimits {
  /** Largest request body accepted (bytes); only annotations and snapshots take one, a few hundred bytes, so this is small. */
  readonly maxBodyBytes: number;
  /** Longest path (characters, as sent, percent-encoded). */
  readonly maxPathLength: number;
  /** Longest query string (characters, as sent). */
  readonly maxQueryLength: number;
  /** Most query parameters in one request. */
  readonly maxQueryParameters: number;
}

/** Generous for a read-only API whose longest real URL is a few hundred characters. */
const DEFAULT_REQUEST_LIMITS: RequestLimits = { maxBodyBytes: 16 * 1024, maxPathLength: 1024, maxQueryLength: 2048, maxQueryParameters: 32 };

/** Refuses oversized requests before any work: 413 for a body, 414 for a path or query string, 400 for too many parameters. */
export function requestLimits(limits: RequestLimits = DEFAULT_REQUEST_LIMITS): MiddlewareHandler {
  const tooLarge = () => new ApiError(413, 'body_too_large', `the request body is larger than ${limits.maxBodyBytes} bytes`);
  const body = bodyLimit({ maxSize: limits.maxBodyBytes, onError: (c) => problemResponse(tooLarge(), c) });
  return async (c, next) => {
    const url = c.req.url;
    const pathStart = url.indexOf('/', url.indexOf('//') + 2);
    const queryStart = url.indexOf('?', pathStart);
    const pathLength = (queryStart === -1 ? url.length : queryStart) - pathStart;
    const query = queryStart === -1 ? '' : url.slice(queryStart + 1);
    if (pathLength > limits.maxPathLength) throw new ApiError(414, 'path_too_long', `the path is longer than ${limits.maxPathLength} characters`);
    if (query.length > limits.maxQueryLength) throw new ApiError(414, 'query_too_long', `the query string is longer than ${limits.maxQueryLength} characters`);
    const parameters = query === '' ? 0 : query.split('&').filter((p) => p !== '').length;
    if (parameters > limits.maxQueryParameters) throw new ApiError(400, 'too_many_parameters', `the query has ${parameters} parameters; at most ${limits.maxQueryParameters} are accepted`);
    // A GET or HEAD never reads a body (a Fetch Request cannot carry one), so its declared length is all
    // there is to check; skipping bodyLimit also spares building the whole standard Request, a large part
    // of what a cached answer costs.
    if (c.req.method === 'GET' || c.req.method === 'HEAD') {
      if (Number(c.req.header('content-length') ?? 0) > limits.maxBodyBytes) throw tooLarge();
      return next();
    }
    return body(c, next);
  };
}
