import type { Hono } from 'hono';

type App = Pick<Hono, 'request'>;

/**
 * A public answer, asked as an outsider: no token. Null when the public may not ask (401, or a 4xx
 * for a period, interval or parameter it can no longer request): nothing to learn there.
 * A 5xx fails the attack, since it would hide what the server publishes.
 */
export async function publicAnswer<T>(app: App, path: string): Promise<T | null> {
  return answer<T>(app, path, {});
}

/** The same answer with a token's headers: the ground truth the attack's findings are checked against. */
export async function tokenAnswer<T>(app: App, path: string, headers: Record<string, string>): Promise<T | null> {
  return answer<T>(app, path, headers);
}

async function answer<T>(app: App, path: string, headers: Record<string, string>): Promise<T | null> {
  const res = await app.request(path, { headers });
  if (res.status >= 500) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  if (res.status !== 200) return null;
  return (path.includes('.parquet') ? Buffer.from(await res.arrayBuffer()) : await res.json()) as T;
}

/** Runs `work` over `items` a few at a time (in order, so sampling stays deterministic). */
export async function inBatches<T, R>(items: readonly T[], size: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) out.push(...(await Promise.all(items.slice(i, i + size).map(work))));
  return out;
}
