import {
  INDICATORS, funnelQuerySchema, funnelSchema, indicatorDetailSchema, indicatorIdParamSchema, indicatorListSchema, indicatorValuesSchema,
  inequalityQuerySchema, inequalitySchema, itsQuerySchema, itsSchema, periodListSchema, periodsQuerySchema, trendQuerySchema, trendSchema, valuesQuerySchema,
} from '@pathfinder/metrics';
import { indicatorFunnel } from '../services/funnel.ts';
import { resolveIndicator } from '../services/indicator-resolver.ts';
import { indicatorInequality } from '../services/inequality.ts';
import { indicatorIts } from '../services/indicator-its.ts';
import { indicatorValues } from '../services/indicator-values.ts';
import { indicatorPeriods } from '../services/period-resolver.ts';
import { indicatorTrend } from '../services/trend.ts';
import { apiRoute, forbidden, jsonAnswer, jsonOrCsv, problem, routesApp } from './openapi-helpers.ts';
import { answer, releaseMeta, serviceContext } from './respond.ts';

/** What a data route over an indicator's areas refuses, besides the shared answers. */
const AREA_DATA_ERRORS = {
  403: forbidden('these areas'),
  404: problem('Unknown indicator (indicator_not_found), area (area_not_found) or period'),
};

const listRoute = apiRoute({
  method: 'get', path: '/indicators', tags: ['Indicators'], summary: 'The indicator catalogue',
  responses: { 200: jsonAnswer(indicatorListSchema, 'Every indicator with its definition, method, polarity and targets') },
});

const detailRoute = apiRoute({
  method: 'get', path: '/indicators/{id}', tags: ['Indicators'], summary: 'One indicator with full metadata',
  request: { params: indicatorIdParamSchema },
  responses: { 200: jsonAnswer(indicatorDetailSchema, 'The indicator'), 404: problem('Unknown indicator (indicator_not_found)') },
});

const periodsRoute = apiRoute({
  method: 'get', path: '/periods', tags: ['Indicators'], summary: 'Periods an indicator has data for, latest first',
  request: { query: periodsQuerySchema },
  responses: { 200: jsonAnswer(periodListSchema, 'Periods'), 404: problem('Unknown indicator (indicator_not_found)') },
});

const valuesRoute = apiRoute({
  method: 'get', path: '/indicators/{id}/values', tags: ['Indicators'],
  summary: 'Value, 95% and 99.8% CIs, comparison, target, quintile and rank per area for one period',
  description: 'A period coarser than the indicator’s frequency sums numerators and denominators (e.g. a financial year of quarterly COVER data). A level with no rows of its own is summed from the level below.',
  request: { params: indicatorIdParamSchema, query: valuesQuerySchema },
  responses: { 200: jsonOrCsv(indicatorValuesSchema, 'One row per area'), ...AREA_DATA_ERRORS },
});

const trendRoute = apiRoute({
  method: 'get', path: '/indicators/{id}/trend', tags: ['Indicators'],
  summary: 'Time series for one area with CIs, comparator, targets, SPC and the recent-trend marker',
  request: { params: indicatorIdParamSchema, query: trendQuerySchema },
  responses: { 200: jsonOrCsv(trendSchema, 'The series, oldest first'), ...AREA_DATA_ERRORS },
});

const funnelRoute = apiRoute({
  method: 'get', path: '/indicators/{id}/funnel', tags: ['Indicators'],
  summary: 'Funnel plot: points with significance and 95%/99.8% control limits around the chosen centre',
  description: 'Limits at each denominator are the proportions whose Wilson score interval just reaches the centre (PHE Technical Guide; PHEindicatormethods calculate_funnel_limits, whose limit function takes the centre as an argument): the pooled proportion of the plotted areas by default, or London’s value or the period’s target (centre).',
  request: { params: indicatorIdParamSchema, query: funnelQuerySchema },
  responses: { 200: jsonOrCsv(funnelSchema, 'Points and limits'), ...AREA_DATA_ERRORS, 422: problem('The centre asked for has no value: no target for the period (no_target), or no London value (no_centre)') },
});

const inequalityRoute = apiRoute({
  method: 'get', path: '/indicators/{id}/inequality', tags: ['Indicators'],
  summary: 'Values by deprivation quintile, ethnic group or sex, with SII and RII and their 95% limits',
  request: { params: indicatorIdParamSchema, query: inequalityQuerySchema },
  responses: { 200: jsonOrCsv(inequalitySchema, 'One row per group'), ...AREA_DATA_ERRORS },
});

const itsRoute = apiRoute({
  method: 'get', path: '/indicators/{id}/its', tags: ['Indicators'],
  summary: 'Interrupted time series at one intervention, for every area of a level: level and slope change with 95% limits',
  description: 'Segmented regression y = b0 + b1·t + b2·D + b3·(t − t0)·D over each area’s series as GET …/trend gives it (periods without a value left out), fitted by OLS with Newey–West (HAC) standard errors, Bartlett kernel, no small-sample correction, 95% limits from the normal distribution. An area whose segments have fewer than 3 periods with a value is listed with the reason.',
  request: { params: indicatorIdParamSchema, query: itsQuerySchema },
  responses: { 200: jsonAnswer(itsSchema, 'One entry per area'), ...AREA_DATA_ERRORS },
});

export const indicatorRoutes = routesApp()
  .openapi(listRoute, (c) => c.json({ meta: releaseMeta(c), indicators: INDICATORS.map((i) => ({ ...i })) }, 200))
  .openapi(detailRoute, (c) => c.json({ meta: releaseMeta(c), indicator: { ...resolveIndicator(c.req.valid('param').id) } }, 200))
  .openapi(periodsRoute, async (c) => {
    const indicator = resolveIndicator(c.req.valid('query').indicator);
    const periods = await indicatorPeriods(serviceContext(c), indicator);
    return c.json({ meta: releaseMeta(c), indicatorId: indicator.id, periods: periods.map((p) => ({ label: p.period, start: p.period_start })) }, 200);
  })
  .openapi(valuesRoute, async (c) => {
    const { format, ...query } = c.req.valid('query');
    const result = await indicatorValues(serviceContext(c), resolveIndicator(c.req.valid('param').id), query);
    return answer(c, format, result, (body) => ({ name: `${body.indicatorId}-values`, rows: body.rows, leading: { 'Indicator ID': body.indicatorId } }));
  })
  .openapi(trendRoute, async (c) => {
    const { format, ...query } = c.req.valid('query');
    const result = await indicatorTrend(serviceContext(c), resolveIndicator(c.req.valid('param').id), query);
    return answer(c, format, result, (body) => ({ name: `${body.indicatorId}-${body.area.code}-trend`, rows: body.points, leading: { 'Indicator ID': body.indicatorId, 'Area Code': body.area.code, 'Area Name': body.area.name } }));
  })
  .openapi(funnelRoute, async (c) => {
    const { format, ...query } = c.req.valid('query');
    const result = await indicatorFunnel(serviceContext(c), resolveIndicator(c.req.valid('param').id), query);
    return answer(c, format, result, (body) => ({ name: `${body.indicatorId}-funnel`, rows: body.points, leading: { 'Indicator ID': body.indicatorId, 'Time period': body.period } }));
  })
  .openapi(inequalityRoute, async (c) => {
    const { format, ...query } = c.req.valid('query');
    const result = await indicatorInequality(serviceContext(c), resolveIndicator(c.req.valid('param').id), query);
    return answer(c, format, result, (body) => ({ name: `${body.indicatorId}-${body.area.code}-${body.by}`, rows: body.groups, leading: { 'Indicator ID': body.indicatorId, 'Area Code': body.area.code, 'Time period': body.period } }));
  })
  .openapi(itsRoute, async (c) => {
    const { disclosure, ...body } = await indicatorIts(serviceContext(c), resolveIndicator(c.req.valid('param').id), c.req.valid('query'));
    return c.json({ meta: releaseMeta(c, disclosure), ...body }, 200);
  });
