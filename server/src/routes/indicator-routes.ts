import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import {
  INDICATORS,
  findIndicator,
  indicatorIdParamSchema,
  indicatorListSchema,
  indicatorValuesSchema,
  problemSchema,
  valuesQuerySchema,
  type ReleaseMeta,
} from '@pathfinder/metrics';
import type { AppEnv } from '../app-env.ts';
import { ApiError } from '../http/api-error.ts';
import type { OpenRelease } from '../store/duckdb-store.ts';
import { indicatorValues } from '../services/indicator-values.ts';

const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: problemSchema } } });

const listRoute = createRoute({
  method: 'get',
  path: '/indicators',
  summary: 'The indicator catalogue',
  responses: { 200: { description: 'Every indicator with its definition', content: { 'application/json': { schema: indicatorListSchema } } } },
});

const valuesRoute = createRoute({
  method: 'get',
  path: '/indicators/{id}/values',
  summary: 'Value and confidence intervals per area for one period',
  request: { params: indicatorIdParamSchema, query: valuesQuerySchema },
  responses: {
    200: { description: 'One row per area', content: { 'application/json': { schema: indicatorValuesSchema } } },
    400: problem('A parameter is invalid'),
    404: problem('Unknown indicator'),
  },
});

export function releaseMeta(release: OpenRelease): ReleaseMeta {
  const m = release.manifest;
  return { releaseId: m.id, synthetic: m.synthetic, dataAsAt: m.dataAsAt };
}

export const indicatorRoutes = new OpenAPIHono<AppEnv>()
  .openapi(listRoute, (c) => c.json({ meta: releaseMeta(c.var.release), indicators: INDICATORS.map((i) => ({ ...i })) }, 200))
  .openapi(valuesRoute, async (c) => {
    const { id } = c.req.valid('param');
    const { areaType, period } = c.req.valid('query');
    const indicator = findIndicator(id);
    if (!indicator) throw ApiError.notFound('indicator', id);
    const release = c.var.release;
    const result = await indicatorValues(release.runner, indicator, areaType, period === 'latest' ? null : period);
    return c.json({ meta: releaseMeta(release), indicatorId: id, areaType, ...result }, 200);
  });
