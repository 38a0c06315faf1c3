import type { MiddlewareHandler } from 'hono';

const ALLOW_METHODS = 'GET, HEAD, OPTIONS';
const ALLOW_HEADERS = 'Authorization, If-None-Match, Content-Type';
const EXPOSE_HEADERS = 'ETag, Retry-After, Content-Disposition';

/**
 * CORS for an allow-list of exact origins (CORS_ORIGINS): an allowed origin is echoed, any other
 * gets no CORS headers, so browsers keep the answer from it. Tokens travel in the Authorization
 * header, never in cookies, so credentials are never allowed. Set after the handler, so answers
 * replayed from the response cache carry this request's headers, not the first requester's.
 */
export function corsPolicy(origins: readonly string[]): MiddlewareHandler {
  const allowed = new Set(origins);
  return async (c, next) => {
    const origin = c.req.header('Origin');
    const isAllowed = origin !== undefined && allowed.has(origin);
    if (c.req.method === 'OPTIONS' && c.req.header('Access-Control-Request-Method')) {
      const headers: Record<string, string> = { Vary: 'Origin' };
      if (isAllowed) Object.assign(headers, { 'Access-Control-Allow-Origin': origin, 'Access-Control-Allow-Methods': ALLOW_METHODS, 'Access-Control-Allow-Headers': ALLOW_HEADERS, 'Access-Control-Max-Age': '600' });
      return c.body(null, 204, headers);
    }
    await next();
    const headers = c.res.headers;
    headers.delete('Access-Control-Allow-Origin');
    headers.delete('Access-Control-Allow-Credentials');
    if (!headers.get('Vary')?.split(',').some((v) => v.trim().toLowerCase() === 'origin')) headers.append('Vary', 'Origin');
    if (isAllowed) {
      headers.set('Access-Control-Allow-Origin', origin);
      headers.set('Access-Control-Expose-Headers', EXPOSE_HEADERS);
    }
  };
}
