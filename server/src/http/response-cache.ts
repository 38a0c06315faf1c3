import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env.ts';
import type { AuditLevel } from '../audit/audit-level.ts';

/**
 * A least-recently-used map bounded by the bytes its values hold, as `sizeOf` counts them (Map keeps
 * insertion order; a hit re-inserts). A value larger than the whole budget is not kept.
 */
export class LruCache<V> {
  private readonly entries = new Map<string, { readonly value: V; readonly bytes: number }>();
  private held = 0;
  constructor(
    readonly maxBytes: number,
    private readonly sizeOf: (value: V, key: string) => number,
  ) {}

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (entry !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return entry?.value;
  }

  /** Keeps `value` under `key`, evicting the least recently used until the budget holds; false when it alone is over budget. */
  set(key: string, value: V): boolean {
    this.delete(key);
    const bytes = this.sizeOf(value, key);
    if (bytes > this.maxBytes) return false;
    this.entries.set(key, { value, bytes });
    this.held += bytes;
    for (const [oldest] of this.entries) {
      if (this.held <= this.maxBytes) break;
      this.delete(oldest);
    }
    return true;
  }

  clear(): void {
    this.entries.clear();
    this.held = 0;
  }

  get size(): number {
    return this.entries.size;
  }

  /** Bytes the kept values hold, as counted when they were kept. */
  get bytes(): number {
    return this.held;
  }

  private delete(key: string): void {
    const entry = this.entries.get(key);
    if (entry === undefined) return;
    this.entries.delete(key);
    this.held -= entry.bytes;
  }
}

export interface CachedResponse {
  /** The answer's bytes, gzip-compressed when `gzipped` (one form only: compressed, a JSON answer holds about a tenth of the memory). */
  readonly body: ArrayBuffer;
  readonly gzipped: boolean;
  /** Length of the uncompressed answer, for a HEAD from a client that does not accept gzip. */
  readonly identityBytes: number;
  readonly status: number;
  readonly headers: [string, string][];
  /** What the answer told the audit log, so a replay is audited like the original. */
  readonly auditLevel: AuditLevel | undefined;
}

/** FNV-1a, 32-bit: short, stable ETag suffixes. */
export function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

/** Below this size compression costs more than it saves. */
const MIN_GZIP_BYTES = 1024;

const toArrayBuffer = (b: Buffer): ArrayBuffer => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

/** The Map entry, the answer object and its header arrays, roughly: small, but a flood of tiny answers must count too. */
const ENTRY_OVERHEAD_BYTES = 512;

/** What a kept answer holds in memory: its body, the key and the headers (UTF-16 strings), and the objects around them. */
const cachedResponseBytes = (kept: CachedResponse, key: string): number =>
  kept.body.byteLength + 2 * (key.length + kept.headers.reduce((n, [k, v]) => n + k.length + v.length, 0)) + ENTRY_OVERHEAD_BYTES;

/** The answer cache: at most `maxBytes` held in answers, counted by what they hold, not by a header that may be absent. */
export const answerCache = (maxBytes: number) => new LruCache<CachedResponse>(maxBytes, cachedResponseBytes);

/**
 * Releases are immutable, so an answer is fixed by (release, caller's scope, URL): that is the ETag
 * and the key of an in-memory LRU of successful GET answers. `If-None-Match` gets 304 without work.
 * Public answers may be cached by shared caches for a minute; scoped ones only privately. HEAD is
 * answered by the GET route (Hono drops the body), so it shares the GET's key and headers.
 */
export function responseCache(cache: LruCache<CachedResponse>): MiddlewareHandler<AppEnv> {
  // Larger answers (Parquet extracts, kept on disk) stream from where they are instead of being held in memory.
  const maxKeptBytes = Math.min(cache.maxBytes / 8, 8 * 1024 * 1024);
  const inFlight = new Map<string, Promise<void>>();
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    const caller = c.var.caller;
    const key = `${c.var.release.manifest.id}|${caller.role}|${caller.icb ?? ''}|${c.req.url.slice(c.req.url.indexOf('/', 8))}`;
    const etag = `"${c.var.release.manifest.id}.${fnv1a(key)}"`;
    const cacheControl = caller.role === 'public' ? 'public, max-age=60, stale-while-revalidate=300' : 'private, max-age=60';
    const headers = { ETag: etag, 'Cache-Control': cacheControl, Vary: 'Authorization, Accept-Encoding' };
    if (c.req.header('If-None-Match')?.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)) return c.body(null, 304, headers);
    // Identical requests that miss at the same moment wait for the first one instead of each querying.
    const pending = inFlight.get(key);
    if (pending) await pending;
    const hit = cache.get(key);
    if (hit) {
      c.set('auditLevel', hit.auditLevel);
      return await replay(c, hit, [['X-Cache', 'hit']]);
    }
    let finished!: () => void;
    inFlight.set(key, new Promise<void>((resolve) => (finished = resolve)));
    try {
      await next();
      const kept = await remember(c, key, headers, cache, maxKeptBytes);
      if (kept) {
        // Unset first: assigning over c.res copies the old answer's headers onto the new one, and an
        // extract's Content-Length would then describe the uncompressed bytes.
        c.res = undefined;
        c.res = await replay(c, kept, []);
      } else if (c.req.method === 'HEAD') {
        // Hono drops a HEAD's body without reading it: an extract streamed from disk would keep its file open.
        await c.res.body?.cancel();
      }
    } finally {
      inFlight.delete(key);
      finished();
    }
  };
}

/**
 * A kept answer, gzip-compressed when the client accepts it, so the first answer and every replay
 * are the same bytes; decompressed (off the event loop) for the rare client that does not.
 */
async function replay(c: Context<AppEnv>, kept: CachedResponse, extra: [string, string][]): Promise<Response> {
  const gzip = kept.gzipped && /\bgzip\b/.test(c.req.header('Accept-Encoding') ?? '');
  const asKept = gzip || !kept.gzipped;
  const body = asKept ? kept.body : c.req.method === 'HEAD' ? null : toArrayBuffer(await gunzipAsync(new Uint8Array(kept.body)));
  // Given explicitly so a HEAD (whose body Hono drops) reports the length of the GET.
  const length: [string, string][] = [['Content-Length', String(asKept ? kept.body.byteLength : kept.identityBytes)]];
  return new Response(body, { status: kept.status, headers: [...kept.headers, ...length, ...extra, ...(gzip ? ([['Content-Encoding', 'gzip']] as [string, string][]) : [])] });
}

/** Keeps a successful answer (gzip-compressed when that is smaller) for the next identical request; null when it is not kept. */
async function remember(c: Context<AppEnv>, key: string, headers: Record<string, string>, cache: LruCache<CachedResponse>, maxKeptBytes: number): Promise<CachedResponse | null> {
  if (c.res.status !== 200) return null;
  for (const [k, v] of Object.entries(headers)) c.res.headers.set(k, v);
  if (Number(c.res.headers.get('Content-Length') ?? 0) > maxKeptBytes) return null;
  const read = await readAtMost(c.res, maxKeptBytes);
  if (read.tooLarge) {
    c.res = undefined;
    c.res = read.tooLarge;
    return null;
  }
  const body = read.body;
  const stored: [string, string][] = [];
  c.res.headers.forEach((v, k) => {
    if (k !== 'content-length') stored.push([k, v]);
  });
  // Answers are compressed once, when cached, off the event loop, and served compressed to every client that accepts it.
  const compressed = body.byteLength >= MIN_GZIP_BYTES ? toArrayBuffer(await gzipAsync(new Uint8Array(body), { level: 6 })) : null;
  const gzipped = compressed !== null && compressed.byteLength < body.byteLength;
  const kept: CachedResponse = { body: gzipped ? compressed : body, gzipped, identityBytes: body.byteLength, status: 200, headers: stored, auditLevel: c.var.auditLevel };
  cache.set(key, kept);
  return kept;
}

/**
 * The body of `res` if it has at most `limit` bytes; otherwise the same answer, rebuilt from the
 * bytes read so far and the rest of the stream, so a body without Content-Length is never held whole.
 */
async function readAtMost(res: Response, limit: number): Promise<{ body: ArrayBuffer; tooLarge?: never } | { tooLarge: Response }> {
  if (!res.body) return { body: new ArrayBuffer(0) };
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    length += value.byteLength;
    if (length > limit) {
      const rest = new ReadableStream<Uint8Array>({
        start: (controller) => {
          for (const chunk of chunks) controller.enqueue(chunk);
        },
        pull: async (controller) => {
          const next = await reader.read();
          if (next.done) controller.close();
          else controller.enqueue(next.value);
        },
        cancel: (reason) => reader.cancel(reason),
      });
      return { tooLarge: new Response(rest, { status: res.status, headers: res.headers }) };
    }
  }
  const only = chunks.length === 1 ? chunks[0]! : null;
  // An answer built in memory usually arrives as one chunk: keep its bytes instead of copying them.
  if (only) return { body: only.byteOffset === 0 && only.byteLength === only.buffer.byteLength ? (only.buffer as ArrayBuffer) : toArrayBuffer(Buffer.from(only.buffer, only.byteOffset, only.byteLength)) };
  const body = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    body.set(chunk, at);
    at += chunk.byteLength;
  }
  return { body: body.buffer };
}
