import { areaCodeParamSchema, areaListSchema, areasQuerySchema, overviewQuerySchema, overviewSchema, profileQuerySchema, profileSchema } from '@pathfinder/metrics';
import { visibleArea, visibleLevelAreas } from '../services/area-access.ts';
import { areaSummary } from '../services/area-summary.ts';
import { overview } from '../services/overview.ts';
import { areaProfile } from '../services/profile.ts';
import { apiRoute, forbidden, jsonOrCsv, problem, routesApp } from './openapi-helpers.ts';
import { csvResponse, answer, noteReturned, releaseMeta, serviceContext } from './respond.ts';

const FORBIDDEN = forbidden('this area level');

const areasRoute = apiRoute({
  method: 'get', path: '/areas', tags: ['Areas'], summary: 'Areas of a level, optionally under any ancestor',
  request: { query: areasQuerySchema },
  responses: { 200: jsonOrCsv(areaListSchema, 'Areas in code order'), 403: FORBIDDEN, 404: problem('Unknown parent area (area_not_found)') },
});

const profileRoute = apiRoute({
  method: 'get', path: '/areas/{code}/profile', tags: ['Areas'], summary: 'Every indicator for one area with the London range, compared with England, London or its ICB (spine chart)',
  request: { params: areaCodeParamSchema, query: profileQuerySchema },
  responses: { 200: jsonOrCsv(profileSchema, 'One row per indicator'), 403: FORBIDDEN, 404: problem('Unknown area (area_not_found)') },
});

const overviewRoute = apiRoute({
  method: 'get', path: '/overview', tags: ['Overview'], summary: 'Area × indicator matrix with comparison outcomes (the tartan rug)',
  request: { query: overviewQuerySchema },
  responses: { 200: jsonOrCsv(overviewSchema, 'Areas, and per indicator one value, comparison and suppression flag per area (CSV: one row per cell)'), 404: problem('Unknown parent area (area_not_found)') },
});

export const areaRoutes = routesApp()
  .openapi(areasRoute, (c) => {
    const { type, parent, format } = c.req.valid('query');
    const areas = visibleLevelAreas(serviceContext(c), type, parent).map(areaSummary);
    if (areas.length > 0) noteReturned(c, type);
    if (format === 'csv') return csvResponse(c, { name: `areas-${type}`, rows: areas });
    return c.json({ meta: releaseMeta(c), areas }, 200);
  })
  .openapi(profileRoute, async (c) => {
    const ctx = serviceContext(c);
    const { comparator, format } = c.req.valid('query');
    const result = await areaProfile(ctx, visibleArea(ctx, c.req.valid('param').code), comparator);
    return answer(c, format, result, (body) => ({ name: `${body.area.code}-profile`, rows: body.rows, leading: { 'Area Code': body.area.code, 'Area Name': body.area.name, 'Comparator': body.comparator.name } }));
  })
  .openapi(overviewRoute, async (c) => {
    const { format, ...query } = c.req.valid('query');
    const { cells, ...result } = await overview(serviceContext(c), query);
    return answer(c, format, result, (body) => ({ name: `overview-${body.areaType}`, rows: cells }));
  });
