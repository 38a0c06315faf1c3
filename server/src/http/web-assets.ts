import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { MiddlewareHandler } from 'hono';

/**
 * Serves the built web app from `root`: hashed files under /assets are cached for a year, and any
 * other path that is not a file gets index.html so client-side routes work on reload.
 */
export function webAssets(root: string): MiddlewareHandler {
  const files = serveStatic({
    root: path.relative(process.cwd(), root) || '.',
    onFound: (p, c) => {
      c.header('Cache-Control', p.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  let indexHtml: Promise<string> | undefined;
  return async (c, next) => {
    if (c.req.path.startsWith('/api/')) return next();
    const served = await files(c, async () => {});
    if (served) return served;
    indexHtml ??= readFile(path.join(root, 'index.html'), 'utf8');
    c.header('Cache-Control', 'no-cache');
    return c.html(await indexHtml);
  };
}
