import type { Context } from 'hono';
import { fnv1a } from './response-cache.ts';

/**
 * Conditional GET for an answer that no cache key can describe (the list of releases changes when
 * one is published, with no request to tell the cache): its ETag is a hash of its bytes, so a
 * client revalidates (`Cache-Control: no-cache`) and gets a 304 while it is unchanged.
 * @returns the 304 when the client's copy is this answer; null to send it
 */
export function notModified(c: Context, json: string): Response | null {
  const etag = `"content.${fnv1a(json)}.${json.length.toString(36)}"`;
  c.header('ETag', etag);
  c.header('Cache-Control', 'no-cache');
  c.header('Vary', 'Authorization, Accept-Encoding');
  const matches = c.req.header('If-None-Match')?.split(',').some((t) => t.trim().replace(/^W\//, '') === etag) ?? false;
  return matches ? c.body(null, 304) : null;
}
