import { createRoute } from '@hono/zod-openapi';
import { areaBoundariesSchema, boundariesQuerySchema, type BoundarySet } from '@pathfinder/metrics';
import { COMMON_ERRORS, routesApp } from './openapi-helpers.ts';

const boundariesRoute = createRoute({
  method: 'get', path: '/boundaries', tags: ['Areas'],
  summary: 'Official boundaries of London’s boroughs or ICBs (GeoJSON): the bundled ONS files (OGL v3), or BOUNDARIES_FILE / ICB_BOUNDARIES_FILE',
  request: { query: boundariesQuerySchema },
  responses: { 200: { description: 'One feature per area with code and name, in code order, and the attribution to show', content: { 'application/json': { schema: areaBoundariesSchema } } }, 400: COMMON_ERRORS[400] },
});

export const boundaryRoutes = (boundaries: BoundarySet) =>
  routesApp().openapi(boundariesRoute, (c) => c.json(boundaries[c.req.valid('query').areaType], 200));
