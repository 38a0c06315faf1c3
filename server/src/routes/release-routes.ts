import { createRoute } from '@hono/zod-openapi';
import { healthSchema, releaseInfoSchema } from '@pathfinder/metrics';
import { releaseMeta } from './respond.ts';
import { COMMON_ERRORS, routesApp } from './openapi-helpers.ts';

const currentRoute = createRoute({
  method: 'get', path: '/releases/current', tags: ['Releases'], summary: 'The data release being served',
  responses: { 200: { description: 'Manifest of the current release', content: { 'application/json': { schema: releaseInfoSchema } } }, 400: COMMON_ERRORS[400] },
});

const healthRoute = createRoute({
  method: 'get', path: '/healthz', tags: ['Releases'], summary: 'Liveness and the release being served',
  responses: { 200: { description: 'The server is up: `ok`, or `degraded` when it serves an older release because the current one failed verification', content: { 'application/json': { schema: healthSchema } } }, 400: COMMON_ERRORS[400] },
});

export const releaseRoutes = routesApp()
  .openapi(currentRoute, (c) => {
    const { files: _files, ...release } = c.var.release.manifest;
    return c.json({ meta: releaseMeta(c), release }, 200);
  })
  .openapi(healthRoute, (c) => {
    const releaseId = c.var.release.manifest.id;
    const reason = c.var.degradation;
    return c.json(reason === null ? { status: 'ok' as const, releaseId } : { status: 'degraded' as const, releaseId, reason }, 200);
  });
