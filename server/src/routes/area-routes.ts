import { createRoute } from '@hono/zod-openapi';
import { areaCodeParamSchema, areaListSchema, areasQuerySchema, findIndicator, overviewQuerySchema, overviewSchema, periodListSchema, periodsQuerySchema, profileQuerySchema, profileSchema } from '@pathfinder/metrics';
import { ApiError } from '../http/api-error.ts';
import { areaSummary } from '../services/area-summary.ts';
import { overview } from '../services/overview.ts';
import { indicatorPeriods } from '../services/period-resolver.ts';
import { areaProfile } from '../services/profile.ts';
import { COMMON_ERRORS, jsonOrCsv, routesApp } from './openapi-helpers.ts';
import { csvResponse, noteReturned, releaseMeta, serviceContext } from './respond.ts';
import { visibleLevelAreas } from '../services/area-access.ts';

const areasRoute = createRoute({
  method: 'get', path: '/areas', tags: ['Areas'], summary: 'Areas of a level, optionally under any ancestor',
  request: { query: areasQuerySchema },
  responses: { 200: jsonOrCsv(areaListSchema, 'Areas in code order'), ...COMMON_ERRORS },
});

const profileRoute = createRoute({
  method: 'get', path: '/areas/{code}/profile', tags: ['Areas'], summary: 'Every indicator for one area with the London range and England (spine chart)',
  request: { params: areaCodeParamSchema, query: profileQuerySchema },
  responses: { 200: jsonOrCsv(profileSchema, 'One row per indicator'), ...COMMON_ERRORS },
});

const periodsRoute = createRoute({
  method: 'get', path: '/periods', tags: ['Indicators'], summary: 'Periods an indicator has data for, latest first',
  request: { query: periodsQuerySchema },
  responses: { 200: { description: 'Periods', content: { 'application/json': { schema: periodListSchema } } }, ...COMMON_ERRORS },
});

const overviewRoute = createRoute({
  method: 'get', path: '/overview', tags: ['Overview'], summary: 'Area × indicator matrix with comparison outcomes (the tartan rug)',
  request: { query: overviewQuerySchema },
  responses: { 200: jsonOrCsv(overviewSchema, 'Areas, and per indicator one value, comparison and suppression flag per area (CSV: one row per cell)'), ...COMMON_ERRORS },
});

export const areaRoutes = routesApp()
  .openapi(areasRoute, (c) => {
    const { type, parent, format } = c.req.valid('query');
    const areas = visibleLevelAreas(serviceContext(c), type, parent).map(areaSummary);
    if (areas.length > 0) noteReturned(c, type);
    if (format === 'csv') return csvResponse(c, `areas-${type}`, areas);
    return c.json({ meta: releaseMeta(c), areas }, 200);
  })
  .openapi(profileRoute, async (c) => {
    const { format } = c.req.valid('query');
    const { disclosure, ...body } = await areaProfile(serviceContext(c), c.req.valid('param').code);
    if (format === 'csv') return csvResponse(c, `${body.area.code}-profile`, body.rows, { 'Area Code': body.area.code, 'Area Name': body.area.name });
    return c.json({ meta: releaseMeta(c, disclosure), ...body }, 200);
  })
  .openapi(periodsRoute, async (c) => {
    const { indicator: id } = c.req.valid('query');
    const indicator = findIndicator(id);
    if (!indicator) throw ApiError.notFound('indicator', id);
    const periods = await indicatorPeriods(serviceContext(c), indicator);
    return c.json({ meta: releaseMeta(c), indicatorId: id, periods: periods.map((p) => ({ label: p.period, start: p.period_start })) }, 200);
  })
  .openapi(overviewRoute, async (c) => {
    const { format, period: _latest, ...query } = c.req.valid('query');
    const { disclosure, cells, ...body } = await overview(serviceContext(c), query);
    if (format === 'csv') return csvResponse(c, `overview-${body.areaType}`, cells);
    return c.json({ meta: releaseMeta(c, disclosure), ...body }, 200);
  });
