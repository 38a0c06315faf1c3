import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env.ts';
import type { AuditLevel } from '../audit/audit-level.ts';

/** A small least-recently-used map (Map keeps insertion order; a hit re-inserts). */
export class LruCache<V> {
  private readonly entries = new Map<string, V>();
  constructor(private readonly capacity: number) {}

  get(key: string): V | undefined {
    const v = this.entries.get(key);
    if (v !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, v);
    }
    return v;
  }

  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}

export interface CachedResponse {
  readonly body: ArrayBuffer;
  readonly status: number;
  readonly headers: [string, string][];
  /** What the answer told the audit log, so a replay is audited like the original. */
  readonly auditLevel: AuditLevel | undefined;
}

/** FNV-1a, 32-bit: short, stable ETag suffixes. */
function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

/** Larger answers (Parquet extracts, kept on disk) stream from where they are instead of being held in memory. */
const MAX_KEPT_BYTES = 1024 * 1024;

/**
 * Releases are immutable, so an answer is fixed by (release, caller's scope, URL): that is the ETag
 * and the key of an in-memory LRU of successful GET answers. `If-None-Match` gets 304 without work.
 * Public answers may be cached by shared caches for a minute; scoped ones only privately.
 */
export function responseCache(cache: LruCache<CachedResponse>): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.req.method !== 'GET') return next();
    const caller = c.var.caller;
    const key = `${c.var.release.manifest.id}|${caller.role}|${caller.icb ?? ''}|${c.req.url.slice(c.req.url.indexOf('/', 8))}`;
    const etag = `"${c.var.release.manifest.id}.${fnv1a(key)}"`;
    const cacheControl = caller.role === 'public' ? 'public, max-age=60, stale-while-revalidate=300' : 'private, max-age=60';
    const headers = { ETag: etag, 'Cache-Control': cacheControl, Vary: 'Authorization' };
    if (c.req.header('If-None-Match')?.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)) return c.body(null, 304, headers);
    const hit = cache.get(key);
    if (hit) {
      c.set('auditLevel', hit.auditLevel);
      return new Response(hit.body, { status: hit.status, headers: [...hit.headers, ['X-Cache', 'hit']] });
    }
    await next();
    if (c.res.status !== 200) return;
    for (const [k, v] of Object.entries(headers)) c.res.headers.set(k, v);
    if (Number(c.res.headers.get('Content-Length') ?? 0) > MAX_KEPT_BYTES) return;
    const body = await c.res.clone().arrayBuffer();
    const stored: [string, string][] = [];
    c.res.headers.forEach((v, k) => stored.push([k, v]));
    cache.set(key, { body, status: 200, headers: stored, auditLevel: c.var.auditLevel });
  };
}
