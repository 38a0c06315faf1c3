import { areaBoundariesSchema, boundariesQuerySchema, type BoundarySet } from '@pathfinder/metrics';
import { apiRoute, jsonAnswer, routesApp } from './openapi-helpers.ts';

const boundariesRoute = apiRoute({
  method: 'get', path: '/boundaries', tags: ['Areas'],
  summary: 'Official boundaries of London’s boroughs or ICBs (GeoJSON): the bundled ONS files (OGL v3), or BOUNDARIES_FILE / ICB_BOUNDARIES_FILE',
  request: { query: boundariesQuerySchema },
  responses: { 200: jsonAnswer(areaBoundariesSchema, 'One feature per area with code and name, in code order, and the attribution to show') },
});

export const boundaryRoutes = (boundaries: BoundarySet) =>
  routesApp().openapi(boundariesRoute, (c) => c.json(boundaries[c.req.valid('query').areaType], 200));
