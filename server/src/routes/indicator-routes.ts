import { createRoute } from '@hono/zod-openapi';
import {
  INDICATORS, findIndicator, funnelQuerySchema, funnelSchema, indicatorDetailSchema, indicatorIdParamSchema, indicatorListSchema,
  indicatorValuesSchema, inequalityQuerySchema, inequalitySchema, trendQuerySchema, trendSchema, valuesQuerySchema,
} from '@pathfinder/metrics';
import { ApiError } from '../http/api-error.ts';
import { indicatorFunnel } from '../services/funnel.ts';
import { indicatorInequality } from '../services/inequality.ts';
import { indicatorValues } from '../services/indicator-values.ts';
import { indicatorTrend } from '../services/trend.ts';
import { COMMON_ERRORS, jsonOrCsv, problem, routesApp } from './openapi-helpers.ts';
import { csvResponse, releaseMeta, serviceContext } from './respond.ts';

const indicatorOr404 = (id: string) => {
  const indicator = findIndicator(id);
  if (!indicator) throw ApiError.notFound('indicator', id);
  return indicator;
};

const listRoute = createRoute({
  method: 'get', path: '/indicators', tags: ['Indicators'], summary: 'The indicator catalogue',
  responses: { 200: { description: 'Every indicator with its definition, method, polarity and targets', content: { 'application/json': { schema: indicatorListSchema } } }, 400: COMMON_ERRORS[400] },
});

const detailRoute = createRoute({
  method: 'get', path: '/indicators/{id}', tags: ['Indicators'], summary: 'One indicator with full metadata',
  request: { params: indicatorIdParamSchema },
  responses: { 200: { description: 'The indicator', content: { 'application/json': { schema: indicatorDetailSchema } } }, 400: COMMON_ERRORS[400], 404: problem('Unknown indicator') },
});

const valuesRoute = createRoute({
  method: 'get', path: '/indicators/{id}/values', tags: ['Indicators'],
  summary: 'Value, 95% and 99.8% CIs, comparison, target, quintile and rank per area for one period',
  description: 'A period coarser than the indicator’s frequency sums numerators and denominators (e.g. a financial year of quarterly COVER data). A level with no rows of its own is summed from the level below.',
  request: { params: indicatorIdParamSchema, query: valuesQuerySchema },
  responses: { 200: jsonOrCsv(indicatorValuesSchema, 'One row per area'), ...COMMON_ERRORS },
});

const trendRoute = createRoute({
  method: 'get', path: '/indicators/{id}/trend', tags: ['Indicators'],
  summary: 'Time series for one area with CIs, comparator, targets, SPC and the recent-trend marker',
  request: { params: indicatorIdParamSchema, query: trendQuerySchema },
  responses: { 200: jsonOrCsv(trendSchema, 'The series, oldest first'), ...COMMON_ERRORS },
});

const funnelRoute = createRoute({
  method: 'get', path: '/indicators/{id}/funnel', tags: ['Indicators'],
  summary: 'Funnel plot: points with significance and 95%/99.8% control limits',
  request: { params: indicatorIdParamSchema, query: funnelQuerySchema },
  responses: { 200: jsonOrCsv(funnelSchema, 'Points and limits'), ...COMMON_ERRORS },
});

const inequalityRoute = createRoute({
  method: 'get', path: '/indicators/{id}/inequality', tags: ['Indicators'],
  summary: 'Values by deprivation quintile, ethnic group or sex, with SII and RII and their 95% limits',
  request: { params: indicatorIdParamSchema, query: inequalityQuerySchema },
  responses: { 200: jsonOrCsv(inequalitySchema, 'One row per group'), ...COMMON_ERRORS },
});

export const indicatorRoutes = routesApp()
  .openapi(listRoute, (c) => c.json({ meta: releaseMeta(c), indicators: INDICATORS.map((i) => ({ ...i })) }, 200))
  .openapi(detailRoute, (c) => c.json({ meta: releaseMeta(c), indicator: { ...indicatorOr404(c.req.valid('param').id) } }, 200))
  .openapi(valuesRoute, async (c) => {
    const { format, ...query } = c.req.valid('query');
    const { disclosure, ...body } = await indicatorValues(serviceContext(c), indicatorOr404(c.req.valid('param').id), query);
    if (format === 'csv') return csvResponse(c, `${body.indicatorId}-values`, body.rows, { 'Indicator ID': body.indicatorId });
    return c.json({ meta: releaseMeta(c, disclosure), ...body }, 200);
  })
  .openapi(trendRoute, async (c) => {
    const { format, ...query } = c.req.valid('query');
    const { disclosure, ...body } = await indicatorTrend(serviceContext(c), indicatorOr404(c.req.valid('param').id), query);
    if (format === 'csv') return csvResponse(c, `${body.indicatorId}-${body.area.code}-trend`, body.points, { 'Indicator ID': body.indicatorId, 'Area Code': body.area.code, 'Area Name': body.area.name });
    return c.json({ meta: releaseMeta(c, disclosure), ...body }, 200);
  })
  .openapi(funnelRoute, async (c) => {
    const { format, ...query } = c.req.valid('query');
    const { disclosure, ...body } = await indicatorFunnel(serviceContext(c), indicatorOr404(c.req.valid('param').id), query);
    if (format === 'csv') return csvResponse(c, `${body.indicatorId}-funnel`, body.points, { 'Indicator ID': body.indicatorId, 'Time period': body.period });
    return c.json({ meta: releaseMeta(c, disclosure), ...body }, 200);
  })
  .openapi(inequalityRoute, async (c) => {
    const { format, ...query } = c.req.valid('query');
    const { disclosure, ...body } = await indicatorInequality(serviceContext(c), indicatorOr404(c.req.valid('param').id), query);
    if (format === 'csv') return csvResponse(c, `${body.indicatorId}-${body.area.code}-${body.by}`, body.groups, { 'Indicator ID': body.indicatorId, 'Area Code': body.area.code, 'Time period': body.period });
    return c.json({ meta: releaseMeta(c, disclosure), ...body }, 200);
  });
