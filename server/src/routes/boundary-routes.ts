import { createRoute } from '@hono/zod-openapi';
import { boroughBoundariesSchema, type BoroughBoundaries } from '@pathfinder/metrics';
import { ApiError } from '../http/api-error.ts';
import { problem, routesApp } from './openapi-helpers.ts';

const boundariesRoute = createRoute({
  method: 'get', path: '/boundaries', tags: ['Areas'],
  summary: 'Official borough boundaries (GeoJSON), when the server is configured with BOUNDARIES_FILE',
  responses: { 200: { description: 'The 33 London boroughs with code and name', content: { 'application/json': { schema: boroughBoundariesSchema } } }, 404: problem('No boundaries file is configured: the dashboard uses its tile grid') },
});

/** Serves the configured boundaries, or 404 `no_boundaries` so the dashboard falls back to the tile grid. */
export const boundaryRoutes = (boundaries: BoroughBoundaries | null) =>
  routesApp().openapi(boundariesRoute, (c) => {
    if (!boundaries) throw new ApiError(404, 'no_boundaries', 'no boundaries file is configured (set BOUNDARIES_FILE to an ONS Local Authority Districts GeoJSON)');
    c.header('Cache-Control', 'public, max-age=86400');
    return c.json(boundaries, 200);
  });
