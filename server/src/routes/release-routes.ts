import { healthSchema, releaseInfoSchema } from '@pathfinder/metrics';
import { releaseMeta } from './respond.ts';
import { apiRoute, jsonAnswer, routesApp, type MiddlewareStatus } from './openapi-helpers.ts';

/** The release routes, less the shared responses in `absent` (the middleware that cannot answer where they are mounted). */
function releaseRoutesWithout<const W extends MiddlewareStatus>(absent: readonly W[]) {
  const currentRoute = apiRoute({
    method: 'get', path: '/releases/current', tags: ['Releases'], summary: 'The data release being served',
    responses: { 200: jsonAnswer(releaseInfoSchema, 'Manifest of the current release') },
  }, absent);

  const healthRoute = apiRoute({
    method: 'get', path: '/healthz', tags: ['Releases'], summary: 'Liveness and the release being served',
    responses: { 200: jsonAnswer(healthSchema, 'The server is up: `ok`, or `degraded` when it serves an older release because the current one failed verification') },
  }, [429, ...absent]);

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
