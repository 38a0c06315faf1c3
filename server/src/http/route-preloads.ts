import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

/** What the web build writes to `route-preloads.json` (web/vite/route-preloads.ts): per route, the files its view needs beyond the entry's. */
const RoutePreloadsFile = z.array(z.strictObject({
  /** TanStack Router's path: `$name` stands for one segment. */
  path: z.string().startsWith('/'),
  scripts: z.array(z.string().regex(/^\/assets\/[\w.-]+\.js$/)),
  styles: z.array(z.string().regex(/^\/assets\/[\w.-]+\.css$/)),
}));
export type RoutePreloads = z.infer<typeof RoutePreloadsFile>;

/** The routes' preloads of the built web app in `root`; none when the build wrote none (an older build). */
export async function readRoutePreloads(root: string): Promise<RoutePreloads> {
  let text: string;
  try {
    text = await readFile(path.join(root, 'route-preloads.json'), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return RoutePreloadsFile.parse(JSON.parse(text));
}

/** Whether a request's path is a route's (`$name` matching one segment; a trailing slash allowed). */
export function matchesRoute(routePath: string, requestPath: string): boolean {
  const pattern = routePath.split('/').map((segment) => (segment.startsWith('$') ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('/');
  return new RegExp(`^${pattern}/?$`).test(requestPath);
}

/**
 * The `<link>` tags that start a page's view downloading with the entry: its chunks as module
 * preloads, its stylesheets as stylesheets (after the entry's, in the order the view would add
 * them; Vite's loader skips a file a link already names). Empty for a path no route has.
 */
export function routePreloadTags(preloads: RoutePreloads, requestPath: string): string {
  const route = preloads.find((r) => matchesRoute(r.path, requestPath));
  if (!route) return '';
  return [
    ...route.scripts.map((href) => `<link rel="modulepreload" crossorigin href="${href}">`),
    ...route.styles.map((href) => `<link rel="stylesheet" crossorigin href="${href}">`),
  ].join('\n');
}
