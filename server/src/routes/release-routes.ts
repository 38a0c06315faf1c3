import { healthSchema, releaseInfoSchema, releaseListSchema } from '@pathfinder/metrics';
import { notModified } from '../http/content-etag.ts';
import { releaseSummaries } from '../services/release-summaries.ts';
import type { DataStore } from '../store/data-store.ts';
import { releaseMeta } from './respond.ts';
import { apiRoute, jsonAnswer, routesApp, type MiddlewareStatus } from './openapi-helpers.ts';

/** The release routes, less the shared responses in `absent` (the middleware that cannot answer where they are mounted). */
function releaseRoutesWithout<const W extends MiddlewareStatus>(absent: readonly W[]) {
  const currentRoute = apiRoute({
    method: 'get', path: '/releases/current', tags: ['Releases'], summary: 'The data release being served',
    responses: { 200: jsonAnswer(releaseInfoSchema, 'Manifest of the current release (less its file list)') },
  }, { without: absent, release: false });

  const healthRoute = apiRoute({
    method: 'get', path: '/healthz', tags: ['Releases'], summary: 'Liveness and the release being served',
    responses: { 200: jsonAnswer(healthSchema, 'The server is up: `ok`, or `degraded` when it serves an older release because the current one failed verification') },
  }, { without: [429, ...absent], release: false });

  return routesApp()
    .openapi(currentRoute, (c) => {
      const { files: _files, ...release } = c.var.release.manifest;
      return c.json({ meta: releaseMeta(c), release }, 200);
    })
    .openapi(healthRoute, (c) => {
      const releaseId = c.var.release.manifest.id;
      const reason = c.var.degradation;
      return c.json(reason === null ? { status: 'ok' as const, releaseId } : { status: 'degraded' as const, releaseId, reason }, 200);
    });
}

export const releaseRoutes = releaseRoutesWithout([]);

/** The same routes at the root, for load balancers: no token is read there, and no answer is cached or measured. */
export const rootReleaseRoutes = releaseRoutesWithout([304, 401, 422]);

const listRoute = apiRoute({
  method: 'get', path: '/releases', tags: ['Releases'], summary: 'Every release served: the data sources a client may choose with release=ID',
  description: 'The release answering requests without `release` comes first (current: true), then the others newest first. A release published while the server runs is listed at once. A release is listed from its manifest: one whose files fail verification is listed but answers 503 release_unavailable. The list is read afresh for each request (Cache-Control: no-cache); its ETag is a hash of the answer, for a 304 while it is unchanged.',
  responses: { 200: jsonAnswer(releaseListSchema, 'The releases, with their kind, sources, disclosure policy and what they cover') },
}, { release: false });

/** `GET /releases`, over the store's data directory. */
export const releaseListRoutes = (store: DataStore) =>
  routesApp().openapi(listRoute, async (c) => {
    const body = { meta: releaseMeta(c), releases: await releaseSummaries(store) };
    return notModified(c, JSON.stringify(body)) ?? c.json(body, 200);
  });
