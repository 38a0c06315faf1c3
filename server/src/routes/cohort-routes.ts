import { cohortCurveQuerySchema, cohortCurveSchema, indicatorIdParamSchema } from '@pathfinder/metrics';
import { cohortCurve } from '../services/cohort-curve.ts';
import { resolveIndicator } from '../services/indicator-resolver.ts';
import { apiRoute, forbidden, jsonOrCsv, problem, routesApp } from './openapi-helpers.ts';
import { answer, serviceContext } from './respond.ts';

const curveRoute = apiRoute({
  method: 'get', path: '/cohorts/{id}/curve', tags: ['Cohorts'],
  summary: 'Cumulative coverage by age in months of birth cohorts, for a COVER indicator’s dose',
  description: '{id} is an immunisation indicator with a COVER measure. A child counts as vaccinated at an age when the dose was given before reaching it (the COVER rule). Each curve runs from 0 to 60 months, or to the age the cohort’s youngest child had reached by the data as-at date. With format=csv: one row per cohort and age.',
  request: { params: indicatorIdParamSchema, query: cohortCurveQuerySchema },
  responses: {
    200: jsonOrCsv(cohortCurveSchema, 'One curve per cohort'),
    403: forbidden('this area'),
    404: problem('Unknown indicator or area, an indicator without a COVER measure, or no event data (code no_event_data)'),
  },
});

export const cohortRoutes = routesApp().openapi(curveRoute, async (c) => {
  const { format, ...query } = c.req.valid('query');
  const result = await cohortCurve(serviceContext(c), resolveIndicator(c.req.valid('param').id), query);
  return answer(c, format, result, (body) => ({
    name: `${body.indicatorId}-${body.area.code}-cohort-curve`,
    rows: body.cohorts.flatMap((k) => k.points.map((p) => ({ cohort: k.cohort, ...p }))),
    leading: { 'Indicator ID': body.indicatorId, 'Area Code': body.area.code, 'Area Name': body.area.name },
  }));
});
