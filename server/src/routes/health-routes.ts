import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { healthSchema } from '@pathfinder/metrics';
import type { AppEnv } from '../app-env.ts';

const healthRoute = createRoute({
  method: 'get',
  path: '/healthz',
  summary: 'Liveness and the release being served',
  responses: { 200: { description: 'The server is up', content: { 'application/json': { schema: healthSchema } } } },
});

export const healthRoutes = new OpenAPIHono<AppEnv>().openapi(healthRoute, (c) =>
  c.json({ status: 'ok' as const, releaseId: c.var.release.manifest.id }, 200),
);
