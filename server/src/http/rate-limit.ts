import type { MiddlewareHandler } from 'hono';
import { ApiError, problemResponse } from './api-error.ts';
import { clientAddress } from './client-address.ts';
import { TokenBuckets } from './token-buckets.ts';

/** Paths never limited: load balancers and orchestrators poll them. */
const EXEMPT = new Set(['/healthz', '/api/v1/healthz']);

/** Rate limiting per client address with a token bucket: 429 problem+json with Retry-After when the bucket is empty. */
export function rateLimit(options: { perMinute: number; now?: () => number }): MiddlewareHandler {
  const buckets = new TokenBuckets(options.perMinute, options.now);
  return async (c, next) => {
    if (EXEMPT.has(c.req.path)) return next();
    const result = buckets.take(clientAddress(c));
    if (result.allowed) return next();
    const res = problemResponse(new ApiError(429, 'rate_limited', `more than ${options.perMinute} requests a minute from this address; retry after ${result.retryAfterSeconds} s`), c);
    res.headers.set('Retry-After', String(result.retryAfterSeconds));
    return res;
  };
}
