import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { readRoutePreloads, routePreloadTags, type RoutePreloads } from './route-preloads.ts';

// `crossorigin` (credentials same-origin) and no extra header: the request fetch() then makes for
// the public, so the browser reuses the preloaded answer. A tag first in the page, not a Link header:
// Chromium asked for a header's preload a second time once the page named its view's chunks too.
const RELEASES_PRELOAD = '<link rel="preload" as="fetch" crossorigin href="/api/v1/releases">';

const escapeAttribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * Serves the built web app from `root`: hashed files under /assets are cached for a year (and sent
 * Brotli- or gzip-compressed when the browser accepts it and the build made a copy), and any
 * other path that is not a file gets index.html so client-side routes work on reload. index.html
 * carries the current release (id, kind, synthetic flag, data as at) in a meta tag, so the header
 * and the "Synthetic data" banner are drawn on first paint instead of shifting the page when the
 * API answers (no inline script: the CSP forbids it). It is the release a page without `release`
 * in its URL shows; a page naming another learns of it from the API. Every view is drawn once the
 * list of releases (GET /api/v1/releases) is in, so the page asks the browser to fetch it at once
 * (`<link rel=preload>`, first in its head) while the app's code downloads, rather than after that code has run.
 * Likewise the page names the chunks and stylesheets of its route's view (`routePreloadTags`), so
 * they download beside the entry rather than once the router has asked for them.
 */
export function webAssets(root: string): MiddlewareHandler<AppEnv> {
  const files = serveStatic({
    root: path.relative(process.cwd(), root) || '.',
    // The build writes .br and .gz copies of text and wasm assets (web/vite/precompress.ts).
    precompressed: true,
  });
  let indexHtml: Promise<string> | undefined;
  let preloads: Promise<RoutePreloads> | undefined;
  const page: MiddlewareHandler<AppEnv> = async (c) => {
    indexHtml ??= readFile(path.join(root, 'index.html'), 'utf8');
    preloads ??= readRoutePreloads(root);
    const m = c.var.release.manifest;
    const meta = `<meta name="pathfinder-release" content="${escapeAttribute(JSON.stringify({ id: m.id, kind: m.kind, synthetic: m.synthetic, dataAsAt: m.dataAsAt }))}">`;
    const views = routePreloadTags(await preloads, c.req.path === '/index.html' ? '/' : c.req.path);
    c.header('Cache-Control', 'no-cache');
    return c.html((await indexHtml).replace('<head>', `<head>\n${RELEASES_PRELOAD}`).replace('</head>', `${meta}\n${views ? `${views}\n` : ''}</head>`));
  };
  return async (c, next) => {
    if (c.req.path.startsWith('/api/')) return next();
    if (c.req.path === '/' || c.req.path === '/index.html') return page(c, next);
    const served = await files(c, async () => {});
    if (!served) return page(c, next);
    // Set on the answer itself: serveStatic calls onFound after it has built its Response, so a
    // header set there reaches only a copy (the standard Response is not the one it returns).
    served.headers.set('Cache-Control', c.req.path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    return served;
  };
}
